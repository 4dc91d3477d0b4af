// Feeds and sitemaps from the package's server entry, read from a real HTTP server: every output is
// checked with a real XML parser (fast-xml-parser's validator and parser) and against the elements
// RSS 2.0, Atom (RFC 4287) and sitemaps.org require.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, normalize, resolve } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { JSDOM } from 'jsdom';
import { atomFeed, readNews, renderPage, rssFeed, sitemaps } from 'newsroom-elements/ssr';

const root = resolve('.');
const corpusDir = process.env.XSS_CORPUS_DIR || resolve('../shared/corpus/xss');
let server;
let origin;
const extra = new Map();

before(async () => {
  server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (extra.has(path)) return res.end(JSON.stringify(extra.get(path)));
    const file = normalize(join(root, path));
    if (!file.startsWith(root + '/')) return res.writeHead(404).end();
    try {
      res.end(await readFile(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${server.address().port}`;
});
after(() => server.close());

const LISTS = ['rss.channel.item', 'rss.channel.item.category', 'feed.entry', 'feed.entry.link', 'urlset.url', 'sitemapindex.sitemap'];
const parser = new XMLParser({
  htmlEntities: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (_, jpath) => LISTS.includes(jpath),
});
function wellFormed(xml) {
  const valid = XMLValidator.validate(xml);
  assert.equal(valid, true, JSON.stringify(valid));
  return parser.parse(xml);
}
const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT$/;
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
const text = (node) => (typeof node === 'object' && node !== null ? node['#text'] : node);

const html = new JSDOM('').window.document;
const SITE = 'https://news.example.com/';
const options = { site: SITE, articleHref: 'article.html?id={id}', title: '利诚商贸 news', language: 'zh-CN', self: 'feed.xml' };

function checkRss(xml, count) {
  const { rss } = wellFormed(xml);
  assert.equal(rss['@version'], '2.0');
  const { channel } = rss;
  for (const name of ['title', 'link', 'description']) assert.ok(text(channel[name]), `channel ${name}`);
  assert.equal(channel.language, 'zh-CN');
  assert.equal(channel.item.length, count);
  for (const item of channel.item) {
    assert.ok(text(item.title), 'item title');
    // An item whose content link was refused (a `javascript:` URL) has none.
    if (item.link) assert.match(item.link, /^https?:\/\/[^/]+\//);
    if (item.pubDate) assert.match(item.pubDate, RFC822);
  }
  return channel;
}

function checkAtom(xml, count) {
  const { feed } = wellFormed(xml);
  assert.equal(feed['@xmlns'], 'http://www.w3.org/2005/Atom');
  assert.ok(text(feed.id) && text(feed.title));
  assert.match(feed.updated, RFC3339);
  assert.ok(feed.author?.name, 'a feed author (RFC 4287: in the feed or every entry)');
  assert.equal(feed.entry.length, count);
  for (const entry of feed.entry) {
    assert.ok(text(entry.id) && text(entry.title) !== undefined, 'entry id and title');
    assert.match(entry.updated, RFC3339);
    assert.ok(entry.link.some((link) => link['@rel'] === 'alternate' && link['@href'].startsWith(SITE)));
  }
  return feed;
}

test('RSS 2.0 and Atom from the native format with article bodies: dates, categories, language, absolute links, sanitized bodies', async () => {
  const entries = await readNews({ src: `${origin}/demo/content/news.json`, articleSrc: 'articles/{id}.json' });
  assert.equal(entries.length, 14);
  const channel = checkRss(await rssFeed(entries, options), 14);
  const first = channel.item[0];
  assert.equal(text(first.title), '利诚商贸长春东部仓储物流中心正式投入运营');
  assert.equal(first.pubDate, 'Wed, 18 Nov 2026 01:30:00 GMT');
  assert.deepEqual(first.category, ['公司新闻']);
  assert.equal(first.guid['#text'], `${SITE}article.html?id=1001`);
  const body = first['content:encoded'];
  assert.match(body, /^<p>11月18日上午/);
  assert.match(body, /<img src="http:\/\/127\.0\.0\.1:\d+\/img\/warehouse\.svg"/, 'relative images made absolute');
  assert.equal(channel['atom:link']['@href'], `${SITE}feed.xml`);

  const feed = checkAtom(await atomFeed(entries, { ...options, self: 'atom.xml' }), 14);
  assert.equal(feed['@xml:lang'], 'zh-CN');
  assert.equal(feed.entry[0].published, '2026-11-18T01:30:00.000Z');
  assert.equal(feed.entry[0].updated, '2026-11-18T07:12:40.000Z');
  assert.equal(feed.entry[0].content['@type'], 'html');
  assert.equal(feed.entry[0].content['#text'], body);
});

test('JSON Feed 1.1 and WordPress lists carry their own bodies; WordPress titles are decoded text', async () => {
  const feedEntries = await readNews({ src: `${origin}/test/fixtures/feed.json` });
  const channel = checkRss(await rssFeed(feedEntries, options), 2);
  assert.ok(channel.item.every((item) => item['content:encoded']));
  checkAtom(await atomFeed(feedEntries, options), 2);

  const posts = await readNews({ src: `${origin}/test/fixtures/wp-posts.json` });
  const wp = checkRss(await rssFeed(posts, { ...options, articleHref: undefined }), 2);
  assert.ok(wp.item.some((item) => text(item.title) === '\u201cSpring Fair\u201d & trade week \u2013 highlights'));
});

test(
  'hostile titles and bodies from the XSS corpora stay text or sanitized HTML; CJK and emoji survive',
  { skip: !existsSync(corpusDir) && !process.env.CI && 'no corpus' },
  async () => {
    const payloads = readdirSync(corpusDir)
      .filter((name) => name.endsWith('.json'))
      .flatMap((name) => JSON.parse(readFileSync(join(corpusDir, name), 'utf8')).payloads.map((p) => p.raw));
    payloads.push(']]><script>alert(1)</script><![CDATA[', '\u0000\u0008\uffff\ud800 control characters', '新闻 🎉 𝔄 ]]>');
    // A JSON Feed: each item carries its body, as content_html.
    const items = payloads.map((raw, i) => ({
      id: String(i + 1),
      title: raw,
      date_published: '2026-11-30T08:00:00Z',
      summary: raw,
      content_html: `<p>新闻 🎉</p>${raw}`,
    }));
    extra.set('/hostile/feed.json', { version: 'https://jsonfeed.org/version/1.1', title: 'x', items });
    const entries = await readNews({ src: `${origin}/hostile/feed.json` });
    assert.equal(entries.length, payloads.length);

    const rss = await rssFeed(entries, options);
    const channel = checkRss(rss, payloads.length);
    // Atom's writer is the same code: every tenth payload.
    const sample = entries.filter((_, i) => i % 10 === 0);
    const atom = checkAtom(await atomFeed(sample, options), sample.length);
    wellFormed(sitemaps(entries, { ...options, publication: 'x', now: new Date('2026-12-01T00:00:00Z') })['sitemap.xml']);
    const xmlSafe = (s) => s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
    for (const item of channel.item) {
      const raw = payloads[Number(new URL(item.link).searchParams.get('id')) - 1];
      // The title is the payload as text, character for character (less what XML cannot hold).
      assert.equal(String(text(item.title) ?? ''), xmlSafe(raw).trim(), raw.slice(0, 60));
      const body = String(item['content:encoded'] ?? '');
      if (body) assert.match(body, /^<p>新闻 🎉<\/p>/);
      else assert.match(raw, /<frameset/i, 'only markup that makes a frameset document sanitizes to nothing');
      // Read back as HTML: no element or attribute that could run or load anything.
      const holder = html.createElement('template');
      holder.innerHTML = body;
      for (const el of holder.content.querySelectorAll('*')) {
        assert.doesNotMatch(el.localName, /^(script|iframe|object|embed|style|form|svg|math|base|meta|link|frameset)$/, raw.slice(0, 60));
        for (const { name, value } of el.attributes) {
          assert.doesNotMatch(name, /^(on|style$|formaction$|srcdoc$)/i, raw.slice(0, 60));
          if (/^(href|src|action|xlink:href)$/.test(name)) assert.match(value, /^(https?:|mailto:|tel:)/, raw.slice(0, 60));
        }
      }
    }
    assert.ok(atom.entry.every((entry) => !entry.content || /^<p>新闻 🎉<\/p>/.test(entry.content['#text'])));
    assert.ok(rss.includes('新闻 🎉 𝔄 ]]&gt;'), 'CJK, emoji and astral characters written as themselves');
    assert.ok(!/\]\]>/.test(rss.replace(/<!\[CDATA\[[^]*?\]\]>/g, '')), 'no stray ]]> in the document');
  },
);

test('sitemap.xml: every article page, Google News tags for the last two days, split into an index past 50,000 URLs', async () => {
  const entries = await readNews({ src: `${origin}/demo/content/news.json` });
  const now = new Date('2026-11-19T12:00:00Z');
  const files = sitemaps(entries, { ...options, publication: '利诚商贸', pages: ['', 'news.html'], now });
  assert.deepEqual(Object.keys(files), ['sitemap.xml']);
  const { urlset } = wellFormed(files['sitemap.xml']);
  assert.equal(urlset['@xmlns'], 'http://www.sitemaps.org/schemas/sitemap/0.9');
  assert.equal(urlset.url.length, 16);
  for (const url of urlset.url) {
    assert.ok(url.loc.startsWith(SITE), url.loc);
    if (url.lastmod) assert.match(url.lastmod, RFC3339);
  }
  const news = urlset.url.filter((url) => url['news:news']);
  assert.equal(news.length, 1, 'only 1001 (18 Nov) is within two days of 19 Nov');
  const [recent] = news;
  assert.equal(recent.loc, `${SITE}article.html?id=1001`);
  assert.deepEqual(recent['news:news']['news:publication'], { 'news:name': '利诚商贸', 'news:language': 'zh-cn' });
  assert.equal(recent['news:news']['news:publication_date'], '2026-11-18T01:30:00.000Z');
  assert.equal(recent['news:news']['news:title'], '利诚商贸长春东部仓储物流中心正式投入运营');

  const many = Array.from({ length: 50_001 }, (_, i) => ({
    id: String(i),
    title: `Item ${i}`,
    base: SITE,
    categories: [],
    date: '2026-01-01T00:00:00Z',
  }));
  const split = sitemaps(many, { ...options, publication: 'x', path: 'en/sitemap.xml', now });
  assert.deepEqual(Object.keys(split).sort(), ['sitemap-1.xml', 'sitemap-2.xml', 'sitemap.xml']);
  const index = wellFormed(split['sitemap.xml']).sitemapindex;
  assert.deepEqual(
    index.sitemap.map((s) => s.loc),
    [`${SITE}en/sitemap-1.xml`, `${SITE}en/sitemap-2.xml`],
  );
  assert.equal(wellFormed(split['sitemap-1.xml']).urlset.url.length, 50_000);
  assert.equal(wellFormed(split['sitemap-2.xml']).urlset.url.length, 1);
  assert.equal(Object.keys(sitemaps(many.slice(1), { ...options, publication: 'x' })).length, 1, '50,000 URLs fit one file');
});

test('readNews says which source failed; an article that fails keeps its summary', async () => {
  await assert.rejects(readNews({ src: `${origin}/nothing.json` }), /nothing\.json answered 404/);
  extra.set('/broken/news.json', { items: [{ id: 'a', title: 'A', summary: 'Kept' }] });
  const errors = [];
  const [entry] = await readNews({
    src: `${origin}/broken/news.json`,
    articleSrc: 'missing-{id}.json',
    onError: (e) => errors.push(e.message),
  });
  assert.equal(entry.summary, 'Kept');
  assert.equal(entry.body, undefined);
  assert.equal(errors.length, 1);
  assert.match(errors[0], /missing-a\.json answered 404/);
});

test('renderPage links the feed from the head once, and leaves a page that links its own', async () => {
  const page = '<!doctype html><html><head><title>x</title></head><body></body></html>';
  const out = await renderPage(page, { feed: '/feed.xml', feedTitle: 'News & more' });
  assert.match(out, /<link rel="alternate" type="application\/rss\+xml" title="News &amp; more" href="\/feed\.xml">\n<\/head>/);
  const own = '<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/mine.xml"></head><body></body></html>';
  assert.equal(await renderPage(own, { feed: '/feed.xml' }), own);
});
