// The demo through the lazy loader: a page downloads only the code of the elements it shows, and
// a server-rendered article hydrates without downloading the sanitizer (DOMPurify).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import puppeteer from 'puppeteer-core';
import { findBrowser } from '../browser.mjs';
import { startDemoServer } from './demo-server.mjs';

describe('demo pages through dist/loader.js', { timeout: 120_000 }, () => {
  let server;
  let browser;
  before(async () => {
    server = await startDemoServer();
    const { executablePath, args } = await findBrowser();
    browser = await puppeteer.launch({ executablePath, headless: true, args });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The scripts a page loaded, and the article body's text once the article has rendered. */
  async function visit(path) {
    const page = await browser.newPage();
    await page.goto(new URL(path, server.url).href, { waitUntil: 'networkidle0' });
    await page.waitForFunction(
      () => customElements.get('news-article') && document.querySelector('news-article').shadowRoot?.querySelector('[part~=body]'),
    );
    const result = await page.evaluate(() => ({
      scripts: performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => path.endsWith('.js')),
      body: document.querySelector('news-article').shadowRoot.querySelector('[part~=body]').textContent.trim(),
    }));
    await page.close();
    return result;
  }

  test('a server-rendered article hydrates without the sanitizer chunk', async () => {
    const { scripts, body } = await visit('/article.html?id=1001');
    assert.ok(body.length > 100, 'the body is shown');
    assert.ok(
      scripts.some((path) => /\/dist\/cdn\/news-article-/.test(path)),
      'news-article code loaded',
    );
    assert.deepEqual(
      scripts.filter((path) => /sanitizer|dompurify|news-list|message-form/.test(path)),
      [],
    );
  });

  test('a client-rendered article loads the sanitizer with its content', async () => {
    const { scripts, body } = await visit('/article.html?id=1001&ssr=0');
    assert.ok(body.length > 100, 'the body is shown');
    assert.ok(
      scripts.some((path) => /\/dist\/cdn\/sanitizer-/.test(path)),
      'sanitizer chunk loaded',
    );
  });
});
