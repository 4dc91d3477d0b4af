import { html, nothing } from 'lit';

/**
 * How a quiet button is found: by a `part` (message-form's, public for `::part()` styling), or
 * by a `data-action` only (news-article's tool buttons, styled together, found by scripts).
 */
export type QuietButtonHook = { part: string; action?: never } | { action: string; part?: never };

/** A low-key text button, as the article tools and the form's second actions draw it. */
export const quietButton = (label: string, onClick: (event: Event) => void, { part, action }: QuietButtonHook) =>
  html`<button class="button quiet" type="button" part=${part ?? nothing} data-action=${action ?? nothing} @click=${onClick}>${label}</button>`;
