import { type DefaultTreeAdapterMap, parseFragment } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];

/** What a shadow root's markup holds, for telling which selectors could match in it. */
interface Markup {
  tags: Set<string>;
  attributes: Set<string>;
  classes: Set<string>;
  ids: Set<string>;
}

const add = (markup: Markup, tag: string, attributes: Iterable<{ name: string; value: string }>): void => {
  markup.tags.add(tag.toLowerCase());
  for (const { name, value } of attributes) {
    markup.attributes.add(name.toLowerCase());
    if (name === 'class') for (const token of value.split(/\s+/)) markup.classes.add(token);
    if (name === 'id') markup.ids.add(value);
  }
};

// A start tag as Lit SSR and the sanitizer's serializer write them: every value double-quoted.
const START_TAG = /<([a-zA-Z][^\s/>]*)((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:="([^"]*)")?/g;

function markupOf(html: string): Markup {
  const markup: Markup = { tags: new Set(), attributes: new Set(), classes: new Set(), ids: new Set() };
  // Read with a pattern (the larger part of the cost of a render otherwise goes to building a
  // tree); when any tag is not one it reads, the HTML parser reads the markup instead.
  let tags = 0;
  for (const [, tag, attributes] of html.matchAll(START_TAG)) {
    tags++;
    add(
      markup,
      tag,
      [...attributes.matchAll(ATTRIBUTE)].map(([, name, value = '']) => ({ name, value })),
    );
  }
  if (tags === html.match(/<[a-zA-Z]/g)?.length) return markup;
  const walk = (node: Node): void => {
    if ('tagName' in node) {
      add(markup, node.tagName, node.attrs);
      if (node.tagName === 'template') walk((node as DefaultTreeAdapterMap['template']).content);
    }
    if ('childNodes' in node) for (const child of node.childNodes) walk(child);
  };
  walk(parseFragment(html));
  return markup;
}

// Parts of a selector that never rule a match out: functional pseudo-classes (their arguments
// may negate or offer alternatives), then pseudo-elements and the pseudo-classes of states a
// visitor reaches without script (hover, focus, a checked box, an opened <details>, :target).
const FUNCTIONAL = /::?[a-zA-Z-]+\((?:[^()]|\([^()]*\))*\)/g;
const PSEUDO = /::?[a-zA-Z-]+/g;
const STATE_ATTRIBUTES = new Set(['open']);

/**
 * Whether one complex selector may match an element of `markup`: every tag, class, id and
 * attribute it names must occur somewhere in it. A necessary condition only, so a rule is never
 * dropped that could apply; anything unusual (`:host`, `::slotted`, escapes) is kept.
 */
function mayMatch(selector: string, markup: Markup): boolean {
  if (/:host|::slotted|::part|\\/.test(selector)) return true;
  let rest = selector.replace(FUNCTIONAL, ' ');
  for (const [, name] of rest.matchAll(/\[\s*([^\s~|^$*=\]]+)[^\]]*\]/g)) {
    if (!STATE_ATTRIBUTES.has(name.toLowerCase()) && !markup.attributes.has(name.toLowerCase())) return false;
  }
  rest = rest.replace(/\[[^\]]*\]/g, ' ').replace(PSEUDO, ' ');
  for (const [, name] of rest.matchAll(/\.([\w-]+)/g)) if (!markup.classes.has(name)) return false;
  for (const [, name] of rest.matchAll(/#([\w-]+)/g)) if (!markup.ids.has(name)) return false;
  for (const [, name] of rest.matchAll(/(?:^|[\s>+~(])([a-zA-Z][\w-]*)/g)) if (!markup.tags.has(name.toLowerCase())) return false;
  return true;
}

/** Splits at `separator` where no bracket, parenthesis or string is open. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** The top-level statements of a style sheet: `{ prelude, body }` for a block, `{ prelude }` for `@x …;`. */
function statements(css: string): Array<{ prelude: string; body?: string }> {
  const out: Array<{ prelude: string; body?: string }> = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  let open = -1;
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '/' && css[i + 1] === '*') i = css.indexOf('*/', i + 2) < 0 ? css.length : css.indexOf('*/', i + 2) + 1;
    else if (c === '{' && depth++ === 0) open = i;
    else if (c === '}' && --depth === 0) {
      out.push({ prelude: css.slice(start, open).trim(), body: css.slice(open + 1, i) });
      start = i + 1;
    } else if (c === ';' && depth === 0) {
      out.push({ prelude: css.slice(start, i).trim() });
      start = i + 1;
    }
  }
  if (depth !== 0 || quote) throw new Error('unbalanced style sheet');
  return out.filter((statement) => statement.prelude || statement.body !== undefined);
}

const GROUPING = /^@(media|container|supports|layer|scope|document)\b/i;

function usedRules(css: string, markup: Markup, keyframes: Map<string, string>): string {
  let out = '';
  for (const { prelude, body } of statements(css)) {
    if (body === undefined) out += prelude + ';';
    else if (GROUPING.test(prelude)) {
      const inner = usedRules(body, markup, keyframes);
      if (inner) out += `${prelude}{${inner}}`;
    } else if (/^@(-webkit-)?keyframes\b/i.test(prelude)) keyframes.set(prelude.split(/\s+/)[1], `${prelude}{${body}}`);
    else if (prelude.startsWith('@')) out += `${prelude}{${body}}`;
    else {
      const selectors = splitTopLevel(prelude, ',').filter((selector) => mayMatch(selector.trim(), markup));
      if (selectors.length) out += `${selectors.join(',')}{${body}}`;
    }
  }
  return out;
}

/**
 * The rules of `css` that may apply to the elements of `html`, a server-rendered shadow root.
 * The browser shows that root from the page's own `<style>` until the element hydrates and adopts
 * its full styles (HydratingElement), and without script it never changes but for states a visitor
 * reaches by pointer or keyboard, which are kept: so the page carries each element's skeleton,
 * error panel and other variants' rules only where they are shown. A sheet it cannot read is
 * returned whole.
 */
export function usedStyles(css: string, html: string): string {
  try {
    const keyframes = new Map<string, string>();
    const used = usedRules(css, markupOf(html), keyframes);
    let animations = '';
    for (const [name, rule] of keyframes) if (used.split(/[\s:,;{}]+/).includes(name)) animations += rule;
    return withoutUnreadVariables(used + animations);
  } catch {
    return css;
  }
}

// A declaration of one of our own private custom properties (`--_accent: …`): the theme is set on
// every root's `:host`, and most roots read only some of it.
const PRIVATE_DECLARATION = /(--_[\w-]+)\s*:[^;{}]*(?:;|(?=\}))/g;

/**
 * `css` without the declarations of private custom properties nothing in it reads (`var(--_x`).
 * A page's roots carry the whole theme otherwise: ~160 bytes each of colours they never use.
 * Only `--_` names, which are ours: the public `--newsroom-*` ones are the page's to read.
 */
function withoutUnreadVariables(css: string): string {
  for (;;) {
    const read = new Set([...css.matchAll(/var\(\s*(--_[\w-]+)/g)].map(([, name]) => name));
    const next = css.replace(PRIVATE_DECLARATION, (declaration, name: string) => (read.has(name) ? declaration : ''));
    if (next === css) return css;
    css = next;
  }
}
