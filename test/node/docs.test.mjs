// The element pages of docs/ must match the manifest built from the JSDoc (`npm run docs`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { docsFiles, elementsOf } from '../../scripts/docs.mjs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const { exports } = JSON.parse(readFileSync('package.json', 'utf8'));
const read = (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);

test('docs/ element pages and the docs index match custom-elements.json (run `npm run docs` to update)', async () => {
  for (const [path, content] of await docsFiles(manifest, read, exports)) {
    assert.equal(read(path), content, `${path} is out of date`);
  }
});

test('every element in the manifest has a page with its reference and a live example', () => {
  const elements = elementsOf(manifest);
  assert.equal(elements.size, 7, `seven tagged elements in the manifest: ${[...elements.keys()]}`);
  for (const [tag, element] of elements) {
    const page = read(`docs/${tag}.md`);
    assert.ok(page, `docs/${tag}.md exists`);
    assert.ok(page.includes(`# \`<${tag}>\``), `docs/${tag}.md is titled <${tag}>`);
    assert.match(page, /```html live\n[\s\S]*?<\//, `docs/${tag}.md has a live example`);
    for (const attribute of element.attributes ?? []) {
      assert.ok(page.includes(`| \`${attribute.name}\` |`), `docs/${tag}.md documents the ${attribute.name} attribute`);
    }
    for (const part of element.cssParts ?? []) {
      assert.ok(page.includes(`| \`${part.name}\` |`), `docs/${tag}.md documents the ${part.name} part`);
    }
    assert.ok(read('docs/README.md').includes(`(${tag}.md)`), `docs/README.md links docs/${tag}.md`);
    assert.ok(read('README.md').includes(`(docs/${tag}.md)`), `README.md links docs/${tag}.md`);
  }
});
