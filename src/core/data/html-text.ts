// Text fields that arrive as HTML (WordPress `title.rendered` / `excerpt.rendered`, JSON Feed
// `content_html` used for a missing title) are shown as text, so they need their tags dropped
// and their character references decoded — not a sanitizer. Tags are dropped by a plain string
// scanner: it never builds a DOM, so no markup can load or run whatever the input holds, and it
// is linear in the input (indexOf scans, no backtracking regular expressions). Its output is only
// ever rendered as text, so an imperfect parse can cost a few stray characters, never safety.
//
// Character references are decoded by the HTML parser itself, never by a table of our own: all
// 2,231 names of the standard, the legacy ones without `;` (`&copy 2025`), numeric edge cases.
// In the browser that is the browser's parser, fed text in which every `<` is escaped, into a
// <textarea> of an inert document (RCDATA: no element can be made from it); on the server it is
// `entities`, the decoder parse5 uses, handed in by `newsroom-elements/ssr`
// (`useCharacterReferenceDecoder`), so its 30 KB table never reaches a browser bundle.

// Elements whose content is not text a reader should see (code, styles, nested documents).
const HIDDEN = new Set('script style template title textarea xmp iframe noembed noframes noscript svg math'.split(' '));
// Phrasing elements join their text to the words around them; every other tag separates words.
const INLINE = new Set(
  'a abbr b bdi bdo cite code data del dfn em font i ins kbd mark q s samp small span strike strong sub sup time u var wbr'.split(' '),
);

type Decoder = (text: string) => string;
let serverDecoder: Decoder | undefined;

/** Where there is no document (server rendering), decode with this (`entities`' `decodeHTML`). */
export function useCharacterReferenceDecoder(decode: Decoder): void {
  serverDecoder = decode;
}

// Every `<` as a reference: whatever the parser gets is text, under any policy or context.
const textOnly = (text: string) => text.replace(/</g, '&lt;');
let field: HTMLTextAreaElement | undefined;
let policy: { createHTML(text: string): unknown } | undefined;

function browserDecode(text: string): string {
  if (!field) {
    field = document.implementation.createHTMLDocument('').createElement('textarea');
    try {
      // Under `require-trusted-types-for 'script'` the parser takes text only through a policy.
      policy = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): typeof policy } }).trustedTypes?.createPolicy(
        'newsroom',
        { createHTML: textOnly },
      );
    } catch (error) {
      // The page's CSP does not list `newsroom` in `trusted-types`: references stay as written.
      console.warn('newsroom-elements: Trusted Types policy "newsroom" refused', error);
    }
  }
  try {
    field.innerHTML = (policy ? policy.createHTML(text) : textOnly(text)) as string;
    return field.textContent!;
  } catch {
    return text;
  }
}

/** Decodes character references once, as the HTML parser does in text (`&amp;lt;` is the text `&lt;`). */
export function decodeCharacterReferences(text: string): string {
  if (!text.includes('&')) return text;
  // A NUL reads as U+FFFD in both decoders (the parser's RCDATA rule). Raw carriage returns stay
  // as they are (the browser's make them line feeds): htmlToText folds all white space anyway.
  const input = text.replace(/\0/g, '\ufffd');
  if (serverDecoder) return serverDecoder(input);
  if (typeof document === 'undefined') throw new Error('newsroom-elements/ssr decodes HTML text in Node');
  return browserDecode(input);
}

/** Index just past the `>` closing the tag that starts at `start`, skipping quoted values. */
function tagEnd(html: string, start: number): number {
  let afterEquals = false;
  for (let i = start; i < html.length; i++) {
    const ch = html[i];
    if (ch === '>') return i + 1;
    if ((ch === '"' || ch === "'") && afterEquals) {
      const close = html.indexOf(ch, i + 1);
      if (close < 0) return html.length;
      i = close;
      afterEquals = false;
    } else if (ch === '=') afterEquals = true;
    else if (!/\s/.test(ch)) afterEquals = false;
  }
  return html.length; // a tag cut off by the end of input is dropped, as browsers do
}

/** Plain text of an HTML snippet: tags and hidden content dropped, references decoded, spaces collapsed. */
export function htmlToText(html: unknown): string {
  if (typeof html !== 'string') return '';
  let text = '';
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      text += html.slice(i);
      break;
    }
    text += html.slice(i, lt);
    const next = html[lt + 1] ?? '';
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
    } else if (next === '!' || next === '?' || next === '/' || /[a-zA-Z]/.test(next)) {
      i = tagEnd(html, lt + 1);
      const name = /^\/?([a-zA-Z][^\s/>]*)/.exec(html.slice(lt + 1, Math.min(i, lt + 40)))?.[1]?.toLowerCase() ?? '';
      if (next !== '/' && HIDDEN.has(name)) {
        // Skip to the matching end tag (or the end of input, like an unclosed <script>).
        const end = new RegExp(`</${name}`, 'gi'); // name is one of HIDDEN: letters only
        end.lastIndex = i;
        const close = end.test(html) ? end.lastIndex - name.length - 2 : -1;
        i = close < 0 ? html.length : tagEnd(html, close + 2);
      } else if (name === 'plaintext') {
        i = html.length;
      }
      if (!INLINE.has(name)) text += ' ';
    } else {
      text += '<'; // a lone `<` is text
      i = lt + 1;
    }
  }
  return decodeCharacterReferences(text).replace(/\s+/g, ' ').trim();
}
