/** What `sanitize.ts` exports that an element needs; that module never imports this one. */
export interface Sanitizer {
  sanitizeHtml(html: unknown, base?: string): DocumentFragment;
  contentDocument(): Document;
}

let ready: Sanitizer | undefined;
let loading: Promise<Sanitizer> | undefined;

/**
 * DOMPurify is the largest piece of the library (12 KB) and only an article body needs it, so it
 * loads on demand: an element hydrating a server-rendered article never downloads it, and a
 * client-rendered one starts loading it as it starts loading its content. The server renderer,
 * which imports `sanitize.js` statically, hands it over at once.
 */
export function provideSanitizer(sanitizer: Sanitizer): void {
  ready = sanitizer;
}

/** The sanitizer if it has loaded (else `undefined`: call `loadSanitizer`). */
export const sanitizer = (): Sanitizer | undefined => ready;

export function loadSanitizer(): Promise<Sanitizer> {
  return (loading ??= import('./sanitize.js').then((module) => (ready = module)));
}
