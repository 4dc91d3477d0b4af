// One engine per run: NEWSROOM_ENGINE = chromium (the default), firefox or webkit. `npm test` runs
// the suite once in each engine it finds (scripts/test-engines.mjs); test/engines.mjs finds them.
import { ChromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { mockServer } from './test/server/mock-server.mjs';
import { serverSanitizer, ssrPages } from './test/server/ssr-pages.mjs';
import { findEngine, startWebKit } from './test/engines.mjs';

const name = process.env.NEWSROOM_ENGINE ?? 'chromium';
const engine = await findEngine(name);
if (!engine.found) throw new Error(`${name} is not installed here: ${engine.why}`);

async function launcher() {
  if (name === 'chromium') return freshTabs({ executablePath: engine.executablePath, headless: true, args: engine.args });
  // puppeteer-core drives Firefox over WebDriver BiDi; no browser download involved.
  if (name === 'firefox') return freshTabs({ browser: 'firefox', executablePath: engine.executablePath, headless: true }, puppeteerCore);
  return new FreshWebKitLauncher(await startWebKit(engine));
}

/**
 * A new tab for every test file. The stock launcher reuses one tab for the whole run, so a file
 * starts with the history of every file before it: `history.length` is stuck at its cap (50),
 * and a test that goes back through a frame's history can step onto an earlier file's page.
 */
class FreshTabLauncher extends ChromeLauncher {
  async stopSession(id) {
    const page = this.activePages.get(id);
    // As the stock launcher: a page a test closed is a failure of that file.
    if (!page || page.puppeteerPage.isClosed()) return super.stopSession(id);
    this.activePages.delete(id);
    const testCoverage = this.config.coverage ? await page.collectTestCoverage(this.config, this.testFiles) : undefined;
    // Closing the tab stops whatever the page still runs (the stock launcher navigates it to
    // about:blank and keeps it). The file's tests have reported by now: a tab that is slow or
    // fails to close (a browser's protocol hiccup) is said, and does not fail them.
    const closed = page.puppeteerPage.close().then(() => true);
    const outcome = await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 15_000, false))]).catch((error) => error);
    if (outcome !== true) console.warn(`${name}: the test page of a finished file did not close: ${outcome || 'no answer in 15 s'}`);
    return { testCoverage };
  }
}

const freshTabs = (launchOptions, puppeteer) =>
  new FreshTabLauncher(
    launchOptions,
    ({ browser }) => browser.defaultBrowserContext(),
    async ({ context }) => withoutOrientation(await context.newPage()),
    puppeteer,
  );

/**
 * The launcher sets an 800 x 600 viewport before every file. Over WebDriver BiDi, puppeteer-core
 * sends `emulation.setScreenOrientationOverride` with it, which Firefox 140 ESR does not know
 * ("unknown command"): the viewport is set, the orientation is not, and the call fails. The
 * suites set no orientation, so that failure alone is let through.
 */
function withoutOrientation(page) {
  const setViewport = page.setViewport.bind(page);
  page.setViewport = (viewport) =>
    setViewport(viewport).catch((error) => {
      if (!/setScreenOrientationOverride/.test(error?.message)) throw error;
    });
  return page;
}

/**
 * A new MiniBrowser for every test file. The stock launcher drives one window for the whole run,
 * and WebKitGTK's web process grew past 2 GB over the suite until a later file stalled in it;
 * a browser of its own per file costs about a second.
 */
class FreshWebKitLauncher extends WebdriverLauncher {
  async startSession(id, url) {
    if (this.driverManager) await this.stop(); // ends the session: its MiniBrowser quits
    return super.startSession(id, url);
  }
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  // One file at a time: the suites count requests on a shared mock server, and WebKitWebDriver
  // drives one browser at a time.
  concurrency: 1,
  testsFinishTimeout: 10 * 60 * 1000,
  // A browser can be slow to open a page on a busy 2-core machine (Firefox took over 30 s once).
  browserStartTimeout: 120_000,
  testFramework: { config: { timeout: 20000 } },
  browsers: [await launcher()],
  middleware: [mockServer(), ssrPages(), serverSanitizer()],
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2021' })],
};
