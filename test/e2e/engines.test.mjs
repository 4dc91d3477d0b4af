// The demo site in every engine installed here (Chromium, Firefox, WebKit), served by the real
// demo server, server-rendered and client-only (?ssr=0): every element shows its content with no
// error panel and nothing thrown, and a server-rendered page hydrates without asking for content.
// An engine that is not installed is skipped with the reason (CI installs all three).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, findEngine } from '../engines.mjs';
import { startDemoServer } from './demo-server.mjs';
import { openEngine } from './engine-driver.mjs';
import { pageProblems, wakeElements } from './page-problems.mjs';

const PAGES = ['/index.html', '/news.html', '/article.html?id=1001', '/contact.html', '/en/article.html?id=1003', '/en/news.html'];

/** Runs in the page: the content files it fetched and what was thrown since `listenForErrors`. */
function requestsAndErrors() {
  const content = performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.endsWith('.json'));
  return { content, errors: window.__pageErrors ?? [] };
}

/** Installed before the page's own scripts run where the engine allows it; collects what is thrown. */
function listenForErrors() {
  window.__pageErrors = [];
  window.addEventListener('error', (event) => window.__pageErrors.push(`error: ${event.message}`));
  window.addEventListener('unhandledrejection', (event) => window.__pageErrors.push(`rejection: ${String(event.reason)}`));
}

for (const name of ENGINES) {
  const engine = await findEngine(name);
  describe(`the demo in ${name}`, { skip: engine.found ? false : `${name} is not installed: ${engine.why}`, timeout: 240_000 }, () => {
    let server;
    let tab;

    before(async () => {
      server = await startDemoServer();
      tab = await openEngine(name);
    });

    after(async () => {
      await tab?.close();
      await server?.stop();
    });

    /** Opens a page and waits (up to 15 s) until every element shows content. */
    async function settle(path) {
      await tab.goto(new URL(path, server.url).href);
      await tab.evaluate(listenForErrors);
      await tab.evaluate(wakeElements);
      const deadline = Date.now() + 15_000;
      let state;
      do {
        state = await tab.evaluate(pageProblems);
        if (!state.problems.length) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      } while (Date.now() < deadline);
      // Let the elements' hydration finish and anything it throws land.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const { problems } = await tab.evaluate(pageProblems);
      return { problems, ...(await tab.evaluate(requestsAndErrors)), logged: tab.errors.splice(0) };
    }

    for (const path of PAGES) {
      test(`${path} server-rendered: content, no error, no content request`, async () => {
        const { problems, content, errors, logged } = await settle(path);
        assert.deepEqual(problems, []);
        assert.deepEqual([...errors, ...logged], []);
        assert.deepEqual(content, [], 'hydrated from the inline data, no content request');
      });

      test(`${path} rendered in the browser (?ssr=0): content, no error`, async () => {
        const url = path + (path.includes('?') ? '&' : '?') + 'ssr=0';
        const { problems, content, errors, logged } = await settle(url);
        assert.deepEqual(problems, []);
        assert.deepEqual([...errors, ...logged], []);
        assert.ok(content.length > 0, 'the client-only page loaded its content');
      });
    }
  });
}
