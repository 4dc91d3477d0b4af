import { html, nothing } from 'lit';
import { emit } from '../core/events.js';
import type { NewsItem } from '../core/model.js';
import { isExternal } from '../core/safe-url.js';

/** A plain click: Ctrl/Cmd/Shift/Alt and middle clicks open tabs and windows, left to the browser. */
export const plainClick = (event: MouseEvent): boolean =>
  !(event.button || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey);

/** An item's title: a link when it has an address, plain text otherwise. */
export const newsLink = (title: string, href: string | undefined) =>
  href
    ? html`<a part="title link" href=${href} rel=${isExternal(href) ? 'noopener noreferrer' : nothing}>${title}</a>`
    : html`<span part="title">${title}</span>`;

/**
 * The click listener for a block of titles (`newsLink`), in the order of `items`: a plain click
 * on a title link first announces a cancelable `news-select` with its item; a host that cancels
 * it routes in-page. One listener for the block rather than one per link: a list of 1,000 items
 * renders without adding 1,000 listeners.
 */
export const selectOnClick =
  (host: HTMLElement, items: () => readonly NewsItem[]) =>
  (event: MouseEvent): void => {
    const block = event.currentTarget as Element;
    const link = (event.target as Element).closest?.('a[part~="link"]');
    if (!link || !block.contains(link) || !plainClick(event)) return;
    const item = items()[[...block.querySelectorAll('[part~="title"]')].indexOf(link)];
    if (item && !emit(host, 'news-select', { item }, true)) event.preventDefault();
  };
