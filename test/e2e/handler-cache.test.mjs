// The render cache and remote sources: a source's Cache-Control keeps the page without asking,
// its ETag revalidates it (304 keeps the page, a change renders it again).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newsroom } from 'newsroom-elements/server';
import { makeSite } from './handler-site.mjs';

/** A real content server on a free port: `origin` to point sources at, `close` to stop it (hung requests too). */
async function contentServer(listener) {
  const server = createServer(listener);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

test("a remote source's Cache-Control and ETag decide when a cached page is rendered again", async () => {
  const requests = [];
  let title = 'Remote news';
  const etag = () => `"${Buffer.from(title).toString('base64url')}"`;
  const content = await contentServer((req, res) => {
    requests.push(`${req.url} ${req.headers['if-none-match'] ?? ''}`.trim());
    if (req.url === '/fresh.json') {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'max-age=60' });
      return res.end(JSON.stringify({ items: [{ id: 'f1', title: 'Fresh for a minute', date: '2025-06-01' }] }));
    }
    if (req.headers['if-none-match'] === etag()) return res.writeHead(304, { ETag: etag() }).end();
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache', ETag: etag() });
    res.end(JSON.stringify({ items: [{ id: 'r1', title, date: '2025-06-01' }] }));
  });
  const { origin } = content;
  const site = makeSite();
  writeFileSync(
    join(site.root, 'remote.html'),
    `<!doctype html><html lang="en"><body><news-list src="${origin}/fresh.json"></news-list><news-list src="${origin}/etag.json"></news-list></body></html>`,
  );
  const handler = newsroom({ root: site.root, messages: false });
  const get = async () => {
    const response = await handler.fetch(new Request('http://site.test/remote.html'));
    return { timing: response.headers.get('server-timing'), html: await response.text() };
  };
  try {
    const first = await get();
    assert.match(first.timing, /render/);
    assert.match(first.html, /Fresh for a minute/);
    assert.match(first.html, /Remote news/);
    assert.deepEqual(requests.sort(), ['/etag.json', '/fresh.json']);

    requests.length = 0;
    const second = await get();
    assert.match(second.timing, /cache/);
    assert.deepEqual(requests, [`/etag.json ${etag()}`], 'only the no-cache source is asked, with its ETag');

    title = 'Changed remote news';
    requests.length = 0;
    const third = await get();
    assert.match(third.timing, /render/);
    assert.match(third.html, /Changed remote news/);
  } finally {
    content.close();
  }
});

test('a missing article answers 404 until it is published; a source that hung is asked again on the next request', async () => {
  let hang = true;
  const content = await contentServer((req, res) => {
    if (hang) return; // never answers: the render's timeout gives up on it
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'max-age=60' });
    res.end(JSON.stringify({ items: [{ id: 's1', title: 'Slow news at last', date: '2025-06-01' }] }));
  });
  const { origin } = content;
  const site = makeSite();
  writeFileSync(
    join(site.root, 'article.html'),
    `<!doctype html><html lang="en"><head><title>News</title></head><body>
<news-provider base="/content/"><news-article article-src="articles/{id}.json" set-title></news-article></news-provider></body></html>`,
  );
  writeFileSync(
    join(site.root, 'slow.html'),
    `<!doctype html><html lang="en"><body><news-list src="${origin}/slow.json"></news-list></body></html>`,
  );
  const errors = [];
  const handler = newsroom({ root: site.root, messages: false, timeout: 300, onError: (error) => errors.push(error.message) });
  const get = async (path) => {
    const response = await handler.fetch(new Request(`http://site.test${path}`));
    return { status: response.status, cached: /cache/.test(response.headers.get('server-timing')), html: await response.text() };
  };
  try {
    const missing = await get('/article.html?id=n1');
    assert.equal(missing.status, 404, 'search engines are told the article is not there');
    assert.match(missing.html, /<news-article[^>]*aria-busy="true"/, 'the page is still sent, its article left to the browser');
    assert.deepEqual(errors, ['http://site.test/content/articles/n1.json answered 404']);

    mkdirSync(join(site.root, 'content', 'articles'));
    writeFileSync(
      join(site.root, 'content', 'articles', 'n1.json'),
      JSON.stringify({ id: 'n1', title: 'Published now', date: '2025-06-02', body: '<p>Text</p>' }),
    );
    const published = await get('/article.html?id=n1');
    assert.deepEqual([published.status, published.cached], [200, false], 'rendered again, not the 404');
    assert.match(published.html, /Published now/);
    const again = await get('/article.html?id=n1');
    assert.deepEqual([again.status, again.cached], [200, true], 'a complete page is cached');

    const hung = await get('/slow.html');
    assert.deepEqual([hung.status, /Slow news/.test(hung.html)], [200, false]);
    assert.match(errors.at(-1), /did not answer within 300 ms/);
    hang = false;
    const answered = await get('/slow.html');
    assert.equal(answered.cached, false, 'the page with the source that hung is not kept');
    assert.match(answered.html, /Slow news at last/);
  } finally {
    content.close();
    await handler.close();
  }
});
