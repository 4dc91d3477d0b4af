import { html, nothing } from 'lit';

/**
 * How a quiet button is found: by a `part` (message-form's, public for `::part()` styling), or
 * by a `data-action` only (news-article's tool buttons, styled together, found by scripts).
 */
export type QuietButtonHook = { part: string; action?: never } | { action: string; part?: never };

/**
 * A low-key text button, as the article tools and the form's second actions draw it. One that
 * only script can work is drawn `waiting` (disabled, its place kept unseen by the element's
 * styles) until the element runs in the browser (`HydratingElement.live`).
 */
export const quietButton = (label: string, onClick: (event: Event) => void, { part, action }: QuietButtonHook, waiting = false) =>
  html`<button class="button quiet ${waiting ? 'waiting' : ''}" type="button" part=${part ?? nothing} data-action=${action ?? nothing} ?disabled=${waiting} @click=${onClick}>${label}</button>`;
