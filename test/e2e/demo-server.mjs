// Starts the real demo server (`node demo/server.mjs`) on a free port for the end-to-end tests.
import { spawn } from 'node:child_process';
import { after, before } from 'node:test';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../browser.mjs';
import { tempDir } from './files.mjs';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const serverScript = join(repoRoot, 'demo', 'server.mjs');

async function freePort() {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address();
  probe.close();
  await once(probe, 'close');
  return port;
}

/** A fresh inbox file in a temporary folder (the server creates it on the first message). */
export const tempInbox = () => join(tempDir('demo'), 'data', 'messages.jsonl');

/**
 * Runs the demo server until `stop()`. `messagesFile` keeps the tests' messages out of the
 * developer's own demo/data/ inbox.
 */
export async function startDemoServer({ messagesFile = tempInbox() } = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, [serverScript], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), MESSAGES_FILE: messagesFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (chunk) => (output += chunk));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`demo server did not start:\n${output}`)), 10_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /http:\/\/localhost:\d+\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`demo server exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    port,
    messagesFile,
    child,
    output: () => output,
    /** SIGTERM, then the exit code (the server stops cleanly with 0). */
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null) return child.exitCode;
      const exited = once(child, 'exit');
      child.kill(signal);
      const [code] = await exited;
      return code;
    },
  };
}

/**
 * For a describe block that drives the demo in Chromium: the demo server and the browser start
 * before its tests and stop after them. Tests read `demo.server` and `demo.browser`.
 */
export function demoInChromium() {
  const demo = { server: undefined, browser: undefined };
  before(async () => {
    demo.server = await startDemoServer();
    demo.browser = await launchBrowser();
  });
  after(async () => {
    await demo.browser?.close();
    await demo.server?.stop();
  });
  return demo;
}
