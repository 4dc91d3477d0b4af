// Whether a server-rendered element may hydrate rests on two things Lit does not document
// (src/core/element/hydration.ts, hydrating-element.ts): Lit's hydration support, applied,
// redefines `LitElement.observedAttributes` as an own property; and ReactiveElement's own
// `createRenderRoot` makes a root the support does not take over. package.json pins
// @lit-labs/ssr-client to the minor version this was checked with, and this test fails when an
// update of Lit or of the support changes either, before a page shows its content twice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

const root = new URL('../..', import.meta.url).pathname;
const SUPPORT = "import '@lit-labs/ssr-client/lit-element-hydrate-support.js';";

/** What a fresh Node process sees after `imports` (the support applies once per module graph). */
function probe(imports) {
  const script = `${imports}
    const { LitElement, ReactiveElement } = await import('lit');
    const { cannotHydrate } = await import('./dist/core/element/hydration.js');
    class Probe extends LitElement {
      static properties = { src: {} };
    }
    // A server-rendered element with no stamp in its root, as cannotHydrate reads one.
    const element = { shadowRoot: { childNodes: [] }, closest: () => null, getAttribute: () => null, constructor: Probe };
    console.log(JSON.stringify({
      reason: cannotHydrate(element) ?? null,
      own: Object.hasOwn(LitElement, 'observedAttributes'),
      observed: Probe.observedAttributes,
      patchedRoot: LitElement.prototype.createRenderRoot !== ReactiveElement.prototype.createRenderRoot,
      reactiveRoot: typeof Object.getOwnPropertyDescriptor(ReactiveElement.prototype, 'createRenderRoot')?.value,
    }));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' }));
}

test('Lit hydration support loaded before Lit: the sign is there and the element may hydrate', () => {
  assert.deepEqual(probe(SUPPORT), {
    reason: null,
    own: true,
    observed: ['src', 'defer-hydration'],
    patchedRoot: true,
    reactiveRoot: 'function',
  });
});

test('Lit loaded before its hydration support: the sign is missing and the element renders afresh', () => {
  const seen = probe(`import 'lit'; ${SUPPORT}`);
  assert.match(seen.reason, /^Lit's hydration support was not applied/);
  assert.equal(seen.own, false);
  assert.deepEqual(seen.observed, ['src']);
  assert.equal(seen.reactiveRoot, 'function');
});
