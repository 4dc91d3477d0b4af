// The demo through the lazy loader: a page downloads only the code of the elements it shows, and
// a server-rendered article hydrates without downloading the sanitizer (DOMPurify).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { demoInChromium } from './demo-server.mjs';

/**
 * Runs in the page: the demo serves its rendered pages with dist/loader-on-interaction.js, which
 * holds every element's code until a visitor reaches for it. `hydrate="load"` brings it at once,
 * with nothing else a pointer would bring (its styles): these tests look at the rest of loading.
 */
const hydrateNow = () => {
  for (const element of document.querySelectorAll('site-nav, news-list, news-article, related-articles, contact-card, message-form'))
    element.setAttribute('hydrate', 'load');
};

describe('demo pages through dist/loader.js', { timeout: 120_000 }, () => {
  const demo = demoInChromium();

  /** The scripts a page loaded, and the article body's text once the article has rendered. */
  async function visit(path) {
    const page = await demo.browser.newPage();
    await page.goto(new URL(path, demo.server.url).href, { waitUntil: 'networkidle0' });
    await page.evaluate(hydrateNow);
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
      scripts.some((path) => /\/dist\/cdn\/ssr\/news-article-/.test(path)),
      'news-article code loaded',
    );
    assert.deepEqual(
      scripts.filter((path) => /sanitizer|dompurify|news-list|message-form/.test(path)),
      [],
    );
    assert.ok(
      scripts.some((path) => /\/dist\/cdn\/ssr\/hydrate-/.test(path)),
      "Lit's hydration support loaded",
    );
    // Every element hydrates from the data and the styles on the page: the content client is not
    // needed, nor the styles of an element that shows no browser-only extras (the article's share
    // button and the card's copy buttons render, with their styles, once near the viewport)...
    assert.deepEqual(
      scripts.filter((path) => /\/network-|(site-nav|related-articles|news-list)\.styles-/.test(path)),
      [],
    );
    // ...and no chunk of the set for pages rendered in the browser comes.
    assert.deepEqual(
      scripts.filter((path) => /\/dist\/cdn\/[^/]+$/.test(path)),
      [],
    );
  });

  test('a server-rendered list fetches its styles and the content client when it changes, and shows what it loaded', async () => {
    const page = await demo.browser.newPage();
    const requested = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(new URL('/news.html', demo.server.url).href, { waitUntil: 'networkidle0' });
    await page.evaluate(hydrateNow);
    await page.waitForFunction(() => customElements.get('news-list') && document.querySelector('news-list').hasUpdated);
    assert.deepEqual(
      requested.filter((path) => /\/network-|news-list\.styles-|\.json$/.test(path)),
      [],
      "hydrated from the page: not the list's styles, no client, no content request",
    );
    // The host points the list at another source: the client loads, then the JSON.
    const titles = await page.evaluate(async () => {
      const list = document.querySelector('news-list');
      const loaded = new Promise((resolve) => list.addEventListener('newsroom-load', resolve, { once: true }));
      list.src = '/content/en/news.json';
      await loaded;
      await list.updateComplete;
      return [...list.shadowRoot.querySelectorAll('[part~=title]')].map((title) => title.textContent.trim());
    });
    const english = JSON.parse(readFileSync('demo/content/en/news.json', 'utf8'));
    assert.equal(titles[0], (english.items ?? english)[0].title);
    const client = requested.findIndex((path) => /\/dist\/cdn\/ssr\/network-/.test(path));
    assert.ok(client >= 0, 'the content client was loaded');
    assert.ok(client < requested.indexOf('/content/en/news.json'), 'before the content it fetched');
    assert.ok(
      requested.some((path) => /\/dist\/cdn\/ssr\/news-list\.styles-/.test(path)),
      "the list's styles were loaded",
    );
    // The new content is laid out with the list's full styles, not only the server's subset.
    const adopted = await page.evaluate(() => document.querySelector('news-list').shadowRoot.adoptedStyleSheets.length);
    assert.ok(adopted > 0, 'full styles adopted');
    await page.close();
  });

  test('a server-rendered card far down the page renders its copy buttons, and loads their styles, once it nears the viewport', async () => {
    const page = await demo.browser.newPage();
    await page.setViewport({ width: 412, height: 600 });
    const requested = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(new URL('/index.html', demo.server.url).href, { waitUntil: 'networkidle0' });
    await page.evaluate(hydrateNow);
    await page.waitForFunction(() => customElements.get('contact-card') && document.querySelector('contact-card').hasUpdated);
    // The server draws them disabled (so nothing moves when they start working).
    const copyButtons = () =>
      page.evaluate(() => document.querySelector('contact-card').shadowRoot.querySelectorAll('[part~=copy]:not([disabled])').length);
    const cardStyles = () => requested.filter((path) => /contact-card\.styles-/.test(path)).length;
    assert.equal(await copyButtons(), 0, 'no working copy buttons while the card is screens away');
    assert.equal(cardStyles(), 0, "the card's styles are not loaded yet");
    await page.evaluate(() => document.querySelector('contact-card').scrollIntoView());
    await page.waitForFunction(
      () => document.querySelector('contact-card').shadowRoot.querySelectorAll('[part~=copy]:not([disabled])').length === 2,
    );
    assert.equal(cardStyles(), 1, "the card's styles came with its copy buttons");
    const looks = await page.evaluate(() => {
      const button = document.querySelector('contact-card').shadowRoot.querySelector('[part~=copy]');
      return { adopted: button.getRootNode().adoptedStyleSheets.length, cursor: getComputedStyle(button).cursor };
    });
    assert.ok(looks.adopted > 0, 'full styles adopted');
    assert.equal(looks.cursor, 'pointer', 'the copy button is styled as a button');
    await page.close();
  });

  test('a rendered demo page that is only read runs no element code; the mouse over its menu brings the menu', async () => {
    const page = await demo.browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(new URL('/index.html', demo.server.url).href, { waitUntil: 'networkidle0' });
    const state = () =>
      page.evaluate(() => ({
        scripts: performance
          .getEntriesByType('resource')
          .map((entry) => new URL(entry.name).pathname)
          .filter((path) => path.startsWith('/dist/')),
        defined: ['news-provider', 'site-nav', 'news-list', 'contact-card'].filter((tag) => customElements.get(tag)),
      }));
    assert.deepEqual(await state(), { scripts: ['/dist/loader-on-interaction.js'], defined: [] });
    await page.hover('site-nav[variant=bar]');
    await page.waitForFunction(() => document.querySelector('site-nav').hasUpdated, { timeout: 10_000 });
    const { defined } = await state();
    assert.deepEqual(defined, ['news-provider', 'site-nav'], 'the menu and its provider, not the list or the card');
    await page.close();
  });

  test('a client-rendered article loads the sanitizer with its content', async () => {
    const { scripts, body } = await visit('/article.html?id=1001&ssr=0');
    assert.ok(body.length > 100, 'the body is shown');
    assert.ok(
      scripts.some((path) => /\/dist\/cdn\/sanitizer-/.test(path)),
      'sanitizer chunk loaded',
    );
    // Rendered in the browser: no hydration support to pay for.
    assert.deepEqual(
      scripts.filter((path) => /hydrate/.test(path)),
      [],
    );
    // ...and the chunks whose elements come with their styles and the content client.
    assert.deepEqual(
      scripts.filter((path) => /\/dist\/cdn\/ssr\/|\.styles-|\/network-/.test(path)),
      [],
    );
  });

  test("server-rendered elements hydrate in place: Lit's hydration support comes before their code", async () => {
    const page = await demo.browser.newPage();
    await page.setRequestInterception(true);
    let release;
    const held = new Promise((resolve) => (release = resolve));
    page.on('request', async (request) => {
      // The loader waits until the server's nodes are marked (the parser is done by then).
      if (new URL(request.url()).pathname === '/dist/loader-on-interaction.js') await held;
      await request.continue();
    });
    const loaded = page.goto(new URL('/article.html?id=1001', demo.server.url).href, { waitUntil: 'networkidle0' });
    await page.waitForFunction(() => document.readyState !== 'loading');
    const marked = await page.evaluate(() => {
      const hosts = [...document.querySelectorAll('site-nav, news-article, related-articles, contact-card')];
      for (const host of hosts) for (const node of host.shadowRoot.querySelectorAll('*')) node.fromServer = true;
      return hosts.map((host) => host.localName);
    });
    assert.deepEqual([...new Set(marked)].sort(), ['contact-card', 'news-article', 'related-articles', 'site-nav']);
    release();
    await loaded;
    await page.evaluate(hydrateNow);
    const result = await page.evaluate(async () => {
      const hosts = [...document.querySelectorAll('site-nav, news-article, related-articles, contact-card')];
      await Promise.all(hosts.map((host) => customElements.whenDefined(host.localName)));
      await Promise.all(hosts.map((host) => host.updateComplete));
      // Every element the server sent is still there; none was rendered afresh.
      return hosts.map((host) => {
        const nodes = [...host.shadowRoot.querySelectorAll('*')];
        return { tag: host.localName, fromServer: nodes.filter((node) => node.fromServer).length, total: nodes.length };
      });
    });
    await page.close();
    for (const { tag, fromServer, total } of result)
      assert.ok(fromServer > 0 && fromServer >= total - 4, `${tag}: ${fromServer} of ${total} nodes kept`);
  });

  test('server-rendered elements added later to a page rendered in the browser: new tags hydrate, defined ones render afresh, each shows once', async () => {
    const fragment = (html, tag) => {
      const start = html.indexOf(`<${tag}`);
      return html.slice(start, html.indexOf(`</${tag}>`, start) + `</${tag}>`.length);
    };
    const list = fragment(await (await fetch(new URL('/news.html', demo.server.url))).text(), 'news-list');
    // The page carries the site's data once, in its menu: the card cut out of it takes that along.
    const about = await (await fetch(new URL('/about.html', demo.server.url))).text();
    const card = fragment(about, 'contact-card').replace(/<script type="application\/json" data-from="([^"]+)"><\/script>/, (_, id) =>
      about.match(new RegExp(`<script type="application/json" id="${id}"[^>]*>[^<]*</script>`))[0].replace(` id="${id}"`, ''),
    );
    const page = await demo.browser.newPage();
    await page.setBypassCSP(true); // setHTMLUnsafe, under the demo's Trusted Types policy
    const warnings = [];
    page.on('console', (message) => ['warn', 'warning', 'error'].includes(message.type()) && warnings.push(message.text()));
    await page.goto(new URL('/about.html?ssr=0', demo.server.url).href, { waitUntil: 'networkidle0' });
    const result = await page.evaluate(
      async (list, card) => {
        await customElements.whenDefined('contact-card');
        const holder = document.createElement('div');
        document.body.append(holder);
        holder.setHTMLUnsafe(list + card);
        const newsList = holder.querySelector('news-list');
        const contact = holder.querySelector('contact-card');
        const items = newsList.shadowRoot.querySelectorAll('[part~=item]').length;
        for (const node of newsList.shadowRoot.querySelectorAll('*')) node.fromServer = true;
        await customElements.whenDefined('news-list');
        await new Promise((resolve) => setTimeout(resolve, 500));
        await newsList.updateComplete;
        await contact.updateComplete;
        const nodes = [...newsList.shadowRoot.querySelectorAll('*')];
        return {
          items,
          itemsAfter: newsList.shadowRoot.querySelectorAll('[part~=item]').length,
          kept: nodes.filter((node) => node.fromServer).length,
          total: nodes.length,
          sections: contact.shadowRoot.querySelectorAll('section').length,
          scripts: performance
            .getEntriesByType('resource')
            .map((entry) => new URL(entry.name).pathname)
            .filter((path) => path.endsWith('.js')),
        };
      },
      list,
      card,
    );
    await page.close();
    assert.ok(result.items > 0 && result.itemsAfter === result.items, `items: ${result.items} from the server, ${result.itemsAfter} after`);
    assert.ok(result.kept >= result.total - 4, `news-list hydrated: ${result.kept} of ${result.total} server nodes kept`);
    assert.ok(
      result.scripts.some((path) => /\/dist\/cdn\/hydrate-/.test(path)),
      'the hydration support was loaded when they came',
    );
    assert.equal(result.sections, 1, 'the contact card shows once');
    assert.deepEqual(
      warnings.map((text) => text.replace(/ \(.*/, '')),
      ['<contact-card>: the server-rendered content was rendered again'],
    );
  });
});
