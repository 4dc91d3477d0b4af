/** What went wrong, in words an element can translate for its visitor. */
export type ContentErrorKind = 'network' | 'timeout' | 'http' | 'not-json' | 'format';

/** A failed load: `message` is for developers (console, events); `kind` picks the visitor's text. */
export class ContentError extends Error {
  override name = 'ContentError';
  constructor(
    readonly kind: ContentErrorKind,
    message: string,
    readonly status?: number,
    readonly url?: string,
  ) {
    super(message);
  }
}

export const isAbort = (error: unknown): boolean => error instanceof DOMException && error.name === 'AbortError';
