/**
 * The lazy loader for server-rendered pages that are mostly read (`dist/loader-on-interaction.js`):
 * it loads as `dist/loader.js` does, but holds a server-rendered element's code back until a
 * visitor reaches for it. Until then the element is the server's HTML, its text and links
 * working; a page that is only read runs no element code at all. It reads the chunk set for
 * server-rendered pages only.
 *
 * ```html
 * <script type="module" src="https://cdn.jsdelivr.net/npm/newsroom-elements@0.1/dist/loader-on-interaction.js"></script>
 * ```
 *
 * What wakes an element (and loads its code, as the plain loader would, so every element of its
 * tag hydrates, each in a task of its own):
 * - a pointer over it (a mouse comes over it well before it clicks; a touch comes over it as it
 *   touches), or focus in it;
 * - a click: a button clicked before the element hydrated (which does nothing without code) is
 *   clicked again once it has; a link needs no code and is followed as it is, a submit button
 *   posts its form as a plain form;
 * - an attribute of it, or of an element around it (a provider's `base`, a `lang`), changed.
 *
 * A `message-form` is held back too: what a visitor types into it before its code comes is taken
 * over as it hydrates. But while a visitor's draft is stored, its code loads at once, to show it.
 *
 * Never held back: an element rendered in the browser (it has nothing to show without its code),
 * one the server could not fill (its source failed: it shows its skeleton, `aria-busy="true"`),
 * and an element with `hydrate="load"` on it or on an element around it (a
 * host script that listens to its events or waits for `customElements.whenDefined`, which
 * resolves only once the tag's code is here). A script that changes a held element in another
 * way (its `data`) removes a `hydrate` attribute, or sets one, first: that brings the code.
 */
import { discover, holdWith, request, requested } from './loader/watch.js';
import { draftStored } from './message-form/draft.js';

/** Server-rendered elements whose code waits for a visitor. */
const asleep = new Set<Element>();
// A pointer (mouse, pen or touch) comes over an element before it presses on it.
const REACH = ['pointerover', 'focusin', 'click'];

/** Watches the attributes of the elements asleep, and every `lang`. */
let changes: MutationObserver | undefined;

/** An attribute of an element asleep, or of one around it, changed: what it renders may differ. */
function changed(records: MutationRecord[]): void {
  for (const { target } of records) for (const element of asleep) if (target.contains(element)) wake(element);
}

function wake(element: Element): void {
  if (asleep.delete(element)) request(element);
}

function reached(event: Event): void {
  const element = event.currentTarget as Element & { hasUpdated?: boolean; updateComplete?: Promise<unknown> };
  element.removeEventListener(event.type, reached, true);
  wake(element);
  const button = event.type == 'click' && !element.hasUpdated && (event.composedPath()[0] as Element).closest('button');
  if (button && button.type == 'button')
    void customElements
      .whenDefined(element.localName)
      .then(() => element.updateComplete)
      // (Rendered afresh, the server's button is gone: clicking it does nothing.)
      .then(() => button.click());
}

holdWith((element) => {
  const tag = element.localName;
  if (
    element.closest('[hydrate]')?.getAttribute('hydrate') == 'load' ||
    (tag == 'message-form' && draftStored()) ||
    // Rendered in the browser, or its source failed on the server: nothing to show without its
    // code. (A server-rendered provider has a shadow root too: it waits with the elements in it,
    // which load it when they wake.)
    !element.shadowRoot ||
    element.getAttribute('aria-busy') == 'true' ||
    requested.has(tag)
  )
    return false;
  asleep.add(element);
  for (const type of REACH) element.addEventListener(type, reached, true);
  changes ??= new MutationObserver(changed);
  changes.observe(element, { attributes: true });
  changes.observe(document, { attributeFilter: ['lang'], subtree: true });
  return true;
});

if (typeof document !== 'undefined') discover(document);

export { discover };
