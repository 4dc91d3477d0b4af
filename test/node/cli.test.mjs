// `newsroom-elements render`: prerenders files for static hosting, content read beside them.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile, copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { tempDir } from '../e2e/files.mjs';

const cli = new URL('../../dist/ssr/cli.js', import.meta.url).pathname;
const fixtures = new URL('../fixtures/', import.meta.url).pathname;
const run = (args, cwd) =>
  promisify(execFile)(process.execPath, [cli, ...args], { cwd }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );

async function site() {
  const root = tempDir('cli');
  await mkdir(join(root, 'site', 'content'), { recursive: true });
  await mkdir(join(root, 'site', 'en'));
  for (const name of ['site.json', 'news-list.json', 'article-1001.json'])
    await copyFile(join(fixtures, name), join(root, 'site', 'content', name));
  const page = (body) =>
    `<!doctype html><html lang="zh-CN"><head><title>x</title></head><body><news-provider base="/content/">${body}</news-provider></body></html>`;
  await writeFile(
    join(root, 'site', 'news.html'),
    page('<site-nav src="site.json"></site-nav><news-list src="news-list.json"></news-list>'),
  );
  await writeFile(
    join(root, 'site', 'en', 'article.html'),
    page('<news-article article-id="1001" article-src="article-{id}.json" set-title></news-article>'),
  );
  await writeFile(
    join(root, 'site', 'broken.html'),
    page('<news-list src="missing.json"></news-list><site-nav src="site.json"></site-nav>'),
  );
  return root;
}

test('renders pages to --out at their paths, reading content beside them; progress on stderr', async () => {
  const root = await site();
  const { code, stdout, stderr } = await run(
    ['render', 'site/news.html', 'site/en/article.html', '--root', 'site', '--out', 'public', '--base', 'https://www.example.test/'],
    root,
  );
  assert.equal(code, 0, stderr);
  assert.equal(stdout, '');
  assert.match(stderr, /✓ news\.html/);
  assert.match(stderr, /✓ en\/article\.html/);
  const news = await readFile(join(root, 'public', 'news.html'), 'utf8');
  assert.match(news, /<template shadowrootmode="open">/);
  assert.match(news, /网站首页/);
  const article = await readFile(join(root, 'public', 'en', 'article.html'), 'utf8');
  assert.match(article, /<title>利诚商贸与长春物流园签署战略合作协议<\/title>/);
  assert.match(article, /<link rel="canonical" href="https:\/\/www\.example\.test\/en\/article\.html">/);
});

test('a failing source: the page is still written, a clear message, exit status 1', async () => {
  const root = await site();
  const { code, stderr } = await run(
    ['render', 'site/broken.html', '--root', 'site', '--out', 'public', '--base', 'http://127.0.0.1:9/', '--timeout', '500'],
    root,
  );
  assert.equal(code, 1);
  assert.match(stderr, /broken\.html/);
  assert.match(stderr, /source failed, left to the browser: .*missing\.json/);
  const page = await readFile(join(root, 'public', 'broken.html'), 'utf8');
  assert.match(page, /网站首页/, 'the other elements rendered');
});

test('usage errors exit with status 2 and say what is wrong', async () => {
  const root = await site();
  assert.equal((await run(['render', 'site/news.html'], root)).code, 2);
  const bad = await run(['render', 'site/news.html', '--out', 'x', '--base', 'file:///tmp/'], root);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--base must be an http\(s\) address/);
  assert.equal((await run(['frobnicate'], root)).code, 2);
});

test('feed and sitemap: the demo content to feed.xml, atom.xml and sitemap.xml, with progress and exit codes', async () => {
  const { XMLValidator } = await import('fast-xml-parser');
  const out = tempDir('feeds');
  const demo = new URL('../../demo/', import.meta.url).pathname;
  const common = ['--root', demo, '--site', 'https://news.example.com/', '--out', out, '--title', '利诚商贸', '--language', 'zh-CN'];
  const hrefs = ['--article-href', 'article.html?id={id}'];
  const feed = await run(['feed', join(demo, 'content', 'news.json'), ...common, ...hrefs, '--article-src', 'articles/{id}.json']);
  assert.equal(feed.code, 0, feed.stderr);
  assert.match(feed.stderr, /✓ .*feed\.xml: 14 entries/);
  assert.match(feed.stderr, /✓ .*atom\.xml: 14 entries/);
  const rss = await readFile(join(out, 'feed.xml'), 'utf8');
  assert.equal(XMLValidator.validate(rss), true);
  assert.match(rss, /<link>https:\/\/news\.example\.com\/article\.html\?id=1001<\/link>/);
  assert.match(rss, /<content:encoded>&lt;p&gt;11月18日上午/);
  assert.equal(XMLValidator.validate(await readFile(join(out, 'atom.xml'), 'utf8')), true);

  const map = await run(['sitemap', join(demo, 'content', 'news.json'), ...common, ...hrefs, '--pages', ',news.html']);
  assert.equal(map.code, 0, map.stderr);
  assert.match(map.stderr, /✓ .*sitemap\.xml: 16 entries/);
  const sitemap = await readFile(join(out, 'sitemap.xml'), 'utf8');
  assert.equal(XMLValidator.validate(sitemap), true);
  assert.match(sitemap, /<url><loc>https:\/\/news\.example\.com\/news\.html<\/loc><\/url>/);

  // An article that cannot be read: written anyway, with its summary, and status 1.
  const broken = await run(['feed', join(demo, 'content', 'news.json'), ...common, '--article-src', 'nowhere/{id}.json']);
  assert.equal(broken.code, 1);
  assert.match(broken.stderr, /! .*feed\.xml: 14 entries/);
  assert.match(broken.stderr, /article left out, its summary kept: .*nowhere\/1001\.json/);
  // No list: status 1 and nothing claimed; bad usage: status 2.
  const missing = await run(['feed', join(demo, 'content', 'nope.json'), ...common]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /✗ .*nope\.json: no such file/);
  const usage = await run(['sitemap', join(demo, 'content', 'news.json'), '--out', out]);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /--site must be an http\(s\) address/);
});
