// One small interface over the three engines for end-to-end tests and screenshots: Chromium and
// Firefox through puppeteer-core (CDP and WebDriver BiDi), WebKit through webdriverio and
// WebKitWebDriver (test/engines.mjs finds and starts them).
//   const tab = await openEngine('webkit');
//   await tab.goto(url); await tab.evaluate(fn, arg); await tab.screenshot(file, 390, 844); await tab.close();
import puppeteer from 'puppeteer-core';
import { remote } from 'webdriverio';
import { findEngine, startWebKit } from '../engines.mjs';

/** @returns {Promise<{ name: string, goto(url: string): Promise<void>, evaluate<T>(fn: (arg: any) => T, arg?: unknown): Promise<T>, resize(width: number, height: number): Promise<void>, screenshot(path: string): Promise<void>, errors: string[], close(): Promise<void> } | undefined>} undefined when the engine is not installed */
export async function openEngine(name) {
  const engine = await findEngine(name);
  if (!engine.found) return undefined;
  return name === 'webkit' ? openWebKit(engine) : openPuppeteer(name, engine);
}

async function openPuppeteer(name, engine) {
  const browser = await puppeteer.launch(
    name === 'firefox'
      ? { browser: 'firefox', executablePath: engine.executablePath, headless: true }
      : { executablePath: engine.executablePath, headless: true, args: engine.args },
  );
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  return {
    name,
    errors,
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    resize: (width, height) => page.setViewport({ width, height }),
    async screenshot(path) {
      await page.screenshot({ path, fullPage: false });
    },
    close: () => browser.close(),
  };
}

async function openWebKit(engine) {
  const browser = await remote(await startWebKit(engine));
  // Classic WebDriver has no console events: errors are collected in the page from the first
  // script on, by a listener the tests install with `evaluate` (see `errorsInPage`).
  return {
    name: 'webkit',
    errors: [],
    async goto(url) {
      await browser.url(url);
    },
    evaluate: (fn, arg) => browser.execute(fn, arg),
    async resize(width, height) {
      // The window's size, set so that its viewport is width × height.
      await browser.setWindowSize(width, height);
      const [innerWidth, innerHeight] = await browser.execute(() => [window.innerWidth, window.innerHeight]);
      await browser.setWindowSize(2 * width - innerWidth, 2 * height - innerHeight);
    },
    async screenshot(path) {
      await browser.saveScreenshot(path);
    },
    close: () => browser.deleteSession(),
  };
}
