// The README's element reference must match the manifest built from the JSDoc.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { updateReadme } from '../../scripts/docs.mjs';

test('README element reference matches custom-elements.json (run `npm run docs` to update)', () => {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  const readme = readFileSync('README.md', 'utf8');
  assert.equal(updateReadme(readme, manifest), readme);
});

test('every element in the manifest is documented with attributes', () => {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  const tags = manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.customElement && d.tagName)
    .map((d) => d.tagName);
  assert.equal(tags.length, 7, `seven tagged elements in the manifest: ${tags}`);
  const readme = readFileSync('README.md', 'utf8');
  for (const tag of tags) assert.ok(readme.includes(`### \`<${tag}>\``), `README documents <${tag}>`);
});
