import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { property, state } from 'lit/decorators.js';
import { format, type Messages } from '../core/locale/locale.js';
import type { MenuItem } from '../core/data/model.js';
import { headingTag } from '../core/ui/heading.js';
import { ContentElement } from '../core/element/content-element.js';
import { rovingFocus } from '../core/ui/roving-focus.js';
import { pageHref } from '../core/page/address.js';
import { PageAddressController } from '../core/page/address-controller.js';
import { contentLink } from '../core/ui/link.js';
import { skeletonLines } from '../core/ui/skeleton.js';
import { findTrail } from './current-page.js';
import { siteOf } from '../core/data/site-format.js';

export type SiteNavVariant = 'bar' | 'side' | 'footer' | 'breadcrumb';

const messages: Messages<{
  menu: string;
  main: string;
  footer: string;
  links: string;
  breadcrumb: string;
  submenu: string;
}> = {
  en: {
    menu: 'Menu',
    main: 'Main menu',
    footer: 'Footer menu',
    links: 'Friendly links',
    breadcrumb: 'Breadcrumb',
    submenu: '{label} submenu',
  },
  'zh-CN': {
    menu: '菜单',
    main: '主菜单',
    footer: '页脚菜单',
    links: '友情链接',
    breadcrumb: '当前位置',
    submenu: '{label}子菜单',
  },
};

const NO_ITEMS: MenuItem[] = [];

/** The links and toggles of one list's own entries, in order. */
const controlsOf = (list: Element | null): HTMLElement[] =>
  list ? [...list.querySelectorAll<HTMLElement>(':scope > li > a, :scope > li > button')] : [];

/**
 * A menu from `site.json`: the header bar with drop-down sub-menus, a section's side menu, an
 * inline footer list or the breadcrumb trail, with the current page marked `aria-current="page"`.
 * The bar follows the WAI-ARIA disclosure navigation pattern (a link and a toggle button per
 * entry with a sub-menu; Escape closes and returns focus; arrow keys supplement Tab) and
 * collapses to one "Menu" button when the element is 48rem (768px) wide or less. Sub-menus are
 * rendered only while open, so menus of thousands of entries stay fast.
 *
 * @fires {CustomEvent<NewsroomLoadDetail>} newsroom-load - `site.json` loaded (detail `{ src, data }`).
 * @fires {CustomEvent<NewsroomErrorDetail>} newsroom-error - `site.json` failed to load (detail `{ src, error }`).
 * @csspart nav - The navigation landmark.
 * @csspart heading - The side menu's section title, or the footer's `heading`.
 * @csspart list - The top-level list (an `ol` in the breadcrumb).
 * @csspart item - One entry; also `active` when it holds the current page.
 * @csspart link - An entry's link; also `current` for the current page.
 * @csspart active - Added to an `item` that holds the current page (itself or in its sub-menu).
 * @csspart current - Added to the `link` of the current page.
 * @csspart label - An entry without a usable address, shown as text.
 * @csspart toggle - The button that opens an entry's sub-menu.
 * @csspart submenu - A sub-menu list.
 * @csspart menu-toggle - The single "Menu" button of the collapsed bar.
 * @csspart error - The error panel.
 * @csspart retry - The error panel's retry button.
 * @cssprop --newsroom-accent - The bar's background, links, the current page.
 * @cssprop --newsroom-accent-text - Text on the bar.
 * @cssprop --newsroom-surface - Drop-down and hover background.
 * @cssprop --newsroom-border - Separators and drop-down border.
 * @cssprop --newsroom-muted - Breadcrumb and footer separators.
 * @cssprop --newsroom-radius - Corner radius.
 * @cssprop --newsroom-font - Font family.
 * @cssprop [--newsroom-width=60rem] - The width asked for where the page leaves it to the content (a flex row, an `auto` grid column).
 *
 * @tagname site-nav
 */
export class SiteNav extends ContentElement {
  static override loadStyles = () => import('./site-nav.styles.js');

  /** Which menu of `site.json` to show (`main`, `footer`, `links`, or any other name). */
  @property() menu = 'main';

  /** `bar` (header menu), `side` (the current section's pages), `footer` (inline list) or `breadcrumb`. */
  @property() variant: SiteNavVariant = 'bar';

  /** The current page's path or URL; defaults to the page's address. */
  @property() current?: string;

  /** The navigation landmark's accessible name; each variant has a localized default. */
  @property() label?: string;

  /** A visible title: the side menu's (default: the section's label) or the footer list's (default: none). */
  @property() heading?: string;

  /** Ids of the open sub-menus: positions down the tree (`3-0` is the 4th entry's 1st child). */
  @state() private open = new Set<string>();

  /** The collapsed bar's menu is showing. */
  @state() private menuOpen = false;

