// Every registering module imports this one first. Lit's hydration support must load before
// LitElement is defined, or server-rendered elements would render their content a second time
// after the server's; importing it here, once, puts it ahead of Lit in every registering module.
// The side-effect-free class modules never import it: a host that registers a class itself
// imports the support, or a registering module, first.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
/** Registers `tag` unless the page already has it (two copies of the bundle must not throw). */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  // `customElements` is missing in Node without Lit's DOM shim: nothing to register there.
  if (typeof customElements !== 'undefined' && !customElements.get(tag)) customElements.define(tag, element);
}
