import { html, nothing } from 'lit';
import { emit } from '../core/element/events.js';
import type { NewsItem } from '../core/data/model.js';
import { isExternal, pagePath } from '../core/security/safe-url.js';

/** A plain click: Ctrl/Cmd/Shift/Alt and middle clicks open tabs and windows, left to the browser. */
export const plainClick = (event: MouseEvent): boolean =>
  !(event.button || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey);

/** An item's title: a link when it has an address, plain text otherwise. */
export const newsLink = (title: string, href: string | undefined) =>
  href
    ? html`<a part="title link" href=${pagePath(href)} rel=${isExternal(href) ? 'noopener noreferrer' : nothing}>${title}</a>`
    : html`<span part="title">${title}</span>`;

/**
 * The click listener for a block of titles (`newsLink`), in the order of `items`, whose only links
 * are the titles': a plain click on one first announces a cancelable `news-select` with its item;
 * a host that cancels it routes in-page. One listener for the block rather than one per link: a
 * list of 1,000 items renders without adding 1,000 listeners.
 */
export const selectOnClick =
  (host: HTMLElement, items: () => readonly NewsItem[]) =>
  (event: MouseEvent): void => {
    const titles = [...(event.currentTarget as Element).querySelectorAll('[part~=title]')];
    const item = items()[titles.indexOf((event.target as Element).closest('a')!)];
    if (item && plainClick(event) && !emit(host, 'news-select', { item }, true)) event.preventDefault();
  };
