// Where a page's JavaScript goes: the loader's chunks as the build writes them (dist/cdn/), and
// the shared core chunk module by module (each minified and gzipped on its own, so the parts add
// up to a little more than the chunk, which gzips across them). Used by `npm run bench`;
// `node bench/chunks.mjs` prints it alone (after `npm run build`).
import { readdirSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync } from 'node:zlib';
import { rollup } from 'rollup';
import { minify } from 'terser';
import configs from '../rollup.config.mjs';
import { loaderManifest } from './loader-cost.mjs';
import { PART_MINIFY } from './bundle.mjs';
import { gzipSync } from 'node:zlib';

const HOME = ['news-provider', 'site-nav', 'news-list', 'contact-card'];

/** Who a module of the core chunk belongs to: a package, or our own file. */
function ownerOf(id) {
  const path = relative(process.cwd(), id);
  if (path.includes('node_modules/@lit/context')) return '@lit/context';
  if (path.includes('node_modules/lit-html')) return 'lit-html';
  if (/node_modules\/(lit|lit-element|@lit\/reactive-element)\//.test(path)) return 'lit-element + reactive-element';
  if (path.includes('node_modules')) return path.replace(/^.*node_modules\//, '');
  return path;
}

/** The home page's files through the loader (brotli, as the demo server sends them), and the core chunk's modules. */
export async function measureChunks(tags = HOME) {
  const { chunks, hydrate } = loaderManifest();
  const files = [...new Set(['loader.js', ...hydrate, ...tags.flatMap((tag) => chunks[tag])])].map((file) => ({
    file,
    brotli: brotliCompressSync(readFileSync(`dist/${file}`)).length,
  }));
  // The loader's build again, in memory (without the step that writes the manifest into dist/).
  const config = configs.find((c) => typeof c.input === 'object' && 'loader' in c.input);
  const bundle = await rollup({ ...config, plugins: config.plugins.filter((p) => p.name !== 'loader-manifest' && p.name !== 'terser') });
  const { output } = await bundle.generate(config.output);
  await bundle.close();
  const core = output.find((chunk) => chunk.type === 'chunk' && chunk.name === 'core');
  const owners = new Map();
  for (const [id, info] of Object.entries(core.modules)) {
    if (!info.code) continue;
    const owner = ownerOf(id);
    owners.set(owner, (owners.get(owner) ?? '') + info.code + '\n');
  }
  const modules = [];
  for (const [owner, code] of owners) {
    const { code: min = '' } = await minify(code, PART_MINIFY);
    modules.push({ module: owner, gzip: gzipSync(min, { level: 9 }).length });
  }
  modules.sort((a, b) => b.gzip - a.gzip);
  // What those elements load only when they change (or, for styles, as a pointer or focus comes
  // near, or their browser-only extras near the viewport): their styles, the shared styles, the
  // content client.
  const folder = 'dist/cdn/ssr';
  const onDemandPattern = new RegExp(`^(${tags.join('|')})\\.styles-|^(styles|network)-`);
  const onDemand = readdirSync(folder)
    .filter((name) => name.endsWith('.js') && onDemandPattern.test(name))
    .map((name) => ({ file: `cdn/ssr/${name}`, brotli: brotliCompressSync(readFileSync(`${folder}/${name}`)).length }));
  return { tags, files, core: modules, onDemand };
}

export function printChunks({ tags, files, core, onDemand }) {
  const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(5);
  console.log(`\nWhere the home page's JavaScript goes (${tags.join(' + ')}, server-rendered; KiB brotli per file)`);
  for (const { file, brotli } of files) console.log(`  ${file.padEnd(44)} ${kb(brotli)}K`);
  console.log(`  ${'total'.padEnd(44)} ${kb(files.reduce((sum, f) => sum + f.brotli, 0))}K`);
  console.log('Loaded on demand, when an element changes (KiB brotli per file)');
  for (const { file, brotli } of onDemand) console.log(`  ${file.padEnd(44)} ${kb(brotli)}K`);
  console.log('The core chunk by module (each minified + gzipped alone, approximate; KiB)');
  for (const { module, gzip } of core) console.log(`  ${module.padEnd(44)} ${kb(gzip)}K`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) printChunks(await measureChunks());
