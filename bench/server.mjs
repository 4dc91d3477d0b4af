// Pages per second through the server entry's handler (no HTTP in between), with and without its
// render cache, over the demo's pages: `node bench/server.mjs` after `npm run build`.
import { fileURLToPath } from 'node:url';
import { newsroom } from '../dist/server/index.js';

const root = fileURLToPath(new URL('../demo/', import.meta.url));
const pages = ['/index.html', '/news.html', '/article.html?id=1001', '/contact.html', '/en/index.html'];
const seconds = Number(process.env.BENCH_SECONDS ?? 3);

for (const cache of [200, 0]) {
  const site = newsroom({ root, messages: false, cache, onError: () => {} });
  for (const page of pages) await (await site.fetch(new Request(`http://localhost${page}`))).text();
  let count = 0;
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    const response = await site.fetch(new Request(`http://localhost${pages[count % pages.length]}`));
    await response.text();
    count++;
  }
  console.log(
    `${cache ? 'with the cache   ' : 'without the cache'}: ${(count / seconds).toFixed(0)} pages/s (${pages.length} demo pages in turn, ${seconds} s)`,
  );
}
