// What a visitor of each demo page pays, as the demo server serves it (compressed, through the
// lazy loader): JavaScript on the wire, main-thread time until every element has rendered under
// 4x CPU throttling (against the same page as static HTML), long tasks, and Lighthouse's mobile
// performance score. Used by bench/run.mjs; `node bench/visitor.mjs` runs it alone.
import { readFileSync } from 'node:fs';
import lighthouse from 'lighthouse';
import { launchBrowser } from '../test/browser.mjs';
import { startDemoServer } from '../test/e2e/demo-server.mjs';
import { median } from './median.mjs';

export const VISITOR_PAGES = [
  // `budgetKb`: what test/node/size-budget.test.mjs holds the files that load with the page to
  // (through the loader's manifest). This bench counts the whole visit until the network is
  // idle, files an element loads on demand included, so it prints the budget beside it and does
  // not judge it; the size test does.
  // `goalKb`: the home page's goal for the whole visit, judged here.
  { name: 'home', path: '/index.html', budgetKb: 25, goalKb: 25 },
  { name: 'news', path: '/news.html', budgetKb: 25 },
  { name: 'article', path: '/article.html?id=1001', budgetKb: 26 },
  { name: 'contact', path: '/contact.html', budgetKb: 26 },
  // Only site-nav and contact-card (and the provider), server-rendered as the demo serves it. No
  // budget of its own: the 20 KB one is the script tag's on a page rendered in the browser (the
  // loader table and the size test); this page pays the hydration support on top (docs/sizes.md › Budgets).
  { name: 'about (menus + contact)', path: '/about.html' },
];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const TAGS = 'site-nav, news-list, news-article, related-articles, contact-card, message-form';

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

/**
 * Every element shows its content (no skeleton, no error) and, where its code has come, has
 * rendered with it (hydrated). `held`: the page's loader holds server-rendered elements' code
 * back until a visitor reaches for them (dist/loader-on-interaction.js), so an element without
 * its code is done as the server rendered it.
 */
const allRendered = (tags, held) =>
  [...document.querySelectorAll(tags)].every(
    (el) =>
      (customElements.get(el.localName) ? el.hasUpdated : held) &&
      el.shadowRoot &&
      el.shadowRoot.childElementCount > 0 &&
      !el.shadowRoot.querySelector('.skeleton'),
  );

/** The demo serves its rendered pages with the on-interaction loader; `eager` swaps in dist/loader.js. */
const ON_INTERACTION = '/dist/loader-on-interaction.js';
const plainLoader = readFileSync(new URL('../dist/loader.js', import.meta.url), 'utf8');

/**
 * The page as static HTML: the HTML the server sends, without its scripts (the loaders, the
 * demo's own, and the inline data only hydration reads; the JSON-LD stays, which no script reads).
 * What the page costs with no JavaScript at all. (A snapshot of the rendered DOM with each root's
 * full styles was the baseline before: heavier than what the server sends, since the server
 * writes each root only the rules its markup uses, so it flattered the ratio.)
 */
async function staticHtmlOf(url) {
  const html = await (await fetch(url)).text();
  return html.replace(/<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script>/g, '');
}

// Trace events that run JavaScript (compiling included). A long task is "script" when these
// cover at least half of it; otherwise it is the browser parsing, styling, laying out text and
// painting, which the same page as static HTML pays too.
const SCRIPT_EVENTS = new Set([
  'EvaluateScript',
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
  'FunctionCall',
  'v8.callFunction',
  'v8.callAsConstructor',
  'RunMicrotasks',
]);

