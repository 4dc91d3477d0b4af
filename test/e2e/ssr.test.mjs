// The demo's server-rendered pages as a crawler, a link preview, a reader without JavaScript and
// a browser with it see them: the content is in the HTML, links and the form work with script
// off, and with script on the page hydrates with no content request, no error and no shift.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { demoInChromium, repoRoot } from './demo-server.mjs';
import { storedLines } from './files.mjs';
import { wakeElements } from './page-problems.mjs';

const content = (path) => JSON.parse(readFileSync(join(repoRoot, 'demo/content', path), 'utf8'));
const site = content('site.json');
const siteEn = content('en/site.json');
const news = content('news.json');
const newsEn = content('en/news.json');
const article = content('articles/1001.json');
const articleEn = content('en/articles/1003.json');
/** Text of an HTML fragment, as a reader sees it. */
const textOf = (html) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
const firstParagraph = (body) => textOf(/<p>([\s\S]*?)<\/p>/.exec(body)[1]);
const labels = (menu) => menu.map((entry) => entry.label);

/** Each page and what its raw HTML must contain. */
const pages = [
  {
    path: '/index.html',
    texts: [...labels(site.menus.main), site.contact.phone, news.items.find((item) => item.category === 'company').title],
  },
  { path: '/news.html', texts: [...labels(site.menus.main), ...news.items.slice(0, 6).map((item) => item.title), site.contact.address] },
  {
    path: '/article.html?id=1001',
    texts: [
      article.title,
      firstParagraph(article.body),
      ...labels(site.menus.main),
      site.contact.phone,
      ...article.related.map((item) => item.title),
    ],
  },
  { path: '/contact.html', texts: [...labels(site.menus.main), site.contact.address, site.contact.phone, site.contact.email, '留言内容'] },
  { path: '/en/index.html', texts: [...labels(siteEn.menus.main), siteEn.contact.phone, newsEn.items[0].title] },
  { path: '/en/news.html', texts: [...labels(siteEn.menus.main), ...newsEn.items.slice(0, 5).map((item) => item.title)] },
  { path: '/en/article.html?id=1003', texts: [articleEn.title, firstParagraph(articleEn.body), ...labels(siteEn.menus.main)] },
  { path: '/en/contact.html', texts: [...labels(siteEn.menus.main), siteEn.contact.address, siteEn.contact.email, 'Message'] },
];

const allPages = [
  ...pages.map(({ path }) => path),
  '/news.html?category=industry',
  '/news.html?page=2',
  '/sources.html',
  '/about.html',
  '/thanks.html',
  '/en/about.html',
];

