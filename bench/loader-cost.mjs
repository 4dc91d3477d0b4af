// The script-tag path without a browser: what dist/loader.js fetches for a set of tags, read from
// the manifest the build wrote into it. Used by `npm run bench` and the size-budget test.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';

/** The loader's manifest: each tag's files, and Lit's hydration support's. */
export function loaderManifest() {
  const loader = readFileSync('dist/loader.js', 'utf8');
  return {
    chunks: JSON.parse(/=(\{"[^]*?\]\})/.exec(loader)[1]),
    hydrate: JSON.parse(/(\["cdn\/hydrate-[^\]]*\])/.exec(loader)[1]),
  };
}

/**
 * dist/loader.js plus every chunk it fetches for `tags` (and, on a server-rendered page, the
 * hydration support), compressed as a server would send them.
 */
export function loaderCost(tags, { serverRendered = false } = {}) {
  const { chunks, hydrate } = loaderManifest();
  const files = new Set(['loader.js', ...tags.flatMap((tag) => chunks[tag]), ...(serverRendered ? hydrate : [])]);
  let gzip = 0;
  let brotli = 0;
  for (const file of files) {
    const code = readFileSync(`dist/${file}`);
    gzip += gzipSync(code, { level: 9 }).length;
    brotli += brotliCompressSync(code).length;
  }
  return { tags, files: files.size, gzip, brotli };
}
