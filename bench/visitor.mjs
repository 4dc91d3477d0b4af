// What a visitor of each demo page pays, as the demo server serves it (compressed, through the
// lazy loader): JavaScript on the wire, main-thread time until every element has rendered under
// 4x CPU throttling (against the same page as static HTML), long tasks, and Lighthouse's mobile
// performance score. Used by bench/run.mjs; `node bench/visitor.mjs` runs it alone.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { findBrowser } from '../test/browser.mjs';
import { startDemoServer } from '../test/e2e/demo-server.mjs';

export const VISITOR_PAGES = [
  { name: 'home', path: '/index.html', budgetKb: 30 },
  { name: 'news', path: '/news.html', budgetKb: 36 },
  { name: 'article', path: '/article.html?id=1001', budgetKb: 36 },
  { name: 'contact', path: '/contact.html', budgetKb: 36 },
  // Only site-nav and contact-card (and the provider): what the README's script tag costs a page
  // that shows no news.
  { name: 'about (menus + contact)', path: '/about.html', budgetKb: 20 },
];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const TAGS = 'site-nav, news-list, news-article, related-articles, contact-card, message-form';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** JavaScript bodies as transferred (compressed) for one uncached load of `url`, from Resource Timing. */
async function javascriptOnTheWire(browser, url) {
  const page = await browser.newPage();
  await page.setCacheEnabled(false);
  await page.goto(url, { waitUntil: 'networkidle0' });
  const files = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => new URL(entry.name).pathname.endsWith('.js'))
      .map((entry) => ({ url: new URL(entry.name).pathname, bytes: entry.encodedBodySize, transfer: entry.transferSize })),
  );
  await page.close();
  return { bytes: files.reduce((sum, file) => sum + file.bytes, 0), transfer: files.reduce((sum, file) => sum + file.transfer, 0), files };
}

/** Waits until every element is defined and shows neither a skeleton nor an error. */
const allRendered = (tags) =>
  [...document.querySelectorAll(tags)].every(
    (el) =>
      customElements.get(el.localName) && el.shadowRoot && el.shadowRoot.childElementCount > 0 && !el.shadowRoot.querySelector('.skeleton'),
  );

/**
 * The rendered page as static HTML: every shadow root written out as declarative shadow DOM with
 * its adopted styles inlined, and no script. What the page would cost with no JavaScript at all.
 */
async function staticSnapshot(page) {
  return page.evaluate(() => {
    const roots = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (!el.shadowRoot) continue;
        roots.push(el.shadowRoot);
        const css = [...el.shadowRoot.adoptedStyleSheets]
          .map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join('\n'))
          .join('\n');
        if (css) {
          const style = document.createElement('style');
          style.textContent = css;
          el.shadowRoot.prepend(style);
        }
        walk(el.shadowRoot);
      }
    };
    walk(document);
    for (const script of document.querySelectorAll('script')) script.remove();
    return '<!doctype html>' + document.documentElement.getHTML({ serializableShadowRoots: false, shadowRoots: roots });
  });
}

/** Main-thread time (ms) until every element has rendered, under 4x CPU throttling, and long tasks. */
async function mainThread(browser, url, staticHtml) {
  const page = await browser.newPage();
  await page.setViewport({ width: 412, height: 823, isMobile: true, deviceScaleFactor: 1 });
  await page.emulateCPUThrottling(4);
  await page.evaluateOnNewDocument(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push(Math.round(entry.duration));
    }).observe({ type: 'longtask', buffered: true });
  });
  if (staticHtml) {
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.isNavigationRequest()) request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: staticHtml });
      else request.continue();
    });
  }
  const client = await page.createCDPSession();
  await client.send('Performance.enable');
  if (staticHtml) {
    // Static HTML is rendered once parsed: wait for its first paint.
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
  } else {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(allRendered, { polling: 'raf', timeout: 60_000 }, TAGS);
  }
  const { metrics } = await client.send('Performance.getMetrics');
  const metric = (name) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  const longTasks = await page.evaluate(() => window.__longTasks);
  await page.close();
  return { taskMs: metric('TaskDuration'), scriptMs: metric('ScriptDuration'), longTasks };
}

async function lighthouseScore(browser, url) {
  const port = Number(new URL(browser.wsEndpoint()).port);
  const scores = [];
  for (let run = 0; run < LIGHTHOUSE_RUNS; run++) {
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    scores.push(Math.round(result.lhr.categories.performance.score * 100));
  }
  return { score: median(scores), scores };
}

