// `node bench/profile.mjs ["news-list, 1,000 items"] [library|plain] [rounds]`: a CPU profile
// (Chrome DevTools Protocol Profiler) of one bench case's side, run `rounds` times on the bench
// page, printed as the functions with the most self time. Native entries (layout inside
// getBoundingClientRect, DOM calls) are named as the profiler names them. Run `npm run build` first.
import { launchBrowser } from '../test/browser.mjs';
import { staticServer } from './static-server.mjs';

const [name = 'news-list, 1,000 items', side = 'library', rounds = '7'] = process.argv.slice(2);
const TOP = 20;

const server = await staticServer();
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error('bench page error:', error.message));
  await page.goto(`http://127.0.0.1:${server.address().port}/bench/page.html`);
  await page.waitForFunction(() => typeof window.runSide === 'function');
  // Warm up (compiled code, caches), then profile.
  await page.evaluate((n, s) => window.runSide(n, s, 2), name, side);
  const cdp = await page.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.evaluate((n, s, r) => window.runSide(n, s, r), name, side, Number(rounds));
  const { profile } = await cdp.send('Profiler.stop');

  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber, columnNumber } = nodes.get(id).callFrame;
    if (functionName === '(idle)') return;
    const at = url ? ` ${url.replace(/^.*\//, '')}:${lineNumber + 1}:${columnNumber + 1}` : '';
    const key = (functionName || '(anonymous)') + at;
    const us = profile.timeDeltas[i] ?? 0;
    self.set(key, (self.get(key) ?? 0) + us);
    total += us;
  });
  console.log(`${name}, ${side}, ${rounds} runs: ${(total / 1000).toFixed(0)} ms sampled (idle left out), by self time`);
  for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
    console.log(`  ${(us / 1000 / Number(rounds)).toFixed(1).padStart(7)} ms/run ${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}`);
  }
} finally {
  await browser.close();
  server.close();
}