describe('server-rendered demo pages', { timeout: 240_000 }, () => {
  before(async () => {
    assert.ok(existsSync(join(repoRoot, 'dist/ssr/index.js')), 'dist/ssr/index.js is missing: run `npm run build` first');
  });
  const demo = demoInChromium();
  const get = (path) => fetch(new URL(path, demo.server.url));

  describe('the HTML as fetched (curl)', () => {
    for (const { path, texts } of pages) {
      test(`${path} carries its headline, titles, menus and contact lines`, async () => {
        const response = await get(path);
        assert.equal(response.status, 200);
        const html = await response.text();
        assert.match(html, /<template shadowrootmode="open">/);
        const text = textOf(html);
        for (const expected of texts) assert.ok(text.includes(expected), `${path} lacks ${JSON.stringify(expected)}`);
      });
    }

    test("the article page's head: its title, description, canonical, Open Graph and JSON-LD", async () => {
      const html = await (await get('/article.html?id=1001')).text();
      const head = html.slice(0, html.indexOf('</head>'));
      assert.equal(/<title>([^<]*)<\/title>/.exec(head)[1].includes(article.title), true);
      assert.equal((head.match(/<title>/g) ?? []).length, 1);
      assert.match(head, /<meta name="description" content="[^"]+"/);
      assert.match(head, /<link rel="canonical" href="[^"]*article\.html\?id=1001"/);
      assert.match(head, /<meta property="og:type" content="article"/);
      assert.ok(head.includes(`<meta property="og:title" content="${article.title}"`), 'og:title');
      const ld = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(head);
      assert.ok(ld, 'JSON-LD');
      const data = JSON.parse(ld[1]);
      assert.equal(data['@type'], 'NewsArticle');
      assert.equal(data.headline, article.title);
      assert.equal(Date.parse(data.datePublished), Date.parse(article.date));
    });

    test("an article page's breadcrumb and side menu are rendered on the article's category, as site.js sets them", async () => {
      const html = await (await get('/article.html?id=1001')).text();
      const current = `/news.html?category=${article.category.id}`;
      for (const variant of ['breadcrumb', 'side']) {
        assert.match(html, new RegExp(`<site-nav [^>]*variant="${variant}"[^>]*current="${current.replace(/[?.]/g, '\\$&')}"`), variant);
      }
      const crumbs = /<site-nav [^>]*variant="breadcrumb"[\s\S]*?<\/site-nav>/.exec(html)[0];
      assert.ok(textOf(crumbs).includes(article.category.label), 'the breadcrumb names the category');
    });

    test('?ssr=0 is the page as written: no content, no head tags, no shadow roots', async () => {
      const response = await get('/article.html?id=1001&ssr=0');
      assert.equal(response.status, 200);
      const html = await response.text();
      assert.equal(html, readFileSync(join(repoRoot, 'demo/article.html'), 'utf8'));
      assert.ok(!html.includes(article.title));
      assert.doesNotMatch(html, /shadowrootmode|application\/ld\+json|og:title/);
      assert.match(response.headers.get('server-timing'), /desc="off"/);
    });

    test('the strict policy holds: inline styles only by hash, no unsafe-inline, no executable inline script', async () => {
      for (const path of allPages) {
        const response = await get(path);
        const csp = response.headers.get('content-security-policy');
        assert.match(csp, /script-src 'self'(;|$)/, path);
        assert.match(csp, /style-src 'self'( 'sha256-[\w+/=]+')+;/, path);
        assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, path);
        const html = await response.text();
        for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
          assert.match(tag, /src="|type="application\/(ld\+)?json"/, `${path}: ${tag}`);
        }
      }
    });

    test('a rendered page is cached until a content file it used changes', async () => {
      const path = '/en/about.html';
      await get(path);
      assert.match((await get(path)).headers.get('server-timing'), /desc="cache"/);
      const file = join(repoRoot, 'demo/content/en/site.json');
      const now = new Date();
      utimesSync(file, now, now);
      assert.match((await get(path)).headers.get('server-timing'), /desc="render"/);
      assert.match((await get(path)).headers.get('server-timing'), /desc="cache"/);
    });

    test('each visitor of a cached page gets a form key of its own', async () => {
      const key = async () => /name="_idempotency" value="([^"]+)"/.exec(await (await get('/contact.html')).text())[1];
      const [first, second] = [await key(), await key()];
      assert.match(first, /^[0-9a-f-]{36}$/);
      assert.notEqual(first, second);
    });
  });

  /** A page in a context of its own; `javaScript: false` as a reader with script off. */
  async function open(path, { javaScript = true } = {}) {
    const context = await demo.browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.setJavaScriptEnabled(javaScript);
    const errors = [];
    const contentRequests = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warn') errors.push(`console.${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    page.on('request', (request) => {
      if (/\/content\/.*\.json/.test(request.url())) contentRequests.push(request.url());
    });
    if (javaScript) {
      await page.evaluateOnNewDocument(() => {
        // Shifts as { value, at, text }; `__parsedAt`: the start of the second frame after the
        // parser finished. A browser may paint a page before all of it is parsed (a slow slice
        // of the network or of the CPU), and what is parsed next can move what was painted, as
        // in any static page; the frame after the parser finished lays out its last part. Such
        // shifts are the parser's, not hydration's (test/ssr.test.ts pins hydration's positions
        // in every engine); they are reported, and the ones after are counted.
        window.__shifts = [];
        window.__parsedAt = Infinity;
        document.addEventListener('readystatechange', () => {
          if (document.readyState !== 'interactive') return;
          requestAnimationFrame(() => requestAnimationFrame(() => (window.__parsedAt = performance.now())));
        });
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            if (entry.hadRecentInput) continue;
            // What moved, for the failure message: the node, the element whose shadow root holds it, the move.
            const moves = entry.sources.map(({ node, previousRect: a, currentRect: b }) => {
              const host = node?.getRootNode?.().host;
              const name = node ? (node.nodeType === 1 ? node.localName + (node.className ? `.${node.className}` : '') : '#text') : '?';
              return `${name}${host ? ` in ${host.localName}` : ''}: ${[a.x, a.y, a.width, a.height]} -> ${[b.x, b.y, b.width, b.height]}`;
            });
            const what = moves.length ? moves.join(', ') : `a shift of ${entry.value} with no node named`;
            window.__shifts.push({ value: entry.value, at: entry.startTime, text: `${what} at ${Math.round(entry.startTime)} ms` });
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
    }
    await page.goto(new URL(path, demo.server.url).href, { waitUntil: 'networkidle0' });
    return { page, errors, contentRequests };
  }

  /** Texts and addresses of what matches `selector` inside the shadow roots of `tag` (visible ones only). */
  const shadowLinks = (page, tag, selector = 'a') =>
    page.evaluate(
      (tag, selector) =>
        [...document.querySelectorAll(tag)].flatMap((host) =>
          [...(host.shadowRoot?.querySelectorAll(selector) ?? [])]
            .filter((node) => node.getBoundingClientRect().height > 0)
            .map((node) => ({ text: node.textContent.trim(), href: node.getAttribute('href') })),
        ),
      tag,
      selector,
    );

  /** Clicks the first visible `selector` in `tag`'s shadow root, as a person would (mouse). */
  async function clickIn(page, tag, selector, text) {
    const box = await page.evaluate(
      (tag, selector, text) => {
        for (const host of document.querySelectorAll(tag)) {
          for (const node of host.shadowRoot?.querySelectorAll(selector) ?? []) {
            const rect = node.getBoundingClientRect();
            if (rect.height > 0 && (!text || node.textContent.trim() === text)) {
              node.scrollIntoView({ block: 'center' });
              const r = node.getBoundingClientRect();
              return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
            }
          }
        }
        return null;
      },
      tag,
      selector,
      text,
    );
    assert.ok(box, `${tag} ${selector} ${text ?? ''} is on the page`);
    await Promise.all([page.waitForNavigation(), page.mouse.click(box.x, box.y)]);
  }

  /** Types into a message-form control by keyboard. */
  async function typeInto(page, name, value) {
    await page.evaluate((name) => document.querySelector('message-form').shadowRoot.querySelector(`[name="${name}"]`).focus(), name);
    await page.keyboard.type(value);
  }

  describe('with JavaScript off', () => {
    test('the article text is visible, and the screenshot has it', async () => {
      const { page } = await open('/article.html?id=1001', { javaScript: false });
      try {
        const shown = await page.evaluate(() => {
          const body = document.querySelector('news-article').shadowRoot.querySelector('[part~="body"]');
          const title = document.querySelector('news-article').shadowRoot.querySelector('h1, [part~="title"]');
          return {
            body: body.innerText,
            height: body.getBoundingClientRect().height,
            title: title.innerText,
            visibility: getComputedStyle(body).visibility,
          };
        });
        assert.ok(shown.body.includes(firstParagraph(article.body)));
        assert.ok(shown.height > 100);
        assert.equal(shown.visibility, 'visible');
        assert.equal(shown.title, article.title);
        assert.equal(await page.title(), (/<title>([^<]*)/.exec(await (await get('/article.html?id=1001')).text()) ?? [])[1]);
      } finally {
        await page.browserContext().close();
      }
    });

    test('links navigate: from the news list to an article', async () => {
      const { page } = await open('/news.html', { javaScript: false });
      try {
        const titles = (await shadowLinks(page, 'news-list', '[part~="item"] a[part~="link"]')).map((link) => link.text);
        assert.deepEqual(
          titles,
          news.items.slice(0, 6).map((item) => item.title),
        );
        await clickIn(page, 'news-list', '[part~="item"] a[part~="link"]', news.items[1].title);
        assert.match(page.url(), new RegExp(`article\\.html\\?id=${news.items[1].id}$`));
        const title = await page.evaluate(() => document.querySelector('news-article').shadowRoot.querySelector('h1').innerText);
        assert.equal(title, news.items[1].title);
      } finally {
        await page.browserContext().close();
      }
    });

    test('the pager pages: real ?page=N links', async () => {
      const { page } = await open('/news.html', { javaScript: false });
      try {
        await clickIn(page, 'news-list', '[part~="pager"] a', '2');
        assert.match(page.url(), /[?&]page=2\b/);
        const titles = (await shadowLinks(page, 'news-list', '[part~="item"] a[part~="link"]')).map((link) => link.text);
        assert.deepEqual(
          titles,
          news.items.slice(6, 12).map((item) => item.title),
        );
      } finally {
        await page.browserContext().close();
      }
    });

    test('no button shows that only script could work: on every page, wide and as narrow as a phone', async () => {
      for (const path of ['/index.html', '/news.html', '/article.html?id=1001', '/contact.html', '/about.html']) {
        const { page } = await open(path, { javaScript: false });
        try {
          for (const width of [1280, 390]) {
            await page.setViewport({ width, height: 900 });
            const buttons = await page.evaluate(() => {
              const shown = [];
              const walk = (root, where) => {
                for (const element of root.querySelectorAll('*')) {
                  // The form's submit posts without script; a list's selected tab names the category
                  // shown, and choosing it changes nothing with or without script.
                  const works = element.type === 'submit' || element.matches('[role=tab][aria-selected=true]');
                  if (element.localName === 'button' && !works) {
                    const box = element.getBoundingClientRect();
                    if (box.height > 0 && getComputedStyle(element).visibility !== 'hidden')
                      shown.push(`${where}: ${element.textContent.trim()}`);
                  }
                  if (element.shadowRoot) walk(element.shadowRoot, element.localName);
                }
              };
              walk(document, 'page');
              return shown;
            });
            assert.deepEqual(buttons, [], `${path} at ${width}px`);
          }
          // The bar's entries are all on screen, at either width (a phone's bar has no Menu button to open).
          const hidden = await page.evaluate(() =>
            [...document.querySelector('site-nav').shadowRoot.querySelectorAll('#tree > li > a')]
              .filter((link) => link.getBoundingClientRect().height === 0)
              .map((link) => link.textContent),
          );
          assert.deepEqual(hidden, [], path);
        } finally {
          await page.browserContext().close();
        }
      }
    });

    test('an article that is not there: the article says so in its error panel, no skeleton; the related list is gone', async () => {
      const { page } = await open('/article.html?id=9999', { javaScript: false });
      try {
        const seen = await page.evaluate(() => {
          const shown = (host) =>
            [...document.querySelector(host).shadowRoot.querySelectorAll('*')].filter((node) => node.getBoundingClientRect().height > 0);
          const article = shown('news-article');
          return {
            alert: article.filter((node) => node.matches('[role=alert]')).map((node) => node.innerText.trim()),
            skeleton: article.filter((node) => /skeleton/.test(node.className)).length,
            related: shown('related-articles').length,
          };
        });
        assert.deepEqual(seen, { alert: ['内容加载失败（服务器返回 404）。'], skeleton: 0, related: 0 });
      } finally {
        await page.browserContext().close();
      }
    });

    test('the menus list their pages: bar, side menu and footer', async () => {
      const { page } = await open('/about.html', { javaScript: false });
      try {
        const bar = (await shadowLinks(page, 'site-nav[variant="bar"]', 'a')).map((link) => link.text);
        assert.deepEqual(bar, labels(site.menus.main));
        const about = site.menus.main.find((entry) => entry.href.includes('about'));
        const side = (await shadowLinks(page, 'site-nav[variant="side"]', 'a')).map((link) => link.text);
        for (const child of about.children) assert.ok(side.includes(child.label), `side menu lacks ${child.label}`);
        const footer = (await shadowLinks(page, 'site-nav.footer-menu', 'a')).map((link) => link.text);
        assert.deepEqual(footer, labels(site.menus.footer));
        await clickIn(page, 'site-nav.footer-menu', 'a', site.menus.footer.at(-1).label);
        assert.equal(new URL(page.url()).pathname, site.menus.footer.at(-1).href);
      } finally {
        await page.browserContext().close();
      }
    });

    test('the form posts: errors come back on the fields with the input kept, then thanks', async () => {
      const { page } = await open('/contact.html', { javaScript: false });
      const message = `无脚本留言 ${Date.now()}\n第二行 <b>粗</b> & “引号”`;
      try {
        await typeInto(page, 'name', '赵先生');
        await typeInto(page, 'email', 'not-an-address');
        await typeInto(page, 'message', message);
        await clickIn(page, 'message-form', '[part~="submit"]');
        assert.match(page.url(), /\/api\/messages/);
        const again = await page.evaluate(() => {
          const root = document.querySelector('message-form').shadowRoot;
          const value = (name) => root.querySelector(`[name="${name}"]`).value;
          return {
            values: { name: value('name'), email: value('email'), message: value('message') },
            invalid: [...root.querySelectorAll('[aria-invalid="true"]')].map((control) => control.name),
            errors: [...root.querySelectorAll('[part~="field-error"]')].map((error) => error.innerText),
            summary: root.querySelector('[part~="summary"]').innerText,
          };
        });
        assert.deepEqual(again.values, { name: '赵先生', email: 'not-an-address', message });
        assert.deepEqual(again.invalid, ['email']);
        assert.deepEqual(again.errors, ['请输入有效的邮箱地址，例如 name@example.com。']);
        assert.match(again.summary, /邮箱/);

        await page.evaluate(() => {
          const input = document.querySelector('message-form').shadowRoot.querySelector('[name="email"]');
          input.select();
        });
        await page.keyboard.press('Backspace');
        await typeInto(page, 'email', 'zhao@example.com');
        await clickIn(page, 'message-form', '[part~="submit"]');
        assert.equal(new URL(page.url()).pathname, '/thanks.html');
        assert.match(await page.evaluate(() => document.querySelector('h1').innerText), /留言已收到/);
        const stored = (await storedLines(demo.server.messagesFile)).filter((line) => line.message === message);
        assert.equal(stored.length, 1);
        assert.equal(stored[0].email, 'zhao@example.com');
      } finally {
        await page.browserContext().close();
      }
    });
  });

  describe('with JavaScript on', () => {
    for (const path of allPages) {
      test(`${path}: hydrates with no content request, no console error or warning, and no layout shift`, async (t) => {
        const { page, errors, contentRequests } = await open(path);
        try {
          // A visitor reaches for every element (the demo's on-interaction loader brings each
          // one's code then); then every element is defined and updated: hydration is over.
          await page.evaluate(wakeElements);
          await page.evaluate(async () => {
            const hosts = [...document.querySelectorAll('news-provider *')].filter((node) => node.localName.includes('-'));
            await Promise.all(hosts.map((host) => customElements.whenDefined(host.localName)));
            await Promise.all(hosts.map((host) => host.updateComplete));
            await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          });
          assert.deepEqual(contentRequests, []);
          assert.deepEqual(errors, [], errors.join('\n'));
          const { shifts, parsedAt } = await page.evaluate(() => ({ shifts: window.__shifts, parsedAt: window.__parsedAt }));
          assert.ok(Number.isFinite(parsedAt), 'the page was parsed and drawn twice since');
          const whileParsing = shifts.filter((shift) => shift.at < parsedAt);
          if (whileParsing.length)
            t.diagnostic(`shifts while parsing (not counted): ${whileParsing.map((shift) => shift.text).join('; ')}`);
          const after = shifts.filter((shift) => shift.at >= parsedAt);
          assert.equal(
            after.reduce((sum, shift) => sum + shift.value, 0),
            0,
            after.map((shift) => shift.text).join('\n'),
          );
        } finally {
          await page.browserContext().close();
        }
      });
    }
  });
});
