// Lit's hydration support must load before LitElement: server-rendered elements keep their DOM.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
/** Registers `tag` unless the page already has it (two copies of the bundle must not throw). */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  // `customElements` is missing in Node without Lit's DOM shim: nothing to register there.
  if (typeof customElements !== 'undefined' && !customElements.get(tag)) customElements.define(tag, element);
}