  /** A top-level sub-menu opened by the mouse hovering, not by a click. */
  private hovered?: string;
  /** The menu's entries and the path from its top to the current page's entry, derived in `willUpdate`. */
  private items = NO_ITEMS;
  private trail: MenuItem[] = [];
  /** The current page the trail was found for. */
  private here?: string;

  // Back / forward may move the current page (unless `current` names it): found again on update.
  protected readonly address = new PageAddressController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('pointerdown', this.onDocumentPointerDown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.onDocumentPointerDown);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const response = this.content.response;
    const items = (response && siteOf(response).menus[this.menu]) || NO_ITEMS;
    const here = this.current || pageHref().split('#')[0];
    // Ids are positions: new data or another menu starts closed.
    if (items !== this.items && this.open.size) this.open = new Set();
    // Found again only when the menu or the page changes: a menu can have thousands of entries.
    if (items !== this.items || here !== this.here) {
      this.items = items;
      this.here = here;
      this.trail = findTrail(items, here);
    }
  }

  override render() {
    return this.content.render({
      pending: () => this.renderSkeleton(),
      error: (error) => this.renderError(error),
      complete: () => this.renderMenu(),
    });
  }

  private renderMenu() {
    const { items, trail, variant, label, heading } = this;
    const text = messages[this.resolvedLocale];
    if (!items.length) return nothing;
    if (variant === 'breadcrumb') {
      const crumbs = trail[0] === items[0] ? trail : [items[0], ...trail];
      return html`<nav part="nav" class="breadcrumb" aria-label=${label || text.breadcrumb}>
        <ol part="list">${crumbs.map((item) => this.renderItem(item, false, 'item'))}</ol>
      </nav>`;
    }
    if (variant === 'side' || variant === 'footer') {
      const side = variant === 'side';
      const section = trail[0];
      if (side && !section) return nothing;
      // The side menu is named by its heading; the footer by its heading when it has one, else by its menu.
      const name = label || (side || heading ? undefined : this.menu === 'links' ? text.links : text.footer);
      // A section without sub-pages lists itself, so the column still offers its link.
      const entries = side ? (section.children.length ? section.children : [section]) : items;
      const tag = headingTag(this.headingLevel, 2);
      // The side menu's title defaults to its section's label; the footer has one only when given.
      const title =
        side || heading ? staticHtml`<${tag} id="heading" class="heading" part="heading">${heading || section.label}</${tag}>` : nothing;
      return html`<nav part="nav" class=${variant} aria-label=${name || nothing} aria-labelledby=${name ? nothing : 'heading'}>
        ${title}
        <ul part="list">${entries.map((item) => this.renderItem(item, side))}</ul>
      </nav>`;
    }
    return html`<nav part="nav" class="bar" aria-label=${label || text.main} @keydown=${this.onKeydown} @focusout=${this.onFocusOut}>
      <button type="button" part="menu-toggle" class="menu-toggle" aria-expanded=${this.menuOpen ? 'true' : 'false'} aria-controls="tree"
        @click=${() => (this.menuOpen = !this.menuOpen)}><span class="burger" aria-hidden="true"></span>${text.menu}</button>
      <ul id="tree" part="list" class=${this.menuOpen ? 'tree open' : 'tree'}>
        ${items.map((item, i) => this.renderTreeItem(item, String(i)))}
      </ul>
    </nav>`;
  }

  /** An entry's link (or its label as text when it has no safe address). */
  private entry(item: MenuItem) {
    const current = item === this.trail[this.trail.length - 1];
    if (!item.href) return html`<span part="label">${item.label}</span>`;
    return contentLink(item.href, item.label, this.resolvedLocale, current ? 'link current' : 'link', current);
  }

  /**
   * An entry without a toggle: the side menu shows the sub-pages of the branch holding the
   * current page (`deep`); the footer, the breadcrumb and the bar's entries without sub-menus none.
   */
  private renderItem(item: MenuItem, deep: boolean, part = this.trail.includes(item) ? 'item active' : 'item'): TemplateResult {
    const sub =
      deep && item.children.length && this.trail.includes(item)
        ? html`<ul part="submenu">${item.children.map((child) => this.renderItem(child, true))}</ul>`
        : nothing;
    // No white space around the entry: the footer and the breadcrumb are inline lists.
    return html`<li part=${part}>${this.entry(item)}${sub}</li>`;
  }

  private renderTreeItem(item: MenuItem, id: string): TemplateResult {
    const part = this.trail.includes(item) ? 'item active' : 'item';
    if (!item.children.length) return this.renderItem(item, false, part);
    const open = this.open.has(id);
    const label = item.href
      ? html`<span class="visually-hidden">${format(messages[this.resolvedLocale].submenu, { label: item.label })}</span>`
      : item.label;
    return html`<li part=${part} data-id=${id} @pointerenter=${this.onPointerEnter}
      @pointerleave=${this.onPointerLeave}>
      ${item.href ? this.entry(item) : nothing}
      <button type="button" part="toggle" class=${item.href ? 'toggle' : 'toggle labelled'} aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${'sub-' + id} @click=${() => this.toggle(id)}
        >${label}<span class="chevron" aria-hidden="true"></span></button>
      <ul id=${'sub-' + id} part="submenu" ?hidden=${!open}>
        ${open ? item.children.map((child, i) => this.renderTreeItem(child, `${id}-${i}`)) : nothing}
      </ul>
    </li>`;
  }

  private get narrow(): boolean {
    const toggle = this.renderRoot.querySelector('.menu-toggle');
    return !!toggle && getComputedStyle(toggle).display !== 'none';
  }

  private setOpen(id: string, open: boolean): void {
    const top = !id.includes('-');
    // One top-level sub-menu at a time; closing a sub-menu closes the ones inside it.
    const next = new Set(open && top ? [] : [...this.open].filter((other) => other !== id && !other.startsWith(id + '-')));
    if (open) next.add(id);
    this.open = next;
  }

  private toggle(id: string): void {
    // A click on a sub-menu the mouse just opened keeps it open rather than closing it under the pointer.
    if (this.hovered === id) this.hovered = undefined;
    else this.setOpen(id, !this.open.has(id));
  }

  private closeAll(): void {
    this.hovered = undefined;
    if (this.open.size) this.open = new Set();
    this.menuOpen = false;
  }

  private onPointerEnter(event: PointerEvent): void {
    const id = (event.currentTarget as HTMLElement).dataset.id!;
    if (event.pointerType !== 'mouse' || id.includes('-') || this.open.has(id) || this.narrow) return;
    this.setOpen(id, true);
    this.hovered = id;
  }

  private onPointerLeave(event: PointerEvent): void {
    const item = event.currentTarget as HTMLElement;
    if (this.hovered !== item.dataset.id || item.matches(':focus-within')) return;
    this.hovered = undefined;
    this.setOpen(item.dataset.id!, false);
  }

  private onFocusOut(event: FocusEvent): void {
    const to = event.relatedTarget as Node | null;
    // `null` means the window lost focus or a click landed on nothing focusable: keep the menu.
    if (to && !(event.currentTarget as Node).contains(to)) this.closeAll();
  }

  private readonly onDocumentPointerDown = (event: Event): void => {
    if ((this.open.size || this.menuOpen) && !event.composedPath().includes(this)) this.closeAll();
  };

  private onKeydown(event: KeyboardEvent): void {
    const target = event.composedPath()[0] as HTMLElement;
    if (event.key === 'Escape') return this.escape(target, event);
    if (!/^(Arrow|Home$|End$)/.test(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
    const list = target.closest('li')?.parentElement;
    if (!list) return;
    const horizontal = list.id === 'tree' && !this.narrow;
    // Down on a top-level toggle of the bar opens its sub-menu and moves into it.
    if (horizontal && event.key === 'ArrowDown' && target.matches('[part=toggle]')) {
      event.preventDefault();
      const id = target.getAttribute('aria-controls')!.slice(4);
      this.setOpen(id, true);
      void this.updateComplete.then(() => controlsOf(this.renderRoot.querySelector(`#sub-${id}`))[0]?.focus());
      return;
    }
    rovingFocus(event, controlsOf(list), target, horizontal ? 'ArrowLeft' : 'ArrowUp', horizontal ? 'ArrowRight' : 'ArrowDown');
  }

  /** Escape closes the innermost open sub-menu around the focus (else the collapsed bar's menu) and returns focus to its toggle. */
  private escape(target: HTMLElement, event: KeyboardEvent): void {
    const ownList = target.matches('[part=toggle][aria-expanded=true]') ? target.getAttribute('aria-controls') : undefined;
    const id = ownList ?? target.closest('ul[id^="sub-"]')?.id;
    const toggle = id ? `[aria-controls="${id}"]` : this.menuOpen && this.narrow ? '.menu-toggle' : undefined;
    if (!toggle) return;
    event.preventDefault();
    if (id) {
      this.hovered = undefined;
      this.setOpen(id.slice(4), false);
    } else this.menuOpen = false;
    this.renderRoot.querySelector<HTMLElement>(toggle)?.focus();
  }

  private renderSkeleton() {
    const side = this.variant === 'side';
    const inline = this.variant === 'footer' || this.variant === 'breadcrumb';
    return html`<div class=${inline ? 'skeleton-lines inline' : side ? 'skeleton-lines' : 'skeleton-bar'} aria-hidden="true">
      ${skeletonLines(side ? 4 : 1)}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'site-nav': SiteNav;
  }
}
