import { html, nothing } from 'lit';
import type { Locale } from '../locale/locale.js';
import { isExternal, pagePath } from '../security/safe-url.js';

const NEW_TAB: Record<Locale, string> = { en: '(opens in a new tab)', 'zh-CN': '（在新标签页打开）' };

/**
 * A link to an address from content (already through `safeUrl`): one to another origin opens in
 * a new tab without access to this page (`noopener noreferrer`), and says so to screen readers.
 */
export function contentLink(href: string, label: unknown, locale: Locale, part = 'link', current = false) {
  const external = isExternal(href);
  return html`<a part=${part} href=${pagePath(href)} aria-current=${current ? 'page' : nothing} target=${external ? '_blank' : nothing}
    rel=${external ? 'noopener noreferrer' : nothing}
    >${label}${external ? html`<span class="visually-hidden"> ${NEW_TAB[locale]}</span>` : nothing}</a>`;
}
