// The demo serves its feeds and sitemaps in both languages, from its content folder, and every
// rendered page links its language's feed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { XMLValidator } from 'fast-xml-parser';
import { startDemoServer } from './demo-server.mjs';

let server;
before(async () => {
  server = await startDemoServer();
});
after(() => server?.stop());

const get = async (path) => {
  const response = await fetch(new URL(path, server.url));
  return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
};

test('/feed.xml, /atom.xml and /sitemap.xml in Chinese and English, well-formed, linked from the pages and robots.txt', async () => {
  const cases = [
    ['/feed.xml', 'application/rss+xml', /<language>zh-CN<\/language>[^]*<title>利诚商贸长春东部仓储物流中心正式投入运营<\/title>/],
    ['/en/feed.xml', 'application/rss+xml', /<language>en<\/language>[^]*<link>http:\/\/[^<]+\/en\/article\.html\?id=1001<\/link>/],
    ['/atom.xml', 'application/atom+xml', /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom" xml:lang="zh-CN">/],
    ['/en/atom.xml', 'application/atom+xml', /xml:lang="en"/],
    ['/sitemap.xml', 'application/xml', /<loc>http:\/\/[^<]+\/article\.html\?id=1014<\/loc>/],
    ['/en/sitemap.xml', 'application/xml', /<loc>http:\/\/[^<]+\/en\/news\.html<\/loc>/],
  ];
  for (const [path, type, content] of cases) {
    const { status, type: served, body } = await get(path);
    assert.equal(status, 200, path);
    assert.ok(served.startsWith(type), `${path}: ${served}`);
    assert.equal(XMLValidator.validate(body), true, path);
    assert.match(body, content, path);
  }
  assert.match((await get('/robots.txt')).body, /^Sitemap: http:\/\/[^/]+\/sitemap\.xml$/m);
  assert.match((await get('/news.html')).body, /<link rel="alternate" type="application\/rss\+xml" href="\/feed\.xml">/);
  assert.match((await get('/en/news.html')).body, /<link rel="alternate" type="application\/rss\+xml" href="\/en\/feed\.xml">/);
});
