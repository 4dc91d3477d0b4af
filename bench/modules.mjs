// `node bench/modules.mjs`: our own code in the all-in-one bundle, module by module (after tree
// shaking, minified, gzipped on its own) and in total, largest first. For finding where the
// bytes are; `npm run bench` gives the figures that count (the bundles as shipped). The size
// test holds the total to its ceiling (docs/sizes.md › Budgets).
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { minify } from 'terser';
import { benchBundle, PART_MINIFY } from './bundle.mjs';

/** Our modules in the all-in-one bundle, largest first, and all of them minified and gzipped together. */
export async function measureOwnCode() {
  const bundle = await benchBundle('src/all.ts');
  const { output } = await bundle.generate({ format: 'es', inlineDynamicImports: true });
  await bundle.close();
  const rows = [];
  let all = '';
  for (const [id, info] of Object.entries(output[0].modules)) {
    if (id.includes('node_modules') || !info.code) continue;
    const { code = '' } = await minify(info.code, PART_MINIFY);
    all += code + '\n';
    rows.push({ module: id.slice(id.indexOf('src/')), min: code.length, gzip: gzipSync(code, { level: 9 }).length });
  }
  rows.sort((a, b) => b.gzip - a.gzip);
  return { rows, total: { min: all.length, gzip: gzipSync(all, { level: 9 }).length } };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { rows, total } = await measureOwnCode();
  const line = (name, { min, gzip }) => `${name.padEnd(48)} ${String(min).padStart(7)} min ${String(gzip).padStart(6)} gzip`;
  for (const row of rows) console.log(line(row.module, row));
  console.log(line('own code, all modules', total));
}
