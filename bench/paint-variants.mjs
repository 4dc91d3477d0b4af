// node bench/paint-variants.mjs [ROUNDS]: what the server-rendered article's text paint is made
// of. The demo's article page as served, and the same HTML with one part changed, each painted
// in alternating rounds in one run (4x CPU throttling, a new browser context per round), beside
// the client-rendered page. Every variant, the served one included, comes through one small
// server that answers the page itself and passes everything else to the demo server, so they
// differ only in their HTML. Last, the host page's own speed-ups in both modes, each against the
// other. docs/sizes.md quotes it.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { once } from 'node:events';
import { join } from 'node:path';
import { launchBrowser, useSystemFonts } from '../test/browser.mjs';
import { repoRoot, startDemoServer } from '../test/e2e/demo-server.mjs';
import { articleTextPainted } from './ssr.mjs';
import { median } from './median.mjs';
import { articleFonts, printArticleFonts } from './fonts.mjs';

const ROUNDS = Number(process.argv[2] ?? 11);
const ARTICLE = '/article.html?id=1001';

/** `html` without the element that opens with `start`, up to its own end tag. */
function without(html, start) {
  const from = html.indexOf(start);
  if (from < 0) throw new Error(`bench/paint-variants: ${start} is not in the page any more`);
  const name = start.slice(1).split(/[\s>]/)[0];
  const tags = new RegExp(`<(/?)${name}[\\s>]`, 'g');
  tags.lastIndex = from;
  for (let depth = 0, tag; (tag = tags.exec(html));) {
    depth += tag[1] ? -1 : 1;
    if (depth === 0) return html.slice(0, from) + html.slice(html.indexOf('>', tag.index) + 1);
  }
  throw new Error(`bench/paint-variants: ${start} is not closed`);
}

/**
 * What a host page can do for its own first paint without changing how it looks, all at once: its
 * theme script and logo inline (no script request before the body, no SVG document to decode),
 * the footer and the related list skipped until scrolled to, and one font family, which for a
 * page in Chinese also covers its Latin text.
 */
function hostSpeedUps(html, theme, logo) {
  const css = '.site-footer,related-articles{content-visibility:auto;contain-intrinsic-size:auto 320px}:root{--newsroom-font:sans-serif}';
  return html
    .replace('<script src="/theme.js"></script>', `<script>${theme}</script>`)
    .replace(/<img class="brand-mark"[^>]*>/, logo.replace('<svg ', '<svg class="brand-mark" aria-hidden="true" '))
    .replace('</head>', `<style>${css}</style></head>`);
}

function variants(served, css, theme) {
  const article = served.slice(served.indexOf('<news-article'), served.indexOf('</news-article>') + '</news-article>'.length);
  const head = served.slice(0, served.indexOf('>', served.indexOf('<body')) + 1);
  const articleOnly = `${head}<main id="main" class="content">${article}</main></body></html>`;
  // The least a page's text can be painted at here: a new renderer, one font, one paragraph.
  const paragraph = served.match(/<div class="body" part="body"><p>.*?<\/p>/s)[0];
  const floor = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>floor</title></head><body><news-article><template shadowrootmode="open">${paragraph}</div></template></news-article></body></html>`;
  return {
    'as served': served,
    'stylesheet and theme script inline': served
      .replace('<link rel="stylesheet" href="/site.css">', `<style>${css}</style>`)
      .replace('<script src="/theme.js"></script>', `<script>${theme}</script>`),
    'no header': without(served, '<header class="site-header">'),
    'the header without its menu': without(served, '<div class="nav-band">'),
    'the header with only its menu': ['<div class="topbar">', '<div class="wrap brand-row">', '<div class="page-banner">'].reduce(
      without,
      served,
    ),
    'the article alone, same head': articleOnly,
    'the article alone, no stylesheet or script': articleOnly
      .replace(/<link rel="stylesheet"[^>]*>/, '')
      .replace(/<script[^>]*src=[^>]*><\/script>/g, ''),
    'one paragraph, nothing else (the floor)': floor,
  };
}

const demo = await startDemoServer();
const pages = new Map();
const proxy = createServer(async (request, response) => {
  const page = pages.get(decodeURIComponent(new URL(request.url, 'http://x').searchParams.get('variant') ?? ''));
  if (page !== undefined) {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    return response.end(page);
  }
  const reply = await fetch(new URL(request.url, demo.url), { headers: { 'Accept-Encoding': 'identity' } });
  const skip = new Set(['content-encoding', 'content-length', 'transfer-encoding']);
  response.writeHead(reply.status, Object.fromEntries([...reply.headers].filter(([name]) => !skip.has(name))));
  response.end(Buffer.from(await reply.arrayBuffer()));
});
proxy.listen(0, '127.0.0.1');
await once(proxy, 'listening');
const base = `http://127.0.0.1:${proxy.address().port}`;
useSystemFonts();
const browser = await launchBrowser();
try {
  const served = await (await fetch(new URL(ARTICLE, demo.url))).text();
  const clientServed = await (await fetch(new URL(`${ARTICLE}&ssr=0`, demo.url))).text();
  const css = await readFile(join(repoRoot, 'demo/site.css'), 'utf8');
  const theme = await readFile(join(repoRoot, 'demo/theme.js'), 'utf8');
  const logo = await readFile(join(repoRoot, 'demo/img/logo.svg'), 'utf8');
  const CLIENT = 'client-rendered (?ssr=0)';
  const HOST = 'the host page sped up (against the same, client-rendered)';
  const HOST_CLIENT = 'client-rendered, the host page sped up';
  pages.set(HOST_CLIENT, hostSpeedUps(clientServed, theme, logo));
  for (const [name, html] of Object.entries(variants(served, css, theme))) pages.set(name, html);
  pages.set(HOST, hostSpeedUps(served, theme, logo));
  const urls = { [CLIENT]: `${base}${ARTICLE}&ssr=0` };
  for (const name of pages.keys())
    urls[name] = `${base}${ARTICLE}${name.startsWith('client') ? '&ssr=0' : ''}&variant=${encodeURIComponent(name)}`;
  const fonts = await articleFonts(browser, urls['as served']);
  const times = Object.fromEntries(Object.keys(urls).map((name) => [name, []]));
  // One round unmeasured (font files read from disk), then alternating rounds.
  for (let round = -1; round < ROUNDS; round++) {
    for (const [name, url] of Object.entries(urls)) {
      const ms = await articleTextPainted(browser, url);
      if (round >= 0) times[name].push(ms);
    }
  }
  console.log(`Article text painted, 4x CPU throttling, median of ${ROUNDS} alternating rounds`);
  printArticleFonts(fonts);
  for (const [name, values] of Object.entries(times)) {
    const ms = median(values);
    // Each round against the client-rendered page's same round: the goal holds in every one of them.
    const clientTimes = times[name === HOST ? HOST_CLIENT : CLIENT];
    const rounds = values.map((value, round) => clientTimes[round] / value);
    const ratio = name.startsWith('client')
      ? ''
      : `${(median(clientTimes) / ms).toFixed(2)}x sooner than client-rendered; rounds ${Math.min(...rounds).toFixed(2)}–${Math.max(...rounds).toFixed(2)}x, ${rounds.filter((r) => r >= 2.5).length} of ${ROUNDS} at 2.5x`;
    console.log(`  ${name.padEnd(58)} ${ms.toFixed(0).padStart(5)} ms  ${ratio}`);
  }
} finally {
  await browser.close();
  proxy.close();
  await demo.stop();
}