/** Every figure for every demo page; one demo server, one browser (which it launches itself). */
export async function measureVisitorCost() {
  const server = await startDemoServer();
  const base = server.url.replace(/\/$/, '');
  const { executablePath, args } = await findBrowser();
  // Lighthouse attaches to this browser through its debugging port.
  const browser = await puppeteer.launch({ executablePath, headless: true, args: [...args, '--remote-debugging-port=0'] });
  const rows = [];
  try {
    // BENCH_PAGES=article,home measures only those pages.
    const only = process.env.BENCH_PAGES?.split(',');
    for (const { name, path, budgetKb } of VISITOR_PAGES.filter((page) => !only || only.some((n) => page.name.startsWith(n)))) {
      const url = base + path;
      const wire = await javascriptOnTheWire(browser, url);
      const snapshotPage = await browser.newPage();
      await snapshotPage.goto(url, { waitUntil: 'networkidle0' });
      await snapshotPage.waitForFunction(allRendered, { polling: 'raf' }, TAGS);
      const staticHtml = await staticSnapshot(snapshotPage);
      await snapshotPage.close();
      const library = [];
      const plain = [];
      for (let round = 0; round < ROUNDS; round++) {
        library.push(await mainThread(browser, url));
        plain.push(await mainThread(browser, url, staticHtml));
      }
      const taskMs = median(library.map((r) => r.taskMs));
      const staticMs = median(plain.map((r) => r.taskMs));
      const longTasks = library.flatMap((r) => r.longTasks).filter((ms) => ms > 100);
      const lh = await lighthouseScore(browser, url);
      rows.push({
        name,
        path,
        jsBytes: wire.bytes,
        jsTransfer: wire.transfer,
        jsFiles: wire.files.length,
        files: wire.files,
        budgetKb,
        scriptMs: median(library.map((r) => r.scriptMs)),
        taskMs,
        staticMs,
        ratio: taskMs / staticMs,
        longTasksOver100: longTasks.length / ROUNDS,
        longestTaskMs: Math.max(0, ...library.flatMap((r) => r.longTasks)),
        lighthouse: lh.score,
        lighthouseRuns: lh.scores,
      });
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  return rows;
}

/**
 * The script-tag path without a browser: for a set of tags, dist/loader.js plus every chunk the
 * loader fetches for them (its manifest), compressed as a server would send them.
 */
export function loaderCost(tags) {
  const loader = readFileSync('dist/loader.js', 'utf8');
  const manifest = JSON.parse(/=(\{"[^]*?\]\})/.exec(loader)[1]);
  const files = new Set(['loader.js', ...tags.flatMap((tag) => manifest[tag])]);
  let gzip = 0;
  let brotli = 0;
  for (const file of files) {
    const code = readFileSync(`dist/${file}`);
    gzip += gzipSync(code, { level: 9 }).length;
    brotli += brotliCompressSync(code).length;
  }
  return { tags, files: files.size, gzip, brotli };
}

export function printVisitorCost(rows) {
  console.log(
    `\nWhat a visitor pays, per demo page (JS compressed as served; main thread until rendered, 4x CPU throttling, median of ${ROUNDS}; Lighthouse mobile, median of ${LIGHTHOUSE_RUNS})`,
  );
  for (const row of rows) {
    if (row.note) {
      console.log(`  skipped: ${row.note}`);
      continue;
    }
    const kb = (row.jsBytes / 1024).toFixed(1);
    const mark = row.jsBytes <= row.budgetKb * 1024 ? 'ok' : 'OVER';
    console.log(
      `  ${row.name.padEnd(24)} JS ${kb.padStart(5)} KB in ${String(row.jsFiles).padStart(2)} files (≤ ${row.budgetKb}: ${mark})   ` +
        `main thread ${row.taskMs.toFixed(0).padStart(4)} ms (script ${row.scriptMs.toFixed(0)}) vs static ${row.staticMs.toFixed(0)} ms = ${row.ratio.toFixed(2)}x   ` +
        `long tasks > 100 ms: ${row.longTasksOver100} per load (longest ${row.longestTaskMs} ms)   Lighthouse ${row.lighthouse} [${row.lighthouseRuns.join(', ')}]`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printVisitorCost(await measureVisitorCost());
}
