/**
 * Server-rendered elements, in one place: how the server stamps the shadow root it writes, how
 * the browser recognises such a root, and whether an element may hydrate it.
 */
import { LitElement } from 'lit';
import { resolveLocale } from '../locale/locale.js';

/**
 * True for an element whose shadow root came with the page (declarative shadow DOM from the
 * server). Its first render must match the server's exactly, so browser-only extras (native
 * share, clipboard buttons, a restored draft) wait for the second.
 */
export function cameFromServer(element: HTMLElement): boolean {
  return typeof ShadowRoot !== 'undefined' && element.shadowRoot instanceof ShadowRoot;
}

/**
 * What an element was rendered from, as a short hash: its observed attributes and the language
 * it spoke. A hash, so no attribute value ever lands in the page's comment.
 */
function renderedFrom(attribute: (name: string) => string | null | undefined, observed: readonly string[], locale: string): string {
  let text = locale;
  for (const name of observed) {
    const value = attribute(name);
    if (value != null) text += `\n${name}=${value}`;
  }
  let hash = 0x811c9dc5; // FNV-1a
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return 'newsroom:' + (hash >>> 0).toString(36);
}

/**
 * The stamp the server writes at the start of a rendered shadow root (`<!--newsroom:…-->`), from
 * the page's attributes of the element and the language it rendered in. An element whose inputs
 * differ when its code arrives (a host script set an attribute or a `lang` meanwhile) renders
 * afresh, since hydrating would keep the server's text.
 */
export function hydrationStamp(element: typeof LitElement, attribute: (name: string) => string | null | undefined, locale: string): string {
  return `<!--${renderedFrom(attribute, element.observedAttributes, locale)}-->`;
}

/** What `cannotHydrate` reads of an element. */
export interface HydrationCandidate extends HTMLElement {
  locale?: string;
}

/**
 * May `element` hydrate the shadow root the server rendered? The reason it may not, if any.
 * Hydrating keeps the server's DOM as it is, so it is only right when this element would render
 * the same: not when its attributes or language differ from the server's stamp, nor when
 * `givenEarly` (a script gave it other content before its code arrived); and without Lit's hydration
 * support applied, Lit would render after the server's DOM (everything twice).
 */
export function cannotHydrate(element: HydrationCandidate, givenEarly = false): string | undefined {
  // Lit exposes no flag for its hydration support (`@lit-labs/ssr-client/lit-element-hydrate-
  // support.js`). Applied, it redefines `LitElement.observedAttributes` as an own property (it adds
  // `defer-hydration`): the one sign of it that is the same in Lit's development and production
  // builds. It is missing when Lit was imported before the support (an app's own Lit components
  // came first), or when the lazy loader ran elements' code before a server-rendered one appeared.
  // Not a documented API: package.json pins @lit-labs/ssr-client to the minor version it was
  // checked with, and test/node/lit-hydrate-support.test.mjs fails if an update of Lit or of the
  // support loses the sign (or ReactiveElement's own createRenderRoot, which HydratingElement
  // calls to render afresh).
  if (!Object.hasOwn(LitElement, 'observedAttributes'))
    return "Lit's hydration support was not applied; import @lit-labs/ssr-client/lit-element-hydrate-support.js before lit";
  const stamp = [...element.shadowRoot!.childNodes].find(
    (node): node is Comment => node instanceof Comment && node.data.startsWith('newsroom:'),
  )?.data;
  // The language as LocaleController will resolve it; the provider's config is not here yet.
  const locale = resolveLocale(element.locale, element.closest('news-provider')?.getAttribute('locale'), element);
  const observed = (element.constructor as typeof LitElement).observedAttributes;
  if (stamp && stamp !== renderedFrom((name) => element.getAttribute(name), observed, locale))
    return 'its attributes or language changed before its code arrived';
  return givenEarly ? 'a script set its data before its code arrived' : undefined;
}
