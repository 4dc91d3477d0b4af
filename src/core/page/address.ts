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

/** A query parameter of the page's address (`?id=`, `?page=`). */
export function pageParam(name: string): string | null {
  try {
    return new URL(pageHref()).searchParams.get(name);
  } catch {
    return null;
  }
}
