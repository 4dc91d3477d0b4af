import { pageBase, pageOrigin } from '../page/address.js';

const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

// Control characters and whitespace that browsers strip or ignore inside a URL.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]/g;

const NAMED_ENTITIES: Record<string, string> = {
  colon: ':',
  tab: '\t',
  newline: '\n',
  sol: '/',
  amp: '&',
  lpar: '(',
  rpar: ')',
  period: '.',
};

/** Decodes the character references an attacker could use to spell a scheme (`&#58;`, `&colon;`). */
function decodeReferences(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
  });
}

/**
 * Returns an absolute URL for `value` when its scheme is on the allow-list (http, https,
 * mailto, tel, or relative, resolved against `base`); `undefined` for anything else.
 * Every URL that comes from content reaches an `href` or `src` through this function.
 */
export function safeUrl(value: unknown, base: string | URL = pageBase()): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  // Decide on the scheme as a browser would read it after decoding and stripping, so that
  // `java&#x09;script:`, ` JaVaScRiPt:`, `\u0000javascript:` are all recognised.
  let probe = trimmed;
  for (let i = 0; i < 3; i++) {
    const decoded = decodeReferences(probe);
    if (decoded === probe) break;
    probe = decoded;
  }
  probe = probe.replace(INVISIBLE, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(probe);
  if (scheme && !ALLOWED_SCHEMES.has(scheme[1].toLowerCase() + ':')) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return undefined;
  }
  return ALLOWED_SCHEMES.has(url.protocol) ? url.href : undefined;
}

/** True when `href` points away from the host page's origin (it then opens with noopener). */
export function isExternal(href: string): boolean {
  const origin = pageOrigin();
  // Most links are absolute addresses on this origin (safeUrl writes them so): the prefix says
  // so without parsing, which a list of 1,000 items would otherwise do 1,000 times per render.
  if (href.startsWith(origin + '/')) return false;
  try {
    const url = new URL(href, pageBase());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== origin;
  } catch {
    return false;
  }
}

/**
 * `href` as a link writes it: the path alone when it is on the page's own origin. Shorter (a
 * page's menus, lists and footer hold dozens), and right when a server renders the page under
 * another host name than visitors use (behind a proxy). An address whose path starts with `//`
 * stays absolute: as a path it would name another host.
 */
export function pagePath(href: string): string {
  const origin = pageOrigin();
  return href.startsWith(origin + '/') && !href.startsWith(origin + '//') ? href.slice(origin.length) : href;
}
