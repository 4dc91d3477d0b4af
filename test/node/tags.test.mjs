// The tag registry (src/core/element/tags.ts) is the one list of tags: the server renderer, the
// docs and the tests read it. What cannot read it (the folders, the package's exports, the
// registering entry's static imports) is checked against it here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { TAGS } from '../../dist/core/element/tags.js';
import { parsePage } from '../../dist/ssr/page-parser.js';

const root = new URL('../..', import.meta.url).pathname;
const sorted = (list) => [...list].sort();

test('every folder of src/ with a registering module is a tag of the registry, and back', () => {
  const folders = readdirSync(`${root}src`).filter((name) => existsSync(`${root}src/${name}/define.ts`));
  assert.deepEqual(sorted(folders), sorted(TAGS));
  for (const tag of TAGS) {
    assert.match(
      readFileSync(`${root}src/${tag}/define.ts`, 'utf8'),
      new RegExp(`defineElement\\('${tag}', `),
      `${tag}/define.ts registers <${tag}>`,
    );
  }
});

test("the package exports each tag's registering module, and all.ts imports them all", () => {
  const { exports } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
  const registering = Object.entries(exports).filter(([, target]) => /\/define\.js$/.test(target.default ?? ''));
  assert.deepEqual(sorted(registering.map(([entry]) => entry)), sorted(TAGS.map((tag) => `./${tag}.js`)));
  for (const [entry, target] of registering) assert.equal(target.default, `./dist${entry.slice(1, -3)}/define.js`, entry);
  const all = readFileSync(`${root}src/all.ts`, 'utf8');
  const imported = [...all.matchAll(/^import '\.\/([\w-]+)\/define\.js';$/gm)].map((match) => match[1]);
  assert.deepEqual(sorted(imported), sorted(TAGS));
  assert.equal(imported[0], 'news-provider', 'the provider registers first');
});

test('the server renderer finds every tag of the registry in a page, and no other', () => {
  const page = `<body>${TAGS.map((tag) => `<${tag}></${tag}>`).join('')}<news-ticker></news-ticker></body>`;
  assert.deepEqual(
    parsePage(page).elements.map((found) => found.tag),
    [...TAGS],
  );
});
