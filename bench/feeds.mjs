// Feed and sitemap generation for 1,000 items (a JSON Feed with a ~2 KB HTML body each, read
// through readNews): RSS and Atom sanitize every body; the sitemap only lists. Median of 5 runs.
// `node bench/feeds.mjs` alone, or as part of `npm run bench`.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { median } from './median.mjs';

const ssrEntry = 'dist/ssr/index.js';
const ITEMS = 1000;
const RUNS = 5;

const body = (i) =>
  `<p>第 ${i} 条：吉林省利诚商贸有限公司 <a href="/news/${i}.html">news</a> &amp; <em>更新</em> 🎉</p>` +
  '<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(30) +
  `</p><img src="/img/${i}.svg" alt="" onerror="alert(1)"><script>alert(${i})</script>`;

export async function measureFeeds() {
  if (!existsSync(ssrEntry)) return { note: `${ssrEntry} is not built` };
  const { readNews, rssFeed, atomFeed, sitemaps } = await import(pathToFileURL(ssrEntry).href);
  const feed = JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'bench',
    items: Array.from({ length: ITEMS }, (_, i) => ({
      id: String(i),
      title: `新闻 ${i} & more`,
      date_published: new Date(Date.UTC(2026, 0, 1) + i * 3600_000).toISOString(),
      tags: ['company'],
      content_html: body(i),
    })),
  });
  const fetch = async () => new Response(feed);
  const options = {
    site: 'https://news.example.com/',
    articleHref: 'article.html?id={id}',
    title: 'Bench',
    language: 'zh-CN',
    self: 'feed.xml',
  };
  const rows = { read: [], rss: [], atom: [], sitemap: [] };
  let bytes = {};
  for (let run = 0; run < RUNS; run++) {
    let start = performance.now();
    const entries = await readNews({ src: 'https://news.example.com/feed.json', fetch });
    rows.read.push(performance.now() - start);
    start = performance.now();
    const rss = await rssFeed(entries, options);
    rows.rss.push(performance.now() - start);
    start = performance.now();
    const atom = await atomFeed(entries, options);
    rows.atom.push(performance.now() - start);
    start = performance.now();
    const map = sitemaps(entries, { ...options, publication: 'Bench' })['sitemap.xml'];
    rows.sitemap.push(performance.now() - start);
    bytes = { rss: rss.length, atom: atom.length, sitemap: map.length };
  }
  return { items: ITEMS, ms: Object.fromEntries(Object.entries(rows).map(([name, values]) => [name, median(values)])), bytes };
}

export function printFeeds(result) {
  console.log(`\nFeeds and sitemap (${ITEMS} items with ~2 KB bodies, in-process, median of ${RUNS})`);
  if (result.note) return console.log(`  skipped: ${result.note}`);
  const { ms, bytes } = result;
  console.log(`  read (JSON Feed through the format readers) ${ms.read.toFixed(0).padStart(6)} ms`);
  console.log(`  RSS 2.0 (bodies sanitized)                 ${ms.rss.toFixed(0).padStart(6)} ms   ${(bytes.rss / 1024).toFixed(0)} KiB`);
  console.log(`  Atom 1.0 (bodies sanitized)                ${ms.atom.toFixed(0).padStart(6)} ms   ${(bytes.atom / 1024).toFixed(0)} KiB`);
  console.log(
    `  sitemap.xml                                ${ms.sitemap.toFixed(0).padStart(6)} ms   ${(bytes.sitemap / 1024).toFixed(0)} KiB`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) printFeeds(await measureFeeds());
