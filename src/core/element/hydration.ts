/** Server-rendered elements: how the browser recognises one, and what the server stamps on it. */

/**
 * True for an element whose shadow root came with the page (declarative shadow DOM from the
 * server). Its first render must match the server's exactly, so browser-only extras (native
 * share, clipboard buttons, a restored draft) wait for the second.
 */
export function cameFromServer(element: HTMLElement): boolean {
  return typeof ShadowRoot !== 'undefined' && element.shadowRoot instanceof ShadowRoot;
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
