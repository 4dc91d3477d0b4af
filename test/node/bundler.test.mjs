// An app that imports one element's module from the built package (`import
// 'newsroom-elements/news-list.js'`) and bundles it, as Vite or esbuild do, gets that element and
// the provider it may sit in: no other element's code, and DOMPurify only in news-article's
// lazily loaded chunk (titles and excerpts become text without it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { TAGS as tags } from '../../dist/core/element/tags.js';

const root = new URL('../..', import.meta.url).pathname;

/** The files a bundler writes for an app whose only import is `specifier`: the entry first. */
async function bundleApp(specifier) {
  const { outputFiles } = await build({
    stdin: { contents: `import '${specifier}';`, resolveDir: root, loader: 'js' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    minify: true,
    outdir: 'app',
    write: false,
    logLevel: 'silent',
  });
  return outputFiles.map((file) => ({ name: file.path.slice(file.path.lastIndexOf('/') + 1), text: file.text }));
}

const isDOMPurify = (text) => text.includes('DOMPurify');

for (const tag of tags) {
  test(`an app importing newsroom-elements/${tag}.js gets ${tag}, the provider and nothing else`, async (t) => {
    const [entry, ...lazy] = await bundleApp(`newsroom-elements/${tag}.js`);
    const defined = tags.filter((name) => entry.text.includes(`"${name}"`));
    assert.deepEqual(defined, tag === 'news-provider' ? [tag] : ['news-provider', tag]);
    assert.ok(!isDOMPurify(entry.text), `the ${tag} app loads DOMPurify up front`);
    const sanitizer = lazy.filter((file) => isDOMPurify(file.text));
    assert.equal(sanitizer.length, tag === 'news-article' ? 1 : 0, `DOMPurify chunks: ${sanitizer.map((file) => file.name)}`);
    const gzip = (gzipSync(entry.text, { level: 9 }).length / 1024).toFixed(1);
    t.diagnostic(`${tag}: ${gzip} KB gzip up front`);
  });
}

test('an app importing the package itself gets every element', async () => {
  const files = await bundleApp('newsroom-elements');
  const text = files.map((file) => file.text).join('\n');
  assert.deepEqual(
    tags.filter((name) => text.includes(`"${name}"`)),
    tags,
  );
});
