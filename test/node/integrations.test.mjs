// The editor data generated from the manifest: VS Code's custom data and JetBrains' web-types
// list every tag with every attribute, and the package's exports reach every generated file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const read = (path) => JSON.parse(readFileSync(join(root, path), 'utf8'));
const manifest = read('custom-elements.json');
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
const pkg = read('package.json');

test('VS Code custom data lists every tag and every attribute', () => {
  const data = read('dist/vscode.html-custom-data.json');
  assert.deepEqual(data.tags.map((t) => t.name).sort(), elements.map((e) => e.tagName).sort());
  for (const element of elements) {
    const tag = data.tags.find((t) => t.name === element.tagName);
    assert.deepEqual(
      tag.attributes.map((a) => a.name).sort(),
      element.attributes.map((a) => a.name).sort(),
      `<${element.tagName}> attributes`,
    );
    assert.ok(tag.description, `<${element.tagName}> has a description`);
  }
  const layout = data.tags.find((t) => t.name === 'news-list').attributes.find((a) => a.name === 'layout');
  assert.deepEqual(layout.values.map((v) => v.name).sort(), ['cards', 'compact', 'list']);
  const css = read('dist/vscode.css-custom-data.json');
  assert.ok(css.properties.some((p) => p.name === '--newsroom-accent'));
});

test('JetBrains web-types list every tag and every attribute', () => {
  const types = read('dist/web-types.json');
  const tags = types.contributions.html.elements;
  assert.deepEqual(tags.map((t) => t.name).sort(), elements.map((e) => e.tagName).sort());
  for (const element of elements) {
    const tag = tags.find((t) => t.name === element.tagName);
    assert.deepEqual(tag.attributes.map((a) => a.name).sort(), element.attributes.map((a) => a.name).sort());
  }
  assert.equal(pkg['web-types'], './dist/web-types.json');
});

test('every export of the package points at a built file', () => {
  for (const [entry, target] of Object.entries(pkg.exports)) {
    for (const file of typeof target === 'string' ? [target] : Object.values(target)) {
      assert.ok(existsSync(join(root, file)), `${entry} → ${file}`);
    }
  }
  for (const field of ['main', 'types', 'jsdelivr', 'unpkg', 'web-types', 'customElements']) {
    assert.ok(existsSync(join(root, pkg[field])), `${field} → ${pkg[field]}`);
  }
});
