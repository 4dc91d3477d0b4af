import { html, nothing } from 'lit';
import { emit } from '../core/events.js';
import type { NewsItem } from '../core/model.js';
import { isExternal } from '../core/safe-url.js';

/**
 * An item's title: a link when it has an address, plain text otherwise. A plain click first
 * announces a cancelable `news-select`; a host that cancels it routes in-page instead.
 */
export function newsLink(host: HTMLElement, item: NewsItem, href: string | undefined) {
  if (!href) return html`<span part="title">${item.title}</span>`;
  return html`<a part="title link" href=${href} rel=${isExternal(href) ? 'noopener noreferrer' : nothing}
    @click=${(event: MouseEvent) => select(event, host, item)}>${item.title}</a>`;
}

function select(event: MouseEvent, host: HTMLElement, item: NewsItem): void {
  // Ctrl/Cmd/Shift/middle clicks open tabs and windows: leave them to the browser.
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  if (!emit(host, 'news-select', { item }, true)) event.preventDefault();
}
