/** Registers `tag` unless the page already has it (two copies of the bundle must not throw). */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
