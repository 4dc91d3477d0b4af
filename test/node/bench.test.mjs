// The bench measures what ships: bench/bundle.mjs builds with rollup.config.mjs's own plugin list
// (`cdnPlugins`), so its all-in-one build is what dist/newsroom-elements.js holds inside the
// once-per-page guard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { benchBundle } from '../../bench/bundle.mjs';
import { ONCE_PER_PAGE } from '../../rollup.config.mjs';

test("the bench's build of the all-in-one file is the shipped file, byte for byte", async () => {
  const bundle = await benchBundle('src/all.ts');
  const { output } = await bundle.generate({ format: 'es', inlineDynamicImports: true });
  await bundle.close();
  // Rollup ends a file with a line break, after the source map comment in the shipped one.
  const measured = output[0].code.replace(/\n$/, '');
  const file = readFileSync('dist/newsroom-elements.js', 'utf8');
  const [open, close] = ONCE_PER_PAGE;
  assert.ok(file.startsWith(open), 'dist/newsroom-elements.js does not start with the once-per-page guard');
  const shipped = file.slice(open.length, file.lastIndexOf(`${close}\n//# sourceMappingURL=`));
  assert.ok(measured === shipped, `the bench builds ${measured.length} bytes, dist/newsroom-elements.js holds ${shipped.length}`);
});
