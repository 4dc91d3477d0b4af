// renderPage over real pages: content in declarative shadow roots, data embedded once, the
// head of article pages, hostile content inert, bad sources left to the browser.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { parse } from 'parse5';
import { renderPage } from 'newsroom-elements/ssr';

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
