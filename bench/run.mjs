// npm run bench: bundle sizes, render ratios against plain DOM, layout shift and request count.
// Prints one table and writes bench/results/latest.json. Never fails on a slow machine.
import { mkdirSync, readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { minify as minifyJs } from 'terser';
import { launchBrowser, useSystemFonts } from '../test/browser.mjs';
import { startDemoServer } from '../test/e2e/demo-server.mjs';
import { benchBundle, PART_MINIFY } from './bundle.mjs';
import { measureServerRendering, printServerRendering } from './ssr.mjs';
import { measureFeeds, printFeeds } from './feeds.mjs';
import { loaderCost } from './loader-cost.mjs';
import { measureVisitorCost, printVisitorCost } from './visitor.mjs';
import { staticServer } from './static-server.mjs';
import { measureChunks, printChunks } from './chunks.mjs';
import { median } from './median.mjs';

const root = process.cwd();
const kb = (bytes) => (bytes / 1024).toFixed(1);
const sizes = (code) => ({
  min: Buffer.byteLength(code),
  gzip: gzipSync(code, { level: 9 }).length,
  brotli: brotliCompressSync(code).length,
});

// ------------------------------------------------------------------ size
function packageOf(id) {
  const path = relative(root, id);
  if (path.includes('node_modules/@lit/context')) return '@lit/context';
  if (/node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\//.test(path)) return 'lit';
  if (path.includes('node_modules/dompurify')) return 'dompurify';
  if (path.includes('node_modules')) return 'other';
  return 'own';
}

async function bundleSize(input) {
  const bundle = await benchBundle(input);
  const { output } = await bundle.generate({ format: 'es', inlineDynamicImports: true });
  await bundle.close();
  const chunk = output[0];
  // Each package's share: its tree-shaken modules minified and gzipped on their own (the parts
  // add up to a little more than the whole, which gzips across them).
  const groups = {};
  for (const [id, info] of Object.entries(chunk.modules)) {
    groups[packageOf(id)] = (groups[packageOf(id)] ?? '') + (info.code ?? '') + '\n';
  }
  const measured = sizes(chunk.code);
  const split = {};
  for (const [name, code] of Object.entries(groups)) {
    const { code: min } = await minifyJs(code, PART_MINIFY);
    split[name] = gzipSync(min ?? '', { level: 9 }).length;
  }
  return { ...measured, gzipByPackage: split };
}

async function measureSizes() {
  const rows = [];
  const all = readFileSync('dist/newsroom-elements.js', 'utf8');
  rows.push({ entry: 'dist/newsroom-elements.js (shipped)', ...(await bundleSize('src/all.ts')), ...sizes(all) });
  for (const name of readdirSync('src').filter((dir) => dir !== 'core' && existsSync(`src/${dir}/define.ts`))) {
    rows.push({ entry: `${name}.js`, ...(await bundleSize(`src/${name}/define.ts`)) });
  }
  return rows;
}

// The script-tag path: dist/loader.js and the chunks it fetches for a page's tags.
const loaderRows = () =>
  [
    ['site-nav', 'contact-card'],
    ['news-provider', 'site-nav', 'contact-card'],
    ['news-provider', 'site-nav', 'news-list', 'contact-card'],
    ['news-provider', 'site-nav', 'news-article', 'related-articles', 'contact-card'],
    ['news-provider', 'site-nav', 'message-form', 'contact-card'],
  ].map((tags) => loaderCost(tags));

function printLoaderSizes() {
  console.log('\nLazy loader (dist/loader.js + the chunks it fetches; KiB gzip / brotli)');
  for (const row of loaderRows()) {
    console.log(`  ${row.tags.join(' + ').padEnd(70)} ${kb(row.gzip).padStart(6)}K ${kb(row.brotli).padStart(6)}K  in ${row.files} files`);
  }
}

// ------------------------------------------------------------------ render ratios
const ROUNDS = 9;

/**
 * Each case of bench/bench.js, library against plain DOM in alternating rounds (the first one a
 * warm-up, not counted): the median main-thread CPU time (Performance.getMetrics' ThreadTime
 * around each run, so other processes on a busy machine do not count) and the median wall-clock time.
 */
async function measureRendering(browser) {
  const server = await staticServer();
  try {
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error('bench page error:', error.message));
    await page.goto(`http://127.0.0.1:${server.address().port}/bench/page.html`);
    await page.waitForFunction(() => typeof window.benchStep === 'function');
    const cdp = await page.createCDPSession();
    await cdp.send('Performance.enable');
    const threadMs = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime').value * 1000;
    const step = (name, side, what) => page.evaluate((...args) => window.benchStep(...args), name, side, what);
    const results = [];
    for (const name of await page.evaluate(() => window.benchCases())) {
      const runs = { library: { cpu: [], wall: [] }, plain: { cpu: [], wall: [] } };
      for (let round = 0; round <= ROUNDS; round++) {
        for (const side of round % 2 ? ['plain', 'library'] : ['library', 'plain']) {
          await step(name, side, 'setup');
          const before = await threadMs();
          const wall = await step(name, side, 'run');
          const cpu = (await threadMs()) - before;
          await step(name, side, 'clear');
          if (round > 0) {
            runs[side].cpu.push(cpu);
            runs[side].wall.push(wall);
          }
        }
      }
      const [libraryMs, plainMs] = [median(runs.library.cpu), median(runs.plain.cpu)];
      const [libraryWallMs, plainWallMs] = [median(runs.library.wall), median(runs.plain.wall)];
      results.push({
        name,
        libraryMs,
        plainMs,
        ratio: libraryMs / plainMs,
        libraryWallMs,
        plainWallMs,
        wallRatio: libraryWallMs / plainWallMs,
      });
    }
    return results;
  } finally {
    server.close();
  }
}

// ------------------------------------------------------------------ demo: CLS and requests
async function measureDemo(browser) {
  const server = await startDemoServer();
  const url = server.url.replace(/\/$/, '');
  try {
    const requests = await browser.newPage();
    const seen = [];
    requests.on('request', (request) => seen.push(request.url().replace(url, '')));
    await requests.goto(`${url}/index.html`, { waitUntil: 'networkidle0' });
    const siteJson = seen.filter((path) => /site\.json/.test(path)).length;

    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.evaluateOnNewDocument(() => {
      window.__cls = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (/\/content\/.*\.json/.test(request.url())) setTimeout(() => request.continue(), 500 + Math.random() * 1000);
      else request.continue();
    });
    const cls = {};
    for (const path of ['/index.html', '/news.html', '/article.html?id=1001', '/contact.html']) {
      await page.goto(url + path, { waitUntil: 'networkidle0' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      cls[path] = await page.evaluate(() => window.__cls);
    }
    return { homeRequests: seen.length, siteJsonRequests: siteJson, cls };
  } finally {
    await server.stop();
  }
}

// ------------------------------------------------------------------ report
const sizeRows = await measureSizes();
const chunks = await measureChunks();
// The same browser the tests use (CHROME_PATH, an installed one, or the bundled one), with the
// system's fonts: the paint figures are about the demo's Chinese text, which needs a CJK font.
useSystemFonts();
const browser = await launchBrowser();
let rendering = [];
let demo = {};
let serverRendering = {};
try {
  rendering = await measureRendering(browser);
  demo = await measureDemo(browser).catch((error) => ({ note: error.message }));
  serverRendering = await measureServerRendering(browser).catch((error) => ({ note: error.message }));
} finally {
  await browser.close();
}
// Its own browser and demo server (Lighthouse needs a debugging port).
const visitor = await measureVisitorCost().catch((error) => [{ note: error.message }]);

console.log('\nSize (KiB: min / gzip / brotli; then each package minified + gzipped alone, approximate)');
for (const row of sizeRows) {
  const split = Object.entries(row.gzipByPackage ?? {})
    .map(([name, bytes]) => `${name} ${kb(bytes)}K`)
    .join(', ');
  console.log(
    `  ${row.entry.padEnd(38)} ${kb(row.min).padStart(6)}K ${kb(row.gzip).padStart(6)}K ${kb(row.brotli).padStart(6)}K   ${split}`,
  );
}
console.log(
  `\nRendering in headless Chromium: a fresh element given its data, through layout, against the same DOM built by hand in a shadow root (median of ${ROUNDS} alternating rounds; main-thread CPU time, then wall clock)`,
);
for (const row of rendering) {
  console.log(
    `  ${row.name.padEnd(38)} library ${row.libraryMs.toFixed(1).padStart(7)} ms   plain DOM ${row.plainMs.toFixed(1).padStart(7)} ms   ratio ${row.ratio.toFixed(2)}x` +
      `   (wall ${row.libraryWallMs.toFixed(1)} / ${row.plainWallMs.toFixed(1)} ms = ${row.wallRatio.toFixed(2)}x)`,
  );
}
console.log('\nDemo site (content requests delayed 500-1,500 ms)');
if (demo.cls) {
  for (const [path, value] of Object.entries(demo.cls)) console.log(`  CLS ${path.padEnd(34)} ${value.toFixed(4)}`);
  console.log(`  requests on the home page: ${demo.homeRequests} (site.json fetched ${demo.siteJsonRequests}x)`);
} else {
  console.log(`  skipped: ${demo.note}`);
}

printServerRendering(serverRendering);
const feeds = await measureFeeds();
printFeeds(feeds);
printLoaderSizes();
printChunks(chunks);
printVisitorCost(visitor);

mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/latest.json',
  JSON.stringify(
    { date: new Date().toISOString(), size: sizeRows, loader: loaderRows(), chunks, rendering, demo, serverRendering, feeds, visitor },
    null,
    2,
  ),
);
console.log('\nwritten: bench/results/latest.json');
