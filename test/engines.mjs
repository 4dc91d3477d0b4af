// The three browser engines the suite runs in, found on this machine without any download:
//   chromium — test/browser.mjs (CHROME_PATH, an installed Chrome/Chromium, else the bundled one);
//   firefox  — FIREFOX_PATH, else `firefox-esr` / `firefox` on the PATH, driven by puppeteer-core
//              over WebDriver BiDi;
//   webkit   — WebKitGTK's WebKitWebDriver and its MiniBrowser (Debian: webkit2gtk-driver), on a
//              private Xvfb display unless DISPLAY is set, driven over classic WebDriver.
// `findEngine(name)` says whether an engine is here and, when it is not, why.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { findBrowser } from './browser.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

function onPath(name) {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  return dirs.map((dir) => join(dir, name)).find((path) => existsSync(path));
}

function miniBrowser() {
  if (process.env.MINIBROWSER_PATH) return existsSync(process.env.MINIBROWSER_PATH) ? process.env.MINIBROWSER_PATH : undefined;
  // Debian and Ubuntu: /usr/lib/<triplet>/webkit2gtk-4.x/; Fedora and Arch: /usr/libexec/webkit2gtk-4.x/.
  const dirs = ['/usr/libexec', ...['/usr/lib', '/usr/lib64'].flatMap((lib) => subdirs(lib).map((dir) => join(lib, dir)))];
  for (const dir of dirs) {
    for (const version of ['webkit2gtk-4.1', 'webkit2gtk-4.0', 'webkitgtk-6.0']) {
      const path = join(dir, version, 'MiniBrowser');
      if (existsSync(path)) return path;
    }
  }
  return undefined;
}

function subdirs(dir) {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}

/**
 * @returns {Promise<{ name: string, found: true, executablePath: string, [key: string]: unknown } |
 *   { name: string, found: false, why: string }>}
 */
export async function findEngine(name) {
  if (name === 'chromium') {
    const browser = await findBrowser();
    return { name, found: true, ...browser };
  }
  if (name === 'firefox') {
    const path = process.env.FIREFOX_PATH
      ? existsSync(process.env.FIREFOX_PATH) && process.env.FIREFOX_PATH
      : (onPath('firefox-esr') ?? onPath('firefox'));
    if (!path)
      return {
        name,
        found: false,
        why: 'no firefox-esr or firefox on the PATH (Debian: apt-get install firefox-esr; or set FIREFOX_PATH)',
      };
    return { name, found: true, executablePath: path };
  }
  if (name === 'webkit') {
    const driver = onPath('WebKitWebDriver');
    const binary = miniBrowser();
    const xvfb = onPath('Xvfb');
    const missing = [!driver && 'WebKitWebDriver', !binary && 'MiniBrowser', !process.env.DISPLAY && !xvfb && 'Xvfb (or a DISPLAY)'].filter(
      Boolean,
    );
    if (missing.length) return { name, found: false, why: `no ${missing.join(', ')} (Debian: apt-get install webkit2gtk-driver xvfb)` };
    return { name, found: true, executablePath: binary, driver, xvfb };
  }
  throw new Error(`Unknown engine ${name}: one of ${ENGINES.join(', ')}`);
}

/** A free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const children = new Set();

/** Ends every helper process (Xvfb, WebKitWebDriver and the browsers it started) with its group. */
function endChildren() {
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  children.clear();
}
// wtr ends with process.exit on success, failure and Ctrl-C alike; SIGKILL is the watchdog's.
process.on('exit', endChildren);

/**
 * Starts a helper in a process group of its own, so that it and whatever it starts (MiniBrowser
 * and WebKit's web processes) end together. A watchdog ends the group even when this process is
 * killed with SIGKILL and cannot clean up: a killed run leaves no browser behind.
 */
function startGroup(command, args, { env = process.env, stdio = ['ignore', 'ignore', 'ignore'] } = {}) {
  const child = spawn(command, args, { detached: true, stdio, env });
  children.add(child);
  child.on('exit', () => children.delete(child));
  const watchdog = spawn('sh', ['-c', `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; kill -9 -${child.pid} 2>/dev/null`], {
    detached: true,
    stdio: 'ignore',
  });
  watchdog.unref();
  child.unref();
  return child;
}

/** Starts a private Xvfb and resolves with its display name (`:N`), which it picks itself. */
async function startXvfb(xvfb) {
  // -displayfd: Xvfb takes the first free display and writes its number to file descriptor 3.
  const child = startGroup(xvfb, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdio[3].on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) resolve(`:${text.trim()}`);
    });
    child.on('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it opened a display`)));
    setTimeout(() => reject(new Error('Xvfb opened no display in 10 s')), 10_000).unref();
  });
}

/** Waits until an HTTP server answers on `port` (WebKitWebDriver's /status). */
async function waitForHttp(port, child) {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited (${child.exitCode})`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WebKitWebDriver did not answer on port ${port} in 15 s`);
}

/**
 * Starts what WebKit needs (a display and WebKitWebDriver) and returns the webdriverio options
 * for @web/test-runner-webdriver.
 */
export async function startWebKit(engine) {
  const env = { ...process.env };
  if (!env.DISPLAY) env.DISPLAY = await startXvfb(engine.xvfb);
  const port = await freePort();
  const driver = startGroup(engine.driver, [`--port=${port}`, '--host=127.0.0.1'], { env });
  await waitForHttp(port, driver);
  return {
    hostname: '127.0.0.1',
    port,
    logLevel: 'error',
    capabilities: {
      browserName: 'MiniBrowser',
      // WebKitWebDriver speaks classic WebDriver only; webdriverio 9 asks for BiDi otherwise.
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': { binary: engine.executablePath, args: ['--automation'] },
    },
  };
}
