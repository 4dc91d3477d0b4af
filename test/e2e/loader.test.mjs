// The demo through the lazy loader: a page downloads only the code of the elements it shows, and
// a server-rendered article hydrates without downloading the sanitizer (DOMPurify).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { demoInChromium } from './demo-server.mjs';

describe('demo pages through dist/loader.js', { timeout: 120_000 }, () => {
  const demo = demoInChromium();

  /** The scripts a page loaded, and the article body's text once the article has rendered. */
  async function visit(path) {
    const page = await demo.browser.newPage();
    await page.goto(new URL(path, demo.server.url).href, { waitUntil: 'networkidle0' });
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
    assert.ok(
      scripts.some((path) => /\/dist\/cdn\/hydrate-/.test(path)),
      "Lit's hydration support loaded",
    );
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
  });

  test("server-rendered elements hydrate in place: Lit's hydration support comes before their code", async () => {
    const page = await demo.browser.newPage();
    await page.setRequestInterception(true);
    let release;
    const held = new Promise((resolve) => (release = resolve));
    page.on('request', async (request) => {
      // The loader waits until the server's nodes are marked (the parser is done by then).
      if (new URL(request.url()).pathname === '/dist/loader.js') await held;
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