/** The tasks over 100 ms on the page's main thread, each with the part of it spent running script. */
function longTasksOf(traceEvents) {
  const mainThreads = new Set(
    traceEvents
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const busy = new Map();
  for (const e of traceEvents) {
    const thread = `${e.pid}:${e.tid}`;
    if (e.ph === 'X' && e.name === 'RunTask' && mainThreads.has(thread)) busy.set(thread, (busy.get(thread) ?? 0) + e.dur);
  }
  const main = [...busy].sort((a, b) => b[1] - a[1])[0]?.[0];
  const events = traceEvents.filter((e) => e.ph === 'X' && e.dur && `${e.pid}:${e.tid}` === main);
  const scripts = events.filter((e) => SCRIPT_EVENTS.has(e.name)).sort((a, b) => a.ts - b.ts);
  return events
    .filter((task) => task.name === 'RunTask' && task.dur > 100_000)
    .map((task) => {
      // The union of script intervals inside the task (they nest: count each microsecond once).
      let script = 0;
      let reached = task.ts;
      for (const e of scripts) {
        const start = Math.max(e.ts, reached);
        const end = Math.min(e.ts + e.dur, task.ts + task.dur);
        if (end > start) {
          script += end - start;
          reached = end;
        }
      }
      return { ms: Math.round(task.dur / 1000), scriptMs: Math.round(script / 1000) };
    });
}

/**
 * Main-thread time (ms) until every element has rendered, under 4x CPU throttling, and the long
 * tasks (> 100 ms) of the load from a trace, each split into script and the browser's own work.
 * `staticHtml`: the page as static HTML instead. `eager`: with dist/loader.js, which hydrates
 * every element as the page loads, in place of the on-interaction loader the demo serves.
 * The demo's page as served, and its static form, are measured until the network is idle: what
 * the loader loads at once (message-form's code where a draft is stored) comes after the load.
 */
async function mainThread(browser, url, { staticHtml, eager = false } = {}) {
  const page = await browser.newPage();
  await page.setViewport({ width: 412, height: 823, isMobile: true, deviceScaleFactor: 1 });
  await page.emulateCPUThrottling(4);
  if (staticHtml || eager) {
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (staticHtml && request.isNavigationRequest())
        request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: staticHtml });
      else if (eager && new URL(request.url()).pathname === ON_INTERACTION)
        request.respond({ status: 200, contentType: 'text/javascript; charset=utf-8', body: plainLoader });
      else request.continue();
    });
  }
  const client = await page.createCDPSession();
  await client.send('Performance.enable');
  await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute'] });
  if (staticHtml) {
    // Static HTML is rendered once parsed; measured, as the page served, until the network is
    // idle (its images, fonts), then its next frame.
    await page.goto(url, { waitUntil: 'networkidle0' });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
  } else if (eager) {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(allRendered, { polling: 'raf', timeout: 60_000 }, TAGS, false);
  } else {
    // Whatever the loader loads at once (message-form's code) has come when the network is idle.
    await page.goto(url, { waitUntil: 'networkidle0' });
    await page.waitForFunction(allRendered, { polling: 'raf', timeout: 60_000 }, TAGS, true);
  }
  const { metrics } = await client.send('Performance.getMetrics');
  // Let the frame that shows the rendered elements finish before the trace stops.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
  const trace = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8'));
  const metric = (name) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  await page.close();
  return { taskMs: metric('TaskDuration'), scriptMs: metric('ScriptDuration'), longTasks: longTasksOf(trace.traceEvents) };
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
  // Lighthouse attaches to this browser through its debugging port.
  const browser = await launchBrowser(['--remote-debugging-port=0']);
  const rows = [];
  try {
    // BENCH_PAGES=article,home measures only those pages.
    const only = process.env.BENCH_PAGES?.split(',');
    for (const { name, path, budgetKb } of VISITOR_PAGES.filter((page) => !only || only.some((n) => page.name.startsWith(n)))) {
      const url = base + path;
      const wire = await javascriptOnTheWire(browser, url);
      const staticHtml = await staticHtmlOf(url);
      const library = [];
      const eager = [];
      const plain = [];
      for (let round = 0; round < ROUNDS; round++) {
        library.push(await mainThread(browser, url));
        eager.push(await mainThread(browser, url, { eager: true }));
        plain.push(await mainThread(browser, url, { staticHtml }));
      }
      const taskMs = median(library.map((r) => r.taskMs));
      const staticMs = median(plain.map((r) => r.taskMs));
      const longTasks = library.flatMap((r) => r.longTasks);
      const scriptTasks = longTasks.filter((task) => task.scriptMs * 2 >= task.ms);
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
        eagerMs: median(eager.map((r) => r.taskMs)),
        eagerRatio: median(eager.map((r) => r.taskMs)) / staticMs,
        longTasksOver100: longTasks.length / ROUNDS,
        longestTaskMs: Math.max(0, ...longTasks.map((task) => task.ms)),
        // Long tasks that are mostly script (ours: the page runs no other), and the most script
        // time inside any long task.
        scriptLongTasks: scriptTasks.length / ROUNDS,
        longestScriptTaskMs: Math.max(0, ...scriptTasks.map((task) => task.ms)),
        mostScriptInLongTaskMs: Math.max(0, ...longTasks.map((task) => task.scriptMs)),
        // The same page as static HTML: long tasks that no script causes.
        staticLongTasksOver100: plain.flatMap((r) => r.longTasks).length / ROUNDS,
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
    const goal = VISITOR_PAGES.find((page) => page.name === row.name)?.goalKb;
    const mark =
      (row.budgetKb === undefined ? 'no budget' : `the size test holds what loads with the page to ≤ ${row.budgetKb}`) +
      (goal ? `; goal ≤ ${goal} for the visit: ${row.jsBytes <= goal * 1024 ? 'met' : 'NOT MET'}` : '');
    console.log(
      `  ${row.name.padEnd(24)} JS ${kb.padStart(5)} KB in ${String(row.jsFiles).padStart(2)} files in the visit (${mark})   ` +
        `main thread ${row.taskMs.toFixed(0).padStart(4)} ms (script ${row.scriptMs.toFixed(0)}) vs static ${row.staticMs.toFixed(0)} ms = ${row.ratio.toFixed(2)}x (goal ≤ 1.3; ` +
        `hydrating every element as the page loads, dist/loader.js: ${row.eagerMs.toFixed(0)} ms = ${row.eagerRatio.toFixed(2)}x)   ` +
        `long tasks > 100 ms per load: ${row.longTasksOver100.toFixed(1)} (longest ${row.longestTaskMs} ms; static HTML ${row.staticLongTasksOver100.toFixed(1)}), ` +
        `mostly script ${row.scriptLongTasks.toFixed(1)} (longest ${row.longestScriptTaskMs} ms; most script in one ${row.mostScriptInLongTaskMs} ms)   ` +
        `Lighthouse ${row.lighthouse} [${row.lighthouseRuns.join(', ')}]`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printVisitorCost(await measureVisitorCost());
}
