// The Chromium every browser test runs in (web-test-runner, the end-to-end and the package tests),
// found the same way everywhere so that `npm test` works on a machine with only Node and npm:
//   1. CHROME_PATH, when set;
//   2. an installed Chrome or Chromium on the PATH (Debian's chromium, google-chrome, …);
//   3. the headless Chromium inside the @sparticuz/chromium dev dependency, unpacked to the temp
//      folder on first use. It needs no system packages and brings its own base fonts, but no CJK
//      font: tests must not depend on fonts (see CONTRIBUTING.md › Fonts for screenshots).
// It says once, on stderr, which one it uses.
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import puppeteer from 'puppeteer-core';

const ON_PATH = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];
const INSTALLED = [
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** Flags for a quiet, headless test browser (the system browser). */
const TEST_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function onPath(name) {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  return dirs.map((dir) => join(dir, name)).find((path) => existsSync(path));
}

let found;

/**
 * For figures and screenshots, not tests: the bundled Chromium reads fonts only from its own folder,
 * which has no font for Chinese, so the demo's Chinese text would be drawn as missing-glyph boxes.
 * This makes it read the system's fonts instead, when the system has a fontconfig (a Linux machine
 * with a CJK font installed then draws the text a reader sees). The bundled browser's setup keeps a
 * FONTCONFIG_PATH already set; call this before the first launch.
 */
export function useSystemFonts() {
  if (!process.env.FONTCONFIG_PATH && existsSync('/etc/fonts/fonts.conf')) process.env.FONTCONFIG_PATH = '/etc/fonts';
}

/**
 * Test files run in parallel processes; only one may unpack the bundled browser (the others would
 * see a half-written file), so they take turns with a lock folder.
 */
async function oneAtATime(task) {
  const lock = join(tmpdir(), 'newsroom-elements-browser.lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than two minutes was left by a process that died.
      if (Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 120_000)
        rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await task();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * @returns {Promise<{ executablePath: string, args: string[], source: string }>} where the browser
 * is, the flags to launch it with (puppeteer's `headless: true` is still the caller's), and which
 * of the three places it came from.
 */
export function findBrowser() {
  found ??= locate().then((browser) => {
    console.error(`Browser for the tests: ${browser.executablePath} (${browser.source})`);
    return browser;
  });
  return found;
}

/**
 * Launches that browser, headless, with the test flags and any `extraArgs`.
 * @returns {Promise<import('puppeteer-core').Browser>}
 */
export async function launchBrowser(extraArgs = []) {
  const { executablePath, args } = await findBrowser();
  return puppeteer.launch({ executablePath, headless: true, args: [...args, ...extraArgs] });
}

async function locate() {
  if (process.env.CHROME_PATH) {
    if (!existsSync(process.env.CHROME_PATH)) throw new Error(`CHROME_PATH=${process.env.CHROME_PATH} does not exist`);
    return { executablePath: process.env.CHROME_PATH, args: TEST_ARGS, source: 'CHROME_PATH' };
  }
  const installed = ON_PATH.map(onPath).find(Boolean) ?? INSTALLED.find((path) => existsSync(path));
  if (installed) return { executablePath: installed, args: TEST_ARGS, source: 'installed browser' };
  try {
    const { default: chromium } = await import('@sparticuz/chromium');
    // Also sets LD_LIBRARY_PATH and FONTCONFIG_PATH for the browser it unpacks. Its own serverless
    // flags (--disable-web-security, --single-process …) are not used: the tests need a normal browser.
    const executablePath = await oneAtATime(() => chromium.executablePath());
    return { executablePath, args: TEST_ARGS, source: 'the @sparticuz/chromium dev dependency' };
  } catch (error) {
    throw new Error(
      'No browser for the tests: set CHROME_PATH, install Chrome or Chromium, or run `npm ci` so that the ' +
        `@sparticuz/chromium dev dependency is there (${error.message})`,
    );
  }
}
