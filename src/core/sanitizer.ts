import type * as Sanitize from './sanitize.js';

type Sanitizer = Pick<typeof Sanitize, 'sanitizeHtml' | 'contentDocument'>;

let ready: Sanitizer | undefined;
let loading: Promise<Sanitizer> | undefined;

/**
 * DOMPurify is the largest piece of the library (12 KB) and only an article body needs it, so it
 * loads on demand: an element hydrating a server-rendered article never downloads it, and a
 * client-rendered one starts loading it as it starts loading its content. Whatever imports
 * `sanitize.js` statically (the server renderer, the package's class exports) has it at once.
 */
export function provideSanitizer(sanitizer: Sanitizer): void {
  ready = sanitizer;
}

/** The sanitizer if it has loaded (else `undefined`: call `loadSanitizer`). */
export const sanitizer = (): Sanitizer | undefined => ready;

export function loadSanitizer(): Promise<Sanitizer> {
  return (loading ??= import('./sanitize.js').then((module) => (ready = module)));
}
