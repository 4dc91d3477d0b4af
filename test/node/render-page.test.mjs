// renderPage over real pages: content in declarative shadow roots, data embedded once, the
// head of article pages, hostile content inert, bad sources left to the browser.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { parse } from 'parse5';
import { renderPage, renderPageResult } from 'newsroom-elements/ssr';

const fixture = (name) => readFile(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

/** A fetch over fixture files (`https://example.test/content/x.json` → test/fixtures/x.json) that logs each request. */
function fixtureFetch(overrides = {}) {
  const log = [];
  const fetch = async (url, init) => {
    log.push(url);
    const { pathname } = new URL(url);
    const name = pathname.split('/').pop();
    if (name in overrides) return overrides[name](init);
    try {
      return new Response(await fixture(name), { headers: { 'Content-Type': 'application/json' } });
    } catch {
      return new Response('not found', { status: 404 });
    }
  };
  return { fetch, log };
}

/** Every element of a parsed tree, template contents (shadow roots) included. */
function* walk(node) {
  for (const child of node.childNodes ?? []) {
    yield child;
    yield* walk(child);
    if (child.content) yield* walk(child.content);
  }
}
const textIn = (node) =>
  [...walk(node)]
    .filter((n) => n.nodeName === '#text')
    .map((n) => n.value)
    .join('');
const find = (root, tag) => [...walk(root)].filter((n) => n.tagName === tag);
const shadowOf = (host) => host.childNodes.find((n) => n.tagName === 'template' && n.attrs.some((a) => a.name === 'shadowrootmode'));

const page = (body, head = '<title>Company</title>') =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

test('an article page: headline, body, menu and contact lines in declarative shadow roots; each source fetched once', async () => {
  const { fetch, log } = fixtureFetch();
  const html = page(`<news-provider base="/content/" article-href="/article.html?id={id}">
    <site-nav src="site.json"></site-nav>
    <news-article id="a" article-src="article-{id}.json" set-title></news-article>
    <related-articles for="a"></related-articles>
    <contact-card src="site.json"></contact-card>
  </news-provider>`);
  const out = await renderPage(html, { url: 'https://example.test/article.html?id=1001', fetch });
  assert.deepEqual(log.sort(), ['https://example.test/content/article-1001.json', 'https://example.test/content/site.json']);
  const doc = parse(out);
  const article = find(doc, 'news-article')[0];
  const shadow = shadowOf(article);
  assert.ok(shadow, 'news-article has a declarative shadow root');
  assert.match(textIn(shadow.content), /利诚商贸与长春物流园签署战略合作协议/);
  assert.ok(find(shadow.content, 'p').length > 2, 'body paragraphs are rendered');
  assert.match(textIn(shadowOf(find(doc, 'site-nav')[0]).content), /网站首页/);
  assert.match(textIn(shadowOf(find(doc, 'contact-card')[0]).content), /020-123456789|电话/);
  // The data each element used is embedded once, as the inline JSON the elements read.
  const inline = find(article, 'script').filter((s) => s.attrs.some((a) => a.value === 'application/json'));
  assert.equal(inline.length, 1);
  assert.equal(JSON.parse(textIn(inline[0])).id, '1001');
});

/** Every attribute and script of the serialized page, parsed as a browser would (shadow roots included). */
function inertProblems(html) {
  const problems = [];
  for (const node of walk(parse(html))) {
    if (!node.attrs) continue;
    if (node.tagName === 'script') {
      const type = node.attrs.find((a) => a.name === 'type')?.value;
      if (type !== 'application/json' && type !== 'application/ld+json' && type !== 'module')
        problems.push(`executable script: ${textIn(node).slice(0, 60)}`);
      if (type === 'module' && !node.attrs.some((a) => a.name === 'src')) problems.push('inline module script');
    }
    for (const { name, value } of node.attrs) {
      if (/^on/i.test(name)) problems.push(`${node.tagName}[${name}]`);
      if (
        /^(href|src|action|formaction|xlink:href)$/i.test(name) &&
        /^\s*(javascript|vbscript|data):/i.test([...value].filter((ch) => ch.charCodeAt(0) > 0x20).join(''))
      ) {
        problems.push(`${node.tagName}[${name}=${value}]`);
      }
    }
  }
  return problems;
}

const HOSTILE_ARTICLE = {
  id: '666',
  title: '</script><script>window.__pwned=1</script><!-- <img src=x onerror=alert(1)>',
  date: '2025-06-10T20:53:04+08:00',
  author: '</script><script>alert(1)</script>',
  image: 'javascript:alert(1)',
  body:
    '<p>Text</p><script>alert(1)</script><img src=x onerror="alert(1)"><a href="javascript:alert(1)">x</a>' +
    '<svg><script>alert(1)</script></svg><math><mi><style><img src=x onerror=alert(1)></style></mi></math>' +
    '<!--/lit-part--><!--lit-part--><iframe srcdoc="<script>alert(1)</script>"></iframe><form action="javascript:alert(1)"><button>x</button></form>' +
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript><a href="https://evil.example/" target="_self">out</a>',
  related: [{ id: '1', title: '<img src=x onerror=alert(1)>', url: 'javascript:alert(1)' }],
};

test('hostile titles, bodies and menu labels stay inert; </script> in embedded data cannot close the tag', async () => {
  const { fetch } = fixtureFetch({
    'article-666.json': () => new Response(JSON.stringify(HOSTILE_ARTICLE)),
  });
  const html = page(`<news-provider base="/content/">
    <site-nav src="site-hostile.json"></site-nav>
    <site-nav src="site-hostile.json" variant="footer"></site-nav>
    <news-list src="news-list-hostile.json"></news-list>
    <news-article id="a" article-src="article-{id}.json" set-title></news-article>
    <related-articles for="a"></related-articles>
    <contact-card src="site-hostile.json"></contact-card>
  </news-provider>`);
  const out = await renderPage(html, { url: 'https://example.test/a.html?id=666', fetch });
  assert.deepEqual(inertProblems(out), []);
  assert.doesNotMatch(out, /<script>(window\.__pwned|alert)/);
  // The article's data round-trips through its inline JSON: the `</script>` stayed inside it.
  const doc = parse(out);
  const article = find(doc, 'news-article')[0];
  const inline = article.childNodes.find((n) => n.tagName === 'script');
  assert.deepEqual(JSON.parse(textIn(inline)), HOSTILE_ARTICLE);
  // Comments in a body cannot bend the hydration markers: the sanitizer drops them.
  const body = find(shadowOf(article).content, 'div').find((d) => d.attrs.some((a) => a.name === 'part' && a.value === 'body'));
  assert.ok(body);
  assert.equal([...walk(body)].filter((n) => n.nodeName === '#comment').length, 0);
  assert.match(textIn(body), /Text/);
  // The head carries the hostile title as text.
  const title = find(doc, 'title');
  assert.equal(title.length, 1);
  assert.equal(textIn(title[0]), HOSTILE_ARTICLE.title);
  const ld = find(doc, 'script').find((s) => s.attrs.some((a) => a.value === 'application/ld+json'));
  assert.equal(JSON.parse(textIn(ld)).headline, HOSTILE_ARTICLE.title);
  assert.doesNotMatch(textIn(ld), /<\//);
});

test('the article head: title, description, canonical, Open Graph and JSON-LD; existing tags updated, not duplicated', async () => {
  const { fetch } = fixtureFetch();
  const head = `<title>Old</title><meta name="description" content="old"><link rel="canonical" href="/old">
    <meta property="og:title" content="old"><script type="application/ld+json">{"@type":"NewsArticle","headline":"old"}</script>
    <script type="application/ld+json">{"@type":"Organization","name":"Company"}</script>`;
  const html = page(
    `<news-provider base="/content/" article-href="/news/{id}.html"><site-nav src="site.json"></site-nav>
      <news-article article-id="1001" article-src="article-{id}.json" set-title></news-article></news-provider>`,
    head,
  );
  const out = await renderPage(html, { url: 'https://example.test/article.html', fetch });
  const doc = parse(out);
  const headEl = find(doc, 'head')[0];
  const metas = (key, name) => find(headEl, 'meta').filter((m) => m.attrs.some((a) => a.name === key && a.value === name));
  const content = (key, name) => metas(key, name)[0]?.attrs.find((a) => a.name === 'content')?.value;
  assert.equal(find(headEl, 'title').length, 1);
  assert.equal(textIn(find(headEl, 'title')[0]), '利诚商贸与长春物流园签署战略合作协议');
  assert.equal(metas('name', 'description').length, 1);
  assert.match(content('name', 'description'), /^6月10日，吉林省利诚商贸有限公司/);
  const canonical = find(headEl, 'link').filter((l) => l.attrs.some((a) => a.name === 'rel' && a.value === 'canonical'));
  assert.equal(canonical.length, 1);
  assert.equal(canonical[0].attrs.find((a) => a.name === 'href').value, 'https://example.test/news/1001.html');
  assert.equal(content('property', 'og:type'), 'article');
  assert.equal(metas('property', 'og:title').length, 1);
  assert.equal(content('property', 'og:title'), '利诚商贸与长春物流园签署战略合作协议');
  assert.equal(content('property', 'og:url'), 'https://example.test/news/1001.html');
  assert.equal(content('property', 'og:image'), 'https://example.test/content/article-lead.svg');
  const lds = find(headEl, 'script').filter((s) => s.attrs.some((a) => a.value === 'application/ld+json'));
  assert.equal(lds.length, 2, 'the NewsArticle block replaced, the Organization block kept');
  const ld = JSON.parse(textIn(lds[0]));
  assert.equal(ld['@type'], 'NewsArticle');
  assert.equal(ld.headline, '利诚商贸与长春物流园签署战略合作协议');
  assert.equal(ld.datePublished, '2025-06-10T20:53:04+08:00');
  assert.equal(ld.dateModified, '2025-06-11T09:30:00+08:00');
  assert.deepEqual(ld.author, { '@type': 'Person', name: '施本允' });
  assert.deepEqual(ld.publisher, { '@type': 'Organization', name: '吉林省利诚商贸有限公司' });
  assert.deepEqual(ld.image, ['https://example.test/content/article-lead.svg']);
  // A page without set-title keeps its head.
  const plain = await renderPage(page(`<news-article src="/content/article-1001.json"></news-article>`), {
    url: 'https://example.test/',
    fetch,
  });
  assert.equal(textIn(find(parse(plain), 'title')[0]), 'Company');
});

test('a failing source and a timing-out source fall back to the skeleton; the rest of the page renders', async () => {
  let aborted = false;
  const { fetch, log } = fixtureFetch({
    'broken.json': () => new Response('oops', { status: 500 }),
    'slow.json': (init) =>
      new Promise((_, reject) =>
        init.signal.addEventListener('abort', () => {
          aborted = true;
          reject(new DOMException('aborted', 'AbortError'));
        }),
      ),
  });
  const errors = [];
  const html = page(`<news-provider base="/content/">
    <news-list src="broken.json"></news-list>
    <news-article src="slow.json"></news-article>
    <site-nav src="site.json" variant="footer" menu="footer"></site-nav>
  </news-provider>`);
  const started = Date.now();
  const out = await renderPage(html, { url: 'https://example.test/', fetch, timeout: 200, onError: (error) => errors.push(error.message) });
  assert.ok(Date.now() - started < 2000, 'the timeout bounds the render');
  assert.ok(aborted, 'the slow request was aborted');
  assert.equal(errors.length, 2);
  const doc = parse(out);
  const list = find(doc, 'news-list')[0];
  assert.ok(find(shadowOf(list).content, 'span').some((s) => s.attrs.some((a) => a.name === 'class' && a.value.includes('skeleton'))));
  assert.equal(list.childNodes.filter((n) => n.tagName === 'script').length, 0, 'no inline data: the browser fetches');
  const article = find(doc, 'news-article')[0];
  assert.ok(find(shadowOf(article).content, 'span').some((s) => s.attrs.some((a) => a.name === 'class' && a.value.includes('skeleton'))));
  assert.equal(article.childNodes.filter((n) => n.tagName === 'script').length, 0);
  assert.match(textIn(shadowOf(find(doc, 'site-nav')[0]).content), /\S/);
  assert.equal(log.filter((url) => url.endsWith('site.json')).length, 1);
  // Their hosts say they are still loading (the on-interaction loader brings their code at once).
  const busy = (node) => node.attrs.find((a) => a.name === 'aria-busy')?.value;
  assert.deepEqual([list, article, find(doc, 'site-nav')[0]].map(busy), ['true', 'true', undefined]);
});

test('a source briefly away (5xx) is asked once more; one that says to come back much later, or fails twice, is left to the browser', async () => {
  const answers = { 'once.json': [503], 'twice.json': [503, 502], 'later.json': [429] };
  const { fetch, log } = fixtureFetch(
    Object.fromEntries(
      Object.keys(answers).map((name) => [
        name,
        () => {
          const status = answers[name].shift();
          if (status) return new Response('', { status, headers: status === 429 ? { 'Retry-After': '60' } : {} });
          return new Response(JSON.stringify({ items: [{ id: 'n1', title: `From ${name}`, date: '2025-06-01' }] }));
        },
      ]),
    ),
  );
  const started = Date.now();
  const { html, failedSources } = await renderPageResult(
    page(`<news-list src="/content/once.json"></news-list><news-list src="/content/twice.json"></news-list>
      <news-list src="/content/later.json"></news-list>`),
    { url: 'https://example.test/', fetch },
  );
  assert.ok(Date.now() - started < 2000, 'a Retry-After of a minute is not waited for');
  assert.match(html, /From once\.json/);
  assert.doesNotMatch(html, /From twice\.json|From later\.json/);
  assert.deepEqual(failedSources.sort(), ['https://example.test/content/later.json', 'https://example.test/content/twice.json']);
  const asked = (name) => log.filter((url) => url.endsWith(name)).length;
  assert.deepEqual([asked('once.json'), asked('twice.json'), asked('later.json')], [2, 2, 1]);
});

test("an article page whose article is not there answers 404; other failures, and other elements' missing sources, 200", async () => {
  const { fetch } = fixtureFetch({
    'gone.json': () => new Response('gone', { status: 410 }),
    'busy.json': () => new Response('', { status: 503 }),
  });
  const result = (body) => renderPageResult(page(body), { url: 'https://example.test/article.html?id=9999', fetch });
  const missing = await result(
    `<news-provider base="/content/"><news-article id="a" article-src="article-{id}.json" set-title></news-article><related-articles for="a"></related-articles></news-provider>`,
  );
  assert.equal(missing.status, 404);
  // The related links follow the article in the browser: they wait, busy, for it too.
  assert.match(missing.html, /<related-articles for="a" aria-busy="true">/);
  assert.deepEqual(missing.failedSources, ['https://example.test/content/article-9999.json']);
  assert.equal((await result(`<news-article src="/content/gone.json"></news-article>`)).status, 404);
  const busy = await result(`<news-article src="/content/busy.json"></news-article>`);
  assert.deepEqual([busy.status, busy.failedSources], [200, ['https://example.test/content/busy.json']]);
  assert.equal((await result(`<news-list src="/content/no-such-list.json"></news-list>`)).status, 200);
  const found = await result(`<news-article src="/content/article-1001.json"></news-article>`);
  assert.deepEqual([found.status, found.failedSources], [200, []]);
});

test('without script, an element whose source failed says why in its own error panel instead of a skeleton', async () => {
  const { fetch } = fixtureFetch({
    'gone.json': () => new Response('gone', { status: 410 }),
    'hangs.json': (init) => new Promise((_, reject) => init.signal.addEventListener('abort', () => reject(init.signal.reason))),
    'not-json.txt': () => new Response('<!doctype html><title>Sign in</title>', { headers: { 'Content-Type': 'text/html' } }),
  });
  const render = (body, lang = 'zh-CN') =>
    renderPageResult(page(body).replace('lang="zh-CN"', `lang="${lang}"`), {
      url: 'https://example.test/article.html?id=9999',
      fetch,
      timeout: 300,
    });
  /** Each element's shadow root as a browser without script reads it (by tag): its `<style>`, its text, its alerts. */
  const shadows = (html) =>
    Object.fromEntries(
      find(parse(html, { scriptingEnabled: false }), 'template').map((template) => [
        template.parentNode.tagName,
        {
          style: textIn(find(template.content, 'style')[0] ?? {}),
          text: textIn({ childNodes: template.content.childNodes.filter((n) => n.tagName !== 'style') }).trim(),
          alerts: find(template.content, 'div').filter((n) => n.attrs.some((a) => a.name === 'role' && a.value === 'alert')).length,
        },
      ]),
    );

  const missing = await render(
    `<news-provider base="/content/"><news-article id="a" article-src="article-{id}.json"></news-article><related-articles for="a"></related-articles></news-provider>`,
  );
  const { 'news-article': article, 'related-articles': related } = shadows(missing.html);
  assert.equal(article.text, '内容加载失败（服务器返回 404）。');
  assert.equal(article.alerts, 1);
  // The skeleton goes without script only; the panel keeps the look of the element's own.
  assert.match(article.style, /@media \(scripting:\s*none\)\s*\{:host>:not\(noscript\)\{display:none!important\}\}/);
  assert.match(article.style, /\.error\b/);
  // The style is in the page's CSP hashes like every other.
  assert.ok(missing.styleHashes.includes(`'sha256-${createHash('sha256').update(article.style).digest('base64')}'`));
  // The related list follows the article: no second panel, its skeleton goes too.
  assert.equal(related.alerts, 0);
  assert.match(related.style, /scripting:\s*none/);
  // With script, the panel is the text of a <noscript> that the browser neither renders nor hydrates.
  assert.match(
    missing.html,
    /<!--\/lit-part--><noscript><div class="error" role="alert" part="error"><p>内容加载失败（服务器返回 404）。<\/p><\/div><\/noscript><\/template>/,
  );

  assert.equal(
    shadows((await render(`<news-article src="/content/gone.json"></news-article>`, 'en')).html)['news-article'].text,
    'This content could not be loaded (the server answered 410).',
  );
  assert.equal(
    shadows((await render(`<news-article src="/content/hangs.json"></news-article>`)).html)['news-article'].text,
    '服务器响应超时。',
  );
  assert.equal(
    shadows((await render(`<site-nav src="/content/not-json.txt"></site-nav>`, 'en')).html)['site-nav'].text,
    'The server sent a page instead of content.',
  );

  // A source that answered: nothing of the kind.
  const { 'news-article': shown } = shadows((await render(`<news-article src="/content/article-1001.json"></news-article>`)).html);
  assert.doesNotMatch(shown.style, /scripting/);
  assert.equal(shown.alerts, 0);
});

test("lists: titles, tabs, the page from the list's own key (?query-1-page=) with real pager links; a server-paged source asks for that page once", async () => {
  const { fetch, log } = fixtureFetch();
  const out = await renderPage(page(`<news-list src="/content/news-list.json" page-size="5"></news-list>`), {
    url: 'https://example.test/news.html?page=2&query-1-page=2',
    fetch,
  });
  const list = shadowOf(find(parse(out), 'news-list')[0]).content;
  assert.match(textIn(list), /全部/);
  const current = find(list, 'a').find((a) => a.attrs.some((x) => x.name === 'aria-current' && x.value === 'page'));
  assert.equal(textIn(current).trim(), '2');
  const hrefs = find(list, 'a')
    .filter((a) => a.attrs.some((x) => x.name === 'part' && x.value === 'page'))
    .map((a) => a.attrs.find((x) => x.name === 'href')?.value);
  assert.ok(hrefs.includes('?page=2&query-1-page=3'), hrefs.join(' '));
  assert.deepEqual(log, ['https://example.test/content/news-list.json']);

  // A server that pages (total > items): page 3 is asked for, once, and embedded.
  const paged = fixtureFetch({
    'paged.json': () => new Response(JSON.stringify({ items: [{ id: 'p1', title: 'First page item' }], total: 30 })),
    'paged.json?page=3': () => new Response('{}'),
  });
  const seen = [];
  const pagedFetch = async (url, init) => {
    seen.push(url);
    const u = new URL(url);
    if (u.searchParams.get('page') === '3')
      return new Response(JSON.stringify({ items: [{ id: 'p3', title: 'Third page item' }], total: 30 }));
    return paged.fetch(url, init);
  };
  const out2 = await renderPage(page(`<news-list src="/content/paged.json" page-size="10"></news-list>`), {
    url: 'https://example.test/news.html?query-1-page=3',
    fetch: pagedFetch,
  });
  const list2 = find(parse(out2), 'news-list')[0];
  assert.match(textIn(shadowOf(list2).content), /Third page item/);
  assert.equal(seen.length, 2);
  assert.equal(new URL(seen[1]).searchParams.get('page'), '3');
  assert.equal(JSON.parse(textIn(list2.childNodes.find((n) => n.tagName === 'script'))).items[0].id, 'p3');
});

test('a WordPress list paged only by X-WP-Total headers keeps its pager, and the headers travel with the inline data', async () => {
  const seen = [];
  const posts = (page) =>
    Array.from({ length: 10 }, (_, i) => ({ id: (page - 1) * 10 + i + 1, title: { rendered: `Post ${(page - 1) * 10 + i + 1}` } }));
  const fetch = async (url) => {
    seen.push(url);
    const page = Number(new URL(url).searchParams.get('page') ?? 1);
    return new Response(JSON.stringify(posts(page)), { headers: { 'X-WP-Total': '24', 'X-WP-TotalPages': '3' } });
  };
  const out = await renderPage(page(`<news-list page-param="page" src="/wp-json/wp/v2/posts" page-size="10"></news-list>`), {
    url: 'https://example.test/news.html?page=2',
    fetch,
  });
  const list = find(parse(out), 'news-list')[0];
  const shadow = shadowOf(list).content;
  assert.match(textIn(shadow), /Post 11/);
  assert.doesNotMatch(textIn(shadow), /Post 1\b/);
  const hrefs = find(shadow, 'a')
    .filter((a) => a.attrs.some((x) => x.name === 'part' && x.value === 'page'))
    .map((a) => a.attrs.find((x) => x.name === 'href')?.value);
  assert.deepEqual([...new Set(hrefs)].sort(), ['?page=1', '?page=2', '?page=3']);
  assert.equal(new URL(seen.at(-1)).searchParams.get('page'), '2');
  const script = list.childNodes.find((n) => n.tagName === 'script');
  const attr = (name) => script.attrs.find((x) => x.name === name)?.value;
  assert.deepEqual([attr('data-total'), attr('data-total-pages')], ['24', '3']);
  assert.equal(JSON.parse(textIn(script))[0].id, 11);
});

test('two lists on one page each render the page their own key asks for, and link pages under it', async () => {
  const items = (prefix) => ({ items: Array.from({ length: 12 }, (_, i) => ({ id: `${prefix}${i + 1}`, title: `${prefix} ${i + 1}` })) });
  const fetch = async (url) => new Response(JSON.stringify(items(url.includes('company') ? 'Company' : 'Industry')));
  const html = page(
    `<news-list src="/company.json" page-size="5"></news-list><news-list id="industry" src="/industry.json" page-size="5"></news-list>` +
      `<news-list src="/company.json" limit="2"></news-list><news-list src="/industry.json" page-size="5"></news-list>`,
  );
  const out = await renderPage(html, { url: 'https://example.test/?page=9&query-1-page=2&query-industry-page=3', fetch });
  const lists = find(parse(out), 'news-list').map((list) => shadowOf(list).content);
  const current = (list) => textIn(find(list, 'a').find((a) => a.attrs.some((x) => x.name === 'aria-current'))).trim();
  const hrefs = (list) =>
    find(list, 'a')
      .filter((a) => a.attrs.some((x) => x.name === 'part' && x.value === 'page'))
      .map((a) => a.attrs.find((x) => x.name === 'href')?.value);
  assert.equal(current(lists[0]), '2');
  assert.match(textIn(lists[0]), /Company 6/);
  assert.equal(current(lists[1]), '3');
  assert.match(textIn(lists[1]), /Industry 11/);
  // The fourth list on the page is in no key of the address: its first page, whatever `?page=` says.
  assert.equal(current(lists[3]), '1');
  assert.ok(hrefs(lists[0]).includes('?page=9&query-1-page=3&query-industry-page=3'), hrefs(lists[0]).join(' '));
  assert.ok(hrefs(lists[1]).includes('?page=9&query-1-page=2&query-industry-page=2'), hrefs(lists[1]).join(' '));
  assert.ok(hrefs(lists[3]).includes('?page=9&query-1-page=2&query-industry-page=3&query-4-page=2'), hrefs(lists[3]).join(' '));
});

test('renders any HTML, leaves other markup as written, and keeps inline data without fetching', async () => {
  const { fetch, log } = fixtureFetch();
  const html = `<div class="x"><template><site-nav src="site.json"></site-nav></template>
    <contact-card phone="020-1" heading="Call us"></contact-card>
    <news-list><script type="application/json">{"items":[{"id":"1","title":"Inline item"}]}</script></news-list></div>`;
  const out = await renderPage(html, { url: 'https://example.test/', fetch });
  assert.deepEqual(log, []);
  assert.ok(
    out.startsWith('<div class="x"><template><site-nav src="site.json"></site-nav></template>'),
    'template contents are not the page',
  );
  const doc = parse(out);
  assert.match(textIn(shadowOf(find(doc, 'contact-card')[0]).content), /Call us.*020-1/s);
  const list = find(doc, 'news-list')[0];
  assert.match(textIn(shadowOf(list).content), /Inline item/);
  assert.equal(list.childNodes.filter((n) => n.tagName === 'script').length, 1, "the page's own inline data, not a second copy");
  // Rendering a rendered page changes nothing.
  assert.equal(await renderPage(out, { url: 'https://example.test/', fetch }), out);
});

test('each shadow root starts with a hash of what it was rendered from, which no attribute value can break out of', async () => {
  const { fetch } = fixtureFetch();
  const render = (attributes) =>
    renderPage(page(`<contact-card src="site.json" ${attributes}></contact-card>`), { url: 'https://example.test/', fetch });
  const stampOf = (out) => /<template shadowrootmode="open"><!--(newsroom:[0-9a-z]+)--><style>/.exec(out)?.[1];
  const plain = stampOf(await render(''));
  assert.ok(plain, 'the stamp opens the shadow root');
  const hostile = await render('heading="--><img src=x onerror=alert(1)><!--"');
  const stamp = stampOf(hostile);
  assert.ok(stamp && stamp !== plain, 'another attribute, another stamp');
  assert.equal(find(parse(hostile), 'img').length, 0, 'nothing escaped the comment');
  // The language is part of it; an attribute the element does not observe is not.
  assert.notEqual(stampOf(await render('locale="en"')), plain);
  assert.equal(stampOf(await render('class="sidebar" data-x="1"')), plain);
});

test("a server-paged list whose page N fails is left to the browser, never with page 1's items", async () => {
  const posts = (page) =>
    Array.from({ length: 10 }, (_, i) => ({ id: (page - 1) * 10 + i + 1, title: { rendered: `Post ${(page - 1) * 10 + i + 1}` } }));
  const fetch = async (url) => {
    const page = Number(new URL(url).searchParams.get('page') ?? 1);
    if (page === 2) return new Response('busy', { status: 503 });
    return new Response(JSON.stringify(posts(page)), { headers: { 'X-WP-Total': '24', 'X-WP-TotalPages': '3' } });
  };
  const out = await renderPage(page(`<news-list src="/wp-json/wp/v2/posts" page-size="10"></news-list>`), {
    url: 'https://example.test/news.html?query-1-page=2',
    fetch,
  });
  const list = find(parse(out), 'news-list')[0];
  const shadow = shadowOf(list);
  const text = shadow ? textIn(shadow.content) : '';
  assert.doesNotMatch(text, /Post 1\b|Post 2\b/, "page 1's items are not shown as page 2");
  assert.equal(
    list.childNodes.find((n) => n.tagName === 'script'),
    undefined,
    'no data embedded for the browser to hydrate from',
  );
});

test("each shadow root's <style> holds the rules its DOM may use, states a visitor reaches without script included", async () => {
  const { fetch } = fixtureFetch();
  const html = page(`<site-nav src="site.json" variant="footer" menu="footer"></site-nav>
    <site-nav src="site.json"></site-nav>
    <news-list layout="cards"><script type="application/json">{"items":[{"id":"1","title":"One","url":"/1.html"}]}</script></news-list>
    <news-list src="missing.json"></news-list>`);
  const out = await renderPage(html, { url: 'https://example.test/', fetch });
  const styles = find(parse(out), 'style').map((style) => textIn(style));
  const [footer, bar, cards, skeleton] = styles;
  // The list whose source is missing shows its skeleton, animated, until the browser loads it.
  assert.match(skeleton, /\.skeleton\{/);
  assert.match(skeleton, /@keyframes newsroom-shimmer\{/);
  for (const css of [footer, bar, cards]) {
    assert.match(css, /^:host\{--_accent:/, 'the theme on the host');
    assert.match(css, /\[part~=('?)link\1\]:hover\{/, 'links underlined under the pointer');
    assert.match(css, /:focus-visible\{/, 'the focus ring');
    assert.doesNotMatch(css, /\.skeleton|@keyframes|\.error\b/, 'no skeleton, animation or error panel where none is shown');
  }
  assert.match(footer, /\.footer a\{/);
  assert.doesNotMatch(footer, /\.bar\b|\.side\b|\.breadcrumb\b/, "other variants' rules stay out");
  assert.match(bar, /\.bar\{/);
  assert.match(bar, /\.tree > li:hover\{|\.tree>li:hover\{/, 'the menu bar under the pointer');
  assert.match(cards, /\.cards\{/);
  assert.doesNotMatch(cards, /\.compact\b/);
  // The policy's hashes allow exactly the styles the page now has.
  const { styleHashes } = await renderPageResult(html, { url: 'https://example.test/', fetch });
  const hash = (css) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`;
  assert.deepEqual(styleHashes.sort(), [...new Set(styles)].map(hash).sort());
  // Every rule kept is one of the element's own, as Lit wrote it, but for the theme's private
  // variables that nothing kept reads: each one kept is read, each one left out is not.
  const { NewsList } = await import('newsroom-elements/classes');
  const full = NewsList.elementStyles.map((style) => style.cssText).join('');
  const privateDeclaration = /--_[\w-]+:[^;{}]*;?/g;
  const withoutPrivate = full.replace(privateDeclaration, '');
  for (const rule of cards.split('}').filter((rule) => rule && !rule.includes('{@') && !rule.startsWith('@'))) {
    assert.ok(withoutPrivate.includes(rule.split('{').pop().replace(privateDeclaration, '')), `${rule} comes from the element's styles`);
  }
  for (const [declaration, name] of full.matchAll(/(--_[\w-]+):[^;{}]*/g)) {
    const read = cards.includes(`var(${name}`);
    assert.equal(cards.includes(declaration), read, `${declaration} is kept exactly when the styles kept read it`);
  }
});
