// `node bench/modules.mjs`: our own code in the all-in-one bundle, module by module (after tree
// shaking, minified, gzipped on its own) and in total, largest first. For finding where the
// bytes are; `npm run bench` gives the figures that count (the bundles as shipped).
import { gzipSync } from 'node:zlib';
import { minify } from 'terser';
import { benchBundle, PART_MINIFY } from './bundle.mjs';

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
for (const row of rows) console.log(`${row.module.padEnd(48)} ${String(row.min).padStart(7)} min ${String(row.gzip).padStart(6)} gzip`);
console.log(
  `${'own code, all modules'.padEnd(48)} ${String(all.length).padStart(7)} min ${String(gzipSync(all, { level: 9 }).length).padStart(6)} gzip`,
);
