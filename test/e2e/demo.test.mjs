// Every demo page in Chromium, served by the real demo server: each element renders content,
// nothing logs an error, axe finds no violation; and a message sent through the demo form lands
// in the inbox file exactly once, even when the request is retried.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoInChromium, repoRoot } from './demo-server.mjs';
import { storedLines } from './files.mjs';
import { pageProblems, wakeElements } from './page-problems.mjs';

const axeSource = readFileSync(join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
const bundle = join(repoRoot, 'dist/loader.js');

/** Each page with the elements it must show, by tag. */
const pages = [
  { path: '/index.html', elements: { 'site-nav': 4, 'news-list': 2, 'contact-card': 1 } },
  { path: '/news.html', elements: { 'site-nav': 6, 'news-list': 1, 'contact-card': 1 } },
  { path: '/news.html?category=industry', elements: { 'site-nav': 6, 'news-list': 1, 'contact-card': 1 } },
  { path: '/article.html?id=1001', elements: { 'site-nav': 6, 'news-article': 1, 'related-articles': 1, 'contact-card': 1 } },
  { path: '/article.html?id=1002', elements: { 'site-nav': 6, 'news-article': 1, 'related-articles': 1, 'contact-card': 1 } },
  { path: '/contact.html', elements: { 'site-nav': 6, 'contact-card': 1, 'message-form': 1 } },
  { path: '/sources.html', elements: { 'site-nav': 6, 'news-list': 3, 'contact-card': 1 } },
  { path: '/thanks.html', elements: { 'site-nav': 6, 'contact-card': 0 } },
  { path: '/en/thanks.html', elements: { 'site-nav': 6, 'contact-card': 0 } },
  { path: '/inbox.html', elements: { 'site-nav': 6, 'contact-card': 1 } },
  { path: '/about.html', elements: { 'site-nav': 6, 'contact-card': 1 } },
  { path: '/products.html', elements: { 'site-nav': 6, 'contact-card': 1 } },
  { path: '/cases.html', elements: { 'site-nav': 6, 'contact-card': 1 } },
  { path: '/service.html', elements: { 'site-nav': 6, 'contact-card': 1 } },
  { path: '/jobs.html', elements: { 'site-nav': 5, 'contact-card': 1 } },
  { path: '/en/index.html', elements: { 'site-nav': 4, 'news-list': 2, 'contact-card': 1 } },
  { path: '/en/news.html', elements: { 'site-nav': 6, 'news-list': 1, 'contact-card': 1 } },
  { path: '/en/article.html?id=1003', elements: { 'site-nav': 6, 'news-article': 1, 'related-articles': 1, 'contact-card': 1 } },
  { path: '/en/contact.html', elements: { 'site-nav': 6, 'contact-card': 1, 'message-form': 1 } },
  { path: '/en/about.html', elements: { 'site-nav': 6, 'contact-card': 1 } },
];

describe('demo site in Chromium', { timeout: 180_000 }, () => {
  before(async () => {
    assert.ok(existsSync(bundle), 'dist/loader.js is missing: run `npm run build` first');
  });
  const demo = demoInChromium();

  /** A new page that records every console error, uncaught error, failed request and library warning. */
  async function openPage(path, { width = 1280, theme } = {}) {
    // A context of its own: no theme, draft or cache carried over from another test.
    const context = await demo.browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width, height: 900 });
    const errors = [];
    page.on('console', (message) => {
      const text = message.text();
      if (message.type() === 'error') errors.push(`console.error: ${text}`);
      else if (message.type() === 'warn' && text.startsWith('newsroom-elements')) errors.push(`console.warn: ${text}`);
    });
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => {
      // Chromium cancels an image a page no longer needs; that is not a failure of the page.
      if (request.failure()?.errorText !== 'net::ERR_ABORTED')
        errors.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    if (theme) {
      await page.evaluateOnNewDocument((value) => localStorage.setItem('newsroom-demo-theme', value), theme);
    }
    await page.goto(new URL(path, demo.server.url).href, { waitUntil: 'load' });
    return { page, errors };
  }

  /** Waits until every element shows content; fails with what is still missing. */
  async function waitForContent(page, expected) {
    await page.evaluate(wakeElements);
    try {
      await page.waitForFunction(`(${pageProblems})().problems.length === 0`, { timeout: 15_000, polling: 100 });
    } catch {
      // Report below.
    }
    const { problems, counts } = await page.evaluate(pageProblems);
    assert.deepEqual(problems, [], problems.join('\n'));
    for (const [tag, count] of Object.entries(expected)) assert.equal(counts[tag], count, `number of <${tag}>`);
  }

  /**
   * axe-core in the page. The pages forbid inline scripts (CSP with Trusted Types), so axe is run
   * through the DevTools protocol instead of an injected <script> tag.
   */
  async function axeViolations(page) {
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
    });
    return violations;
  }

  for (const { path, elements } of pages) {
    test(`${path}: every element renders, no errors, no axe violations`, async () => {
      const { page, errors } = await openPage(path);
      try {
        await waitForContent(page, elements);
        const violations = await axeViolations(page);
        assert.deepEqual(violations, [], violations.join('\n'));
        assert.deepEqual(errors, [], errors.join('\n'));
      } finally {
        await page.browserContext().close();
      }
    });
  }

  test('the 404 page is a page of the site, with working menus', async () => {
    const { page, errors } = await openPage('/no-such-page.html');
    try {
      await waitForContent(page, { 'site-nav': 4 });
      assert.deepEqual(await axeViolations(page), []);
      // The page's own 404 is expected; anything else is not.
      assert.deepEqual(
        errors.filter((e) => !e.includes('no-such-page') && !e.includes('status of 404')),
        [],
      );
    } finally {
      await page.browserContext().close();
    }
  });

  test('dark theme and phone width: no axe violations (contrast included)', async () => {
    for (const path of ['/index.html', '/article.html?id=1001', '/contact.html']) {
      const { page, errors } = await openPage(path, { width: 390, theme: 'dark' });
      try {
        assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
        await waitForContent(page, {});
        const violations = await axeViolations(page);
        assert.deepEqual(violations, [], `${path}\n${violations.join('\n')}`);
        assert.deepEqual(errors, [], errors.join('\n'));
      } finally {
        await page.browserContext().close();
      }
    }
  });

  test('the theme switch re-themes the elements through custom properties, and is remembered', async () => {
    const { page } = await openPage('/index.html');
    try {
      await waitForContent(page, {});
      const accent = () => getComputedStyle(document.documentElement).getPropertyValue('--newsroom-accent').trim();
      const bar = () => getComputedStyle(document.querySelector('site-nav[variant="bar"]').shadowRoot.querySelector('nav')).backgroundColor;
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
      const before = { accent: await page.evaluate(accent), bar: await page.evaluate(bar) };
      await page.click('[data-theme-switch]');
      assert.equal(await page.$eval('[data-theme-switch]', (b) => b.getAttribute('aria-pressed')), 'true');
      assert.notEqual(await page.evaluate(accent), before.accent);
      // Inside site-nav's shadow root, the bar follows the custom property.
      assert.notEqual(await page.evaluate(bar), before.bar);
      await page.reload({ waitUntil: 'load' });
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
      assert.equal(await page.$eval('[data-theme-switch]', (b) => b.getAttribute('aria-pressed')), 'true');
    } finally {
      await page.browserContext().close();
    }
  });

  test('the article page: category in the breadcrumb, language switch keeps the article', async () => {
    const { page, errors } = await openPage('/article.html?id=1006');
    try {
      await waitForContent(page, {});
      await page.waitForFunction(() => document.title.includes('玉米订单'));
      const crumbs = await page.$eval('site-nav[variant="breadcrumb"]', (nav) => nav.shadowRoot.textContent.replace(/\s+/g, ''));
      assert.match(crumbs, /新闻动态.*公司新闻/);
      assert.equal(await page.$eval('[data-lang-switch]', (a) => a.getAttribute('href')), '/en/article.html?id=1006');
      const body = await page.$eval('news-article', (a) => a.shadowRoot.querySelector('[part~="body"]').textContent);
      assert.match(body, /按质论价/);
      assert.deepEqual(errors, []);
    } finally {
      await page.browserContext().close();
    }
  });

  test("as a crawler reads it: an article's translation is linked, a missing article answers 404", async () => {
    const get = async (path) => {
      const response = await fetch(new URL(path, demo.server.url));
      const html = await response.text();
      const link = (pattern) => pattern.exec(html)?.[1];
      return {
        status: response.status,
        alternate: link(/<link rel="alternate" hreflang="[^"]+" href="([^"]*)"/),
        switch: link(/<a class="lang-switch" href="([^"]*)"/),
      };
    };
    assert.deepEqual(await get('/article.html?id=1001'), {
      status: 200,
      alternate: '/en/article.html?id=1001',
      switch: '/en/article.html?id=1001',
    });
    assert.deepEqual(await get('/en/article.html?id=1003'), {
      status: 200,
      alternate: '/article.html?id=1003',
      switch: '/article.html?id=1003',
    });
    // No English text of 1004: the switch goes to the English news, and no alternate is claimed.
    assert.deepEqual(await get('/article.html?id=1004'), { status: 200, alternate: undefined, switch: '/en/news.html' });
    assert.equal((await get('/article.html?id=9999')).status, 404);
  });

  test('news.html?category= opens the list on that category, and the side menu marks it', async () => {
    const { page, errors } = await openPage('/news.html?category=industry');
    try {
      await waitForContent(page, {});
      const shown = await page.$eval('news-list', (list) => ({
        category: list.category,
        selected: list.shadowRoot.querySelector('[role="tab"][aria-selected="true"]')?.textContent.trim(),
        titles: [...list.shadowRoot.querySelectorAll('[part~="item"] [part~="title"]')].map((title) => title.textContent.trim()),
      }));
      const news = JSON.parse(readFileSync(join(repoRoot, 'demo/content/news.json'), 'utf8'));
      const industry = news.items.filter((item) => item.category === 'industry').map((item) => item.title);
      assert.equal(shown.category, 'industry');
      assert.equal(shown.selected, '行业新闻');
      assert.deepEqual(shown.titles, industry.slice(0, 6));
      const current = await page.$eval('site-nav[variant="side"]', (nav) =>
        nav.shadowRoot.querySelector('[aria-current="page"]')?.textContent.trim(),
      );
      assert.equal(current, '行业新闻');
      assert.deepEqual(errors, []);
    } finally {
      await page.browserContext().close();
    }
  });

  test('a message sent through the demo form, then retried, is in the inbox file exactly once', async () => {
    const { page, errors } = await openPage('/contact.html');
    try {
      await waitForContent(page, {});
      const text = `请问东部仓储物流中心是否提供冷链仓储？ ${Date.now()}`;
      let sent;
      page.on('request', (request) => {
        if (request.method() === 'POST' && request.url().includes('/api/messages')) {
          sent = { url: request.url(), headers: request.headers(), body: request.postData() };
        }
      });
      const delivered = page.evaluate(
        () =>
          new Promise((resolve) => document.addEventListener('message-sent', (event) => resolve(event.detail.response), { once: true })),
      );
      delivered.catch(() => {}); // Awaited below; a failure before that must not go unhandled.
      await page.type('message-form >>> [name="name"]', '刘女士');
      await page.type('message-form >>> [name="phone"]', '0431-8567 2200');
      await page.type('message-form >>> [name="email"]', 'liu@example.com');
      await page.type('message-form >>> [name="subject"]', '冷链仓储咨询');
      await page.type('message-form >>> [name="message"]', text);
      await page.click('message-form >>> [part~="submit"]');
      const response = await delivered;
      assert.match(response.id, /^[0-9a-f-]{36}$/);

      // The request the form made carried JSON and an Idempotency-Key.
      assert.ok(sent, 'the form POSTed to /api/messages');
      assert.match(sent.headers['content-type'], /^application\/json/);
      const key = sent.headers['idempotency-key'];
      assert.ok(key, 'Idempotency-Key header');
      assert.equal(JSON.parse(sent.body).message, text);

      // The same request retried twice (a lost answer, a double click): the first result, nothing stored twice.
      for (let i = 0; i < 2; i++) {
        const retry = await fetch(sent.url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
          body: sent.body,
        });
        assert.equal(retry.status, 201);
        assert.deepEqual(await retry.json(), { id: response.id });
      }
      const stored = (await storedLines(demo.server.messagesFile)).filter((message) => message.message === text);
      assert.equal(stored.length, 1);
      assert.equal(stored[0].id, response.id);
      assert.equal(stored[0].name, '刘女士');
      assert.equal(stored[0].subject, '冷链仓储咨询');

      // And the inbox page lists it, once.
      const inbox = await page.browserContext().newPage();
      try {
        await inbox.goto(new URL('/inbox.html', demo.server.url).href, { waitUntil: 'load' });
        await inbox.waitForSelector('.inbox-item');
        const messages = await inbox.$$eval('.inbox-message', (items) => items.map((item) => item.textContent));
        assert.equal(messages.filter((message) => message === text).length, 1);
      } finally {
        await inbox.close();
      }
      assert.deepEqual(errors, [], errors.join('\n'));
    } finally {
      await page.browserContext().close();
    }
  });

  test('server-side field errors show on the form (no phone, no email)', async () => {
    const { page } = await openPage('/contact.html');
    try {
      await waitForContent(page, {});
      const failed = page.evaluate(
        () =>
          new Promise((resolve) =>
            document.addEventListener('message-failed', (event) => resolve({ status: event.detail.status, errors: event.detail.errors }), {
              once: true,
            }),
          ),
      );
      failed.catch(() => {});
      await page.type('message-form >>> [name="name"]', '赵先生');
      await page.type('message-form >>> [name="message"]', '没有留下联系方式的留言。');
      await page.click('message-form >>> [part~="submit"]');
      const { status, errors } = await failed;
      assert.equal(status, 422);
      assert.ok(errors.phone && errors.email);
      const invalid = await page.$eval('message-form', (form) =>
        form.shadowRoot.querySelector('[name="phone"]').getAttribute('aria-invalid'),
      );
      assert.equal(invalid, 'true');
    } finally {
      await page.browserContext().close();
    }
  });
});
