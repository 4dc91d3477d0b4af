// The demo serves docs/ at /docs/: each element's page answers with its generated reference, under
// the demo's strict CSP, and its live example shows the demo's content in Chromium.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ORDER } from '../../scripts/docs.mjs';
import { demoInChromium, repoRoot } from './demo-server.mjs';
import { pageProblems } from './page-problems.mjs';

/** What each element's live example must show, read in its shadow root. */
const shows = {
  'news-provider': { tag: 'news-list', text: /Licheng Trading opens its East Changchun warehouse/ },
  'site-nav': { tag: 'site-nav', text: /About us/ },
  'news-list': { tag: 'news-list', text: /Licheng Trading opens its East Changchun warehouse/ },
  'news-article': { tag: 'news-article', text: /East Changchun/ },
  'related-articles': { tag: 'related-articles', text: /Maize purchase contracts/ },
  'contact-card': { tag: 'contact-card', text: /020-123456789/ },
  'message-form': { tag: 'message-form', text: /Name/ },
};

describe('the demo serves the docs', { timeout: 240_000 }, () => {
  const demo = demoInChromium();

  const get = (path) => fetch(new URL(path, demo.server.url));

  test('the index links every element page and every topic; unknown or outside names are 404', async () => {
    const response = await get('/docs/');
    assert.equal(response.status, 200);
    const html = await response.text();
    for (const tag of ORDER) assert.ok(html.includes(`href="/docs/${tag}"`), `/docs/ links /docs/${tag}`);
    assert.ok(html.includes('href="/docs/security"'), '/docs/ links the security page');
    for (const path of ['/docs/missing', '/docs/README.md', '/docs/..%2Fpackage', '/docs/page.html', '/docs/feeds/x']) {
      const other = await get(path);
      assert.equal(other.status, 404, path);
      await other.body?.cancel();
    }
    const redirect = await fetch(new URL('/docs', demo.server.url), { redirect: 'manual' });
    assert.equal(redirect.status, 301);
    assert.equal(new URL(redirect.headers.get('location')).pathname, '/docs/');
  });

  for (const tag of ORDER) {
    test(`/docs/${tag}: the reference from custom-elements.json, under the strict CSP, and a live example`, async () => {
      const response = await get(`/docs/${tag}`);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type'), /^text\/html/);
      const policy = response.headers.get('content-security-policy');
      assert.match(policy, /require-trusted-types-for 'script'/);
      assert.doesNotMatch(policy, /unsafe-inline/);
      const html = await response.text();
      assert.match(html, /<h2 id="attributes">Attributes<\/h2>/);
      const manifest = JSON.parse(readFileSync(join(repoRoot, 'custom-elements.json'), 'utf8'));
      const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);
      for (const attribute of element.attributes ?? []) {
        assert.ok(html.includes(`<td><code>${attribute.name}</code></td>`), `the ${attribute.name} attribute is documented`);
      }
      // The example is markup in the page, server-rendered like every demo page.
      assert.match(html, /<div class="docs-example">[\s\S]*?<template shadowrootmode="open">/);

      const context = await demo.browser.createBrowserContext();
      try {
        const page = await context.newPage();
        const errors = [];
        page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(new URL(`/docs/${tag}`, demo.server.url).href, { waitUntil: 'load' });
        await page
          .waitForFunction(`(${pageProblems})().problems.length === 0 && customElements.get(${JSON.stringify(tag)})`, {
            timeout: 30_000,
            polling: 100,
          })
          .catch(() => {});
        const { problems } = await page.evaluate(pageProblems);
        assert.deepEqual(problems, [], problems.join('\n'));
        const { tag: shown, text } = shows[tag];
        const example = await page.$eval(`.docs-example ${shown}`, (element) =>
          customElements.get(element.localName) ? element.shadowRoot.textContent : 'not defined',
        );
        assert.match(example, text);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  }

  test('a docs page links the other pages as demo addresses and the rest of the repository on GitHub', async () => {
    const html = await (await get('/docs/message-form')).text();
    assert.ok(html.includes('href="/docs/reliability#sending-a-message"'));
    const index = await (await get('/docs/')).text();
    assert.ok(index.includes('href="https://github.com/newsroom-elements/newsroom-elements/blob/main/CONTRIBUTING.md"'));
  });
});
