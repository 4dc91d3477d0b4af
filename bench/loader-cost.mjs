// The script-tag path without a browser: what dist/loader.js fetches for a set of tags, read from
// the manifest the build wrote into it. Used by `npm run bench` and the size-budget test.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';

/**
 * The loader's two chunk sets (rollup.config.mjs, `loaderBuild`): `server` for a page with
 * server-rendered elements, `browser` for one whose elements render in the browser. Each has its
 * folder, for every tag its files (`chunks`), and Lit's hydration support's files (`hydrate`).
 */
export function loaderSets() {
  const loader = readFileSync('dist/loader.js', 'utf8');
  const start = loader.indexOf('{"browser":');
  let depth = 0;
  let end = start;
  // JSON of file paths: no brace inside a string.
  do depth += loader[end] === '{' ? 1 : loader[end] === '}' ? -1 : 0;
  while (++end < loader.length && depth > 0);
  return JSON.parse(loader.slice(start, end));
}

/** One set (`server` by default, what the demo's pages use), as paths under dist/. */
export function loaderManifest(name = 'server') {
  const { folder, chunks, hydrate } = loaderSets()[name];
  const path = (file) => `${folder}${file}.js`;
  return {
    chunks: Object.fromEntries(Object.entries(chunks).map(([tag, files]) => [tag, files.map(path)])),
    hydrate: hydrate.map(path),
  };
}

/**
 * dist/loader.js plus every chunk it fetches for `tags`, compressed as a server would send them:
 * on a server-rendered page, the server set with the hydration support and without the styles
 * and content client its elements load only when they change; rendered in the browser, the
 * browser set. `loader`: another loader file reading the server set
 * (`loader-on-interaction.js`, once every element has woken).
 */
export function loaderCost(tags, { serverRendered = false, loader = 'loader.js' } = {}) {
  const { chunks, hydrate } = loaderManifest(serverRendered ? 'server' : 'browser');
  const files = new Set([loader, ...tags.flatMap((tag) => chunks[tag]), ...(serverRendered ? hydrate : [])]);
  let gzip = 0;
  let brotli = 0;
  for (const file of files) {
    const code = readFileSync(`dist/${file}`);
    gzip += gzipSync(code, { level: 9 }).length;
    brotli += brotliCompressSync(code).length;
  }
  return { tags, files: files.size, gzip, brotli };
}
