// `npm run screenshots`: the demo's article and news pages in every engine installed here, at a
// desktop width and a 390 px phone width, server-rendered, into screenshots/ (git-ignored):
// screenshots/<engine>-<page>-<width>.png. For Chinese text install a CJK font
// (Debian: fonts-noto-cjk); the bundled Chromium is pointed at the system's fonts.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { useSystemFonts } from '../test/browser.mjs';
import { ENGINES } from '../test/engines.mjs';
import { repoRoot, startDemoServer } from '../test/e2e/demo-server.mjs';
import { openEngine } from '../test/e2e/engine-driver.mjs';

const PAGES = { article: '/article.html?id=1001', news: '/news.html' };
const SIZES = [
  [1280, 900],
  [390, 844],
];
const out = join(repoRoot, 'screenshots');
mkdirSync(out, { recursive: true });

useSystemFonts();
const server = await startDemoServer();
try {
  for (const name of ENGINES) {
    const tab = await openEngine(name);
    if (!tab) {
      console.log(`${name}: not installed, no screenshots`);
      continue;
    }
    try {
      for (const [width, height] of SIZES) {
        await tab.resize(width, height);
        for (const [page, path] of Object.entries(PAGES)) {
          await tab.goto(new URL(path, server.url).href);
          // Fonts and lazy images settle after load.
          await new Promise((resolve) => setTimeout(resolve, 800));
          const file = join(out, `${name}-${page}-${width}.png`);
          await tab.screenshot(file);
          console.log(file);
        }
      }
    } finally {
      await tab.close();
    }
  }
} finally {
  await server.stop();
}
