// Every module of the package imports in Node, with no DOM: server frameworks (Next, Nuxt,
// Astro, Eleventy) import it during their server pass. Only the drop-in browser file is left out.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';

const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));
const browserOnly = new Set(['./newsroom-elements.js']);

test('there is no DOM in this process', () => {
  assert.equal(typeof window, 'undefined');
  assert.equal(typeof document, 'undefined');
});

for (const entry of Object.keys(pkg.exports).filter((entry) => !browserOnly.has(entry))) {
  test(`imports ${pkg.name}${entry.slice(1)} in Node`, async () => {
    const specifier = pkg.name + entry.slice(1);
    const module = entry.endsWith('.json') ? await import(specifier, { with: { type: 'json' } }) : await import(specifier);
    assert.ok(module);
    assert.equal(typeof window, 'undefined', 'importing must not create a window');
  });
}

test('the classes entry exports every element class and the helpers', async () => {
  const classes = await import(`${pkg.name}/classes`);
  for (const name of ['NewsProvider', 'SiteNav', 'ContactCard', 'NewsList', 'NewsArticle', 'RelatedArticles', 'MessageForm']) {
    assert.equal(typeof classes[name], 'function', name);
  }
});

test("registering modules register their tag in Lit's server registry", async () => {
  await import(`${pkg.name}/news-list.js`);
  assert.ok(globalThis.customElements.get('news-list'));
});
