// What a TypeScript user of the package sees, checked with tsc under `strict` against the built
// package (its own exports, as a consumer resolves them): JSX types for React 19 from
// `newsroom-elements/jsx`, the @lit/react wrappers from `newsroom-elements/react`, the tag and
// event maps of the drop-in module; and a wrong prop or event type is an error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const root = new URL('../..', import.meta.url).pathname;
const tsc = (project) =>
  spawnSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', `${root}test/types/${project}`], {
    cwd: root,
    encoding: 'utf8',
  });

test('a strict TSX consumer type-checks: JSX tags, React wrappers, DOM maps', () => {
  const { status, stdout, stderr } = tsc('tsconfig.json');
  assert.equal(status, 0, stdout + stderr);
});

test('a wrong prop type or event detail is a type error', () => {
  const { status, stdout } = tsc('tsconfig.wrong.json');
  assert.notEqual(status, 0);
  const errors = stdout.split('\n').filter((line) => line.includes('error TS'));
  const lines = readFileSync(`${root}test/types/wrong.tsx`, 'utf8').split('\n');
  const marked = lines.flatMap((line, i) => (line.includes('// error:') ? [i + 1] : []));
  assert.equal(marked.length, 4);
  assert.deepEqual(
    errors.map((line) => Number(/wrong\.tsx\((\d+),/.exec(line)?.[1])),
    marked,
    `exactly the marked lines fail:\n${stdout}`,
  );
  assert.ok(
    errors.every((line) => line.includes('error TS2322')),
    stdout,
  );
});

test('emit() is keyed by the event map: a wrong event name or detail does not compile', () => {
  // Each `@ts-expect-error` in emit.ts must meet its error, or tsc fails on the unused directive.
  const { status, stdout, stderr } = tsc('tsconfig.emit.json');
  assert.equal(status, 0, stdout + stderr);
  const expected = readFileSync(`${root}test/types/emit.ts`, 'utf8').match(/@ts-expect-error/g) ?? [];
  assert.equal(expected.length, 5);
});
