/**
 * The page an element lives in. In the browser that is the live document; while the server
 * renders a page (`newsroom-elements/ssr`), it is the page being rendered, set for the length of
 * one synchronous render. Nothing here touches the DOM when a module loads, so every module of
 * the package imports in Node.
 */
export interface PageInfo {
  /** The page's own address (`location.href`). */
  href: string;
  /** The address relative URLs resolve against (`document.baseURI`: the page's, or its `<base href>`). */
  base: string;
}

let rendering: PageInfo | undefined;

/** Runs `render` with `page` standing in for the document (server rendering). */
export function withPage<T>(page: PageInfo, render: () => T): T {
  const outer = rendering;
  rendering = page;
  try {
    return render();
  } finally {
    rendering = outer;
  }
}

/** `document.baseURI`, or the rendered page's base on the server; '' in Node outside a render. */
export function pageBase(): string {
  return rendering?.base ?? (typeof document === 'undefined' ? '' : document.baseURI);
}

/** `location.href`, or the rendered page's address on the server. */
export function pageHref(): string {
  return rendering?.href ?? (typeof location === 'undefined' ? '' : location.href);
}

/** The page's origin ('null' when unknown): in the browser read, not parsed, since every link of a list asks. */
export function pageOrigin(): string {
  if (!rendering && typeof location !== 'undefined') return location.origin;
  try {
    return new URL(pageHref()).origin;
  } catch {
    return 'null';
  }
}

/**
 * True for an element whose shadow root came with the page (declarative shadow DOM from the
 * server). Its first render must match the server's exactly, so browser-only extras (native
 * share, clipboard buttons, a restored draft) wait for the second.
 */
export function cameFromServer(element: HTMLElement): boolean {
  return typeof ShadowRoot !== 'undefined' && element.shadowRoot instanceof ShadowRoot;
}

/**
 * Resolves in a later task (`scheduler.yield()` where the browser has it, else a timer): work
 * split by it never adds up to one long task.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve));
}

/** A query parameter of the page's address (`?id=`, `?page=`). */
export function pageParam(name: string): string | null {
  try {
    return new URL(pageHref()).searchParams.get(name);
  } catch {
    return null;
  }
}

/**
 * What a server-rendered element was rendered from, as a short hash: its observed attributes and
 * the language it spoke. The server writes it at the start of the shadow root
 * (`<!--newsroom:…-->`); an element whose inputs differ when its code arrives (a host script set
 * an attribute or a `lang` meanwhile) renders afresh, since hydrating would keep the server's
 * text. A hash, so no attribute value ever lands in the comment.
 */
export function renderedFrom(attribute: (name: string) => string | null | undefined, observed: readonly string[], locale: string): string {
  let text = locale;
  for (const name of observed) {
    const value = attribute(name);
    if (value != null) text += `\n${name}=${value}`;
  }
  let hash = 0x811c9dc5; // FNV-1a
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return 'newsroom:' + (hash >>> 0).toString(36);
}
