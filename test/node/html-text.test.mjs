// Text fields read from HTML (WordPress titles and excerpts) are decoded by plain string code
// that runs in Node without a DOM, as server rendering needs; hostile input never breaks it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { htmlToText } from '../../dist/core/html-text.js';

const corpusDir = process.env.XSS_CORPUS_DIR || resolve('../shared/corpus/xss');

test('decodes WordPress titles in Node, with no DOM', () => {
  assert.equal(typeof globalThis.document, 'undefined');
  assert.equal(
    htmlToText('Prices &#8220;up&#8221; &amp; <em>rising</em>&#8230;<script>x()</script>'),
    'Prices \u201cup\u201d & rising\u2026',
  );
  assert.equal(htmlToText('<p>One</p>\n<p>Two&nbsp;three</p>'), 'One Two three');
});

test(
  'every payload of the public XSS corpora becomes a string without < tags from markup',
  // On CI the corpora must be there: missing, the test fails instead of skipping.
  { skip: !existsSync(corpusDir) && !process.env.CI && 'no corpus' },
  () => {
    let count = 0;
    for (const file of readdirSync(corpusDir).filter((name) => name.endsWith('.json'))) {
      const { payloads } = JSON.parse(readFileSync(resolve(corpusDir, file), 'utf8'));
      for (const { raw, norm } of payloads) {
        for (const input of norm ? [raw, norm] : [raw]) {
          const text = htmlToText(input);
          assert.equal(typeof text, 'string');
          // A tag that was markup in the input is gone; a `<` may only remain as text (a lone `<`
          // or one decoded from a reference), so nothing that looked like markup survives as such
          // unless the input spelled it with references.
          if (!/&(lt|#0*60|#x0*3c);?/i.test(input)) assert.doesNotMatch(text, /<[a-z!/?]/i, `${file}: ${input.slice(0, 80)}`);
          count++;
        }
      }
    }
    assert.ok(count > 9000, `${count} payloads`);
  },
);
