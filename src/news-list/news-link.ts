import { html, nothing } from 'lit';
import { emit } from '../core/events.js';
import type { NewsItem } from '../core/model.js';
import { isExternal } from '../core/safe-url.js';

/** A plain click: Ctrl/Cmd/Shift/Alt and middle clicks open tabs and windows, left to the browser. */
export const plainClick = (event: MouseEvent): boolean =>
  !(event.button || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey);

/**
 * An item's title: a link when it has an address, plain text otherwise. A plain click first
 * announces a cancelable `news-select`; a host that cancels it routes in-page instead.
 */
export function newsLink(host: HTMLElement, item: NewsItem, href: string | undefined) {
  if (!href) return html`<span part="title">${item.title}</span>`;
  return html`<a part="title link" href=${href} rel=${isExternal(href) ? 'noopener noreferrer' : nothing}
    @click=${(event: MouseEvent) => {
      if (plainClick(event) && !emit(host, 'news-select', { item }, true)) event.preventDefault();
    }}>${item.title}</a>`;
}
