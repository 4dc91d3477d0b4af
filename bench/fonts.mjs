// Which fonts draw the demo article's text in the bench's browser. The demo's pages are in Chinese:
// without a font for Chinese the browser draws missing-glyph boxes, and the paint figures measure
// those instead of the text a reader sees (shaping and laying out a CJK font is much of the work
// before the first paint). The bench prints the fonts beside its paint figures and says when they
// are boxes.
import { execFileSync } from 'node:child_process';

/** The font families fontconfig says cover Chinese, or `null` where there is no fontconfig. */
function chineseFamilies() {
  try {
    const lines = execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).split('\n');
    return new Set(
      lines
        .flatMap((line) => line.split(','))
        .map((name) => name.trim())
        .filter(Boolean),
    );
  } catch {
    return null;
  }
}

/**
 * The platform fonts that draw the first paragraph of the article's body at `url`, as
 * `[{ family, glyphs }]`, and a `warning` when none of them covers Chinese (Linux only: elsewhere
 * the system always has one).
 */
export async function articleFonts(browser, url) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const paragraph = `document.querySelector('news-article')?.shadowRoot?.querySelector('[part~="body"] p')`;
    await page.waitForFunction(`!!${paragraph}?.textContent.trim()`, { timeout: 30_000 });
    const cdp = await page.createCDPSession();
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const { result } = await cdp.send('Runtime.evaluate', { expression: paragraph });
    const { node } = await cdp.send('DOM.describeNode', { objectId: result.objectId });
    const {
      nodeIds: [nodeId],
    } = await cdp.send('DOM.pushNodesByBackendIdsToFrontend', { backendNodeIds: [node.backendNodeId] });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    const used = fonts.map((font) => ({ family: font.familyName, glyphs: font.glyphCount }));
    const chinese = chineseFamilies();
    const warning =
      chinese && !used.some(({ family }) => chinese.has(family))
        ? 'no font here covers Chinese, so the text is drawn as missing-glyph boxes and the paint figures are not what a reader sees: install one (Debian: fonts-noto-cjk)'
        : undefined;
    return { used, warning };
  } finally {
    await context.close();
  }
}

export function printArticleFonts(fonts) {
  if (!fonts) return;
  console.log(`  the article's text is drawn in ${fonts.used.map(({ family, glyphs }) => `${family} (${glyphs} glyphs)`).join(', ')}`);
  if (fonts.warning) console.log(`  warning: ${fonts.warning}`);
}
