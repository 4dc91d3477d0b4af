import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { property, state } from 'lit/decorators.js';
import type { ContentResponse } from '../core/content-client.js';
import { format, type Messages } from '../core/locale.js';
import type { MenuItem } from '../core/model.js';
import { headingTag } from '../core/heading.js';
import { NewsroomElement } from '../core/newsroom-element.js';
import { pageHref } from '../core/page.js';
import { contentLink } from '../core/link.js';
import { baseStyles, containerStyles, skeletonLines } from '../core/styles.js';
import { findTrail } from './current-page.js';
import { siteOf } from './site-data.js';
import { styles } from './site-nav.styles.js';

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

const NAV_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End']);

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
export class SiteNav extends NewsroomElement {
  static override styles = [baseStyles, containerStyles, styles];

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
  private located?: { items: MenuItem[]; current: string; trail: MenuItem[] };
  private shown?: ContentResponse;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('pointerdown', this.onDocumentPointerDown);
    window.addEventListener('popstate', this.onNavigate);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.onDocumentPointerDown);
    window.removeEventListener('popstate', this.onNavigate);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Ids are positions: new data or another menu starts closed.
    if (this.content.response !== this.shown || changed.has('menu')) {
      this.shown = this.content.response;
      if (this.open.size) this.open = new Set();
    }
  }

  private get text() {
    return messages[this.resolvedLocale];
  }

  override render() {
    return this.content.render({
      pending: () => this.renderSkeleton(),
      error: (error) => this.renderError(error),
      complete: (response) => this.renderMenu(response),
    });
  }

  private renderMenu(response: ContentResponse) {
    const items = siteOf(response).menus[this.menu] ?? [];
    if (!items.length) return nothing;
    const trail = this.trail(items);
    switch (this.variant) {
      case 'side':
        return this.renderSide(trail);
      case 'footer':
        return this.renderFooter(items, trail);
      case 'breadcrumb':
        return this.renderBreadcrumb(items, trail);
      default:
        return this.renderBar(items, trail);
    }
  }

  /** The path from the top of the menu to the current page's entry, recomputed only when either changes. */
  private trail(items: MenuItem[]): MenuItem[] {
    const current = this.current || pageHref().split('#')[0];
    if (this.located?.items !== items || this.located.current !== current) {
      this.located = { items, current, trail: findTrail(items, current) };
    }
    return this.located.trail;
  }

  /** An entry's link (or its label as text when it has no safe address). */
  private entry(item: MenuItem, trail: MenuItem[]) {
    const current = item === trail[trail.length - 1];
    if (!item.href) return html`<span part="label">${item.label}</span>`;
    return contentLink(item.href, item.label, this.resolvedLocale, current ? 'link current' : 'link', current);
  }

  private itemPart(item: MenuItem, trail: MenuItem[]): string {
    return trail.includes(item) ? 'item active' : 'item';
  }

  // ---------------------------------------------------------------- bar

  private renderBar(items: MenuItem[], trail: MenuItem[]) {
    return html`<nav part="nav" class="bar" aria-label=${this.label || this.text.main} @keydown=${this.onKeydown} @focusout=${this.onFocusOut}>
      <button type="button" part="menu-toggle" class="menu-toggle" aria-expanded=${this.menuOpen ? 'true' : 'false'} aria-controls="tree"
        @click=${this.toggleMenu}><span class="burger" aria-hidden="true"></span>${this.text.menu}</button>
      <ul id="tree" part="list" class=${this.menuOpen ? 'tree open' : 'tree'}>
        ${items.map((item, i) => this.renderTreeItem(item, String(i), trail))}
      </ul>
    </nav>`;
  }

  private renderHeading(text: string) {
    const tag = headingTag(this.headingLevel, 2);
    return staticHtml`<${tag} id="heading" class="heading" part="heading">${text}</${tag}>`;
  }

  private renderTreeItem(item: MenuItem, id: string, trail: MenuItem[]): TemplateResult {
    if (!item.children.length) return html`<li part=${this.itemPart(item, trail)}>${this.entry(item, trail)}</li>`;
    const open = this.open.has(id);
    return html`<li part=${this.itemPart(item, trail)} data-id=${id} @pointerenter=${this.onPointerEnter} @pointerleave=${this.onPointerLeave}>
      ${item.href ? this.entry(item, trail) : nothing}
      <button type="button" part="toggle" class=${item.href ? 'toggle' : 'toggle labelled'} aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${'sub-' + id} @click=${() => this.toggle(id)}
        >${item.href ? html`<span class="visually-hidden">${format(this.text.submenu, { label: item.label })}</span>` : item.label}<span
          class="chevron" aria-hidden="true"></span></button>
      <ul id=${'sub-' + id} part="submenu" ?hidden=${!open}>
        ${open ? item.children.map((child, i) => this.renderTreeItem(child, `${id}-${i}`, trail)) : nothing}
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
    if (this.hovered === id) {
      this.hovered = undefined;
      return;
    }
    this.setOpen(id, !this.open.has(id));
  }

  private readonly toggleMenu = (): void => {
    this.menuOpen = !this.menuOpen;
  };

  private closeAll(): void {
    this.hovered = undefined;
    if (this.open.size) this.open = new Set();
    this.menuOpen = false;
  }

  private readonly onPointerEnter = (event: PointerEvent): void => {
    const id = (event.currentTarget as HTMLElement).dataset.id!;
    if (event.pointerType !== 'mouse' || id.includes('-') || this.open.has(id) || this.narrow) return;
    this.setOpen(id, true);
    this.hovered = id;
  };

  private readonly onPointerLeave = (event: PointerEvent): void => {
    const item = event.currentTarget as HTMLElement;
    if (this.hovered !== item.dataset.id || item.matches(':focus-within')) return;
    this.hovered = undefined;
    this.setOpen(item.dataset.id!, false);
  };

  private readonly onFocusOut = (event: FocusEvent): void => {
    const to = event.relatedTarget as Node | null;
    // `null` means the window lost focus or a click landed on nothing focusable: keep the menu.
    if (to && !(event.currentTarget as Node).contains(to)) this.closeAll();
  };

  private readonly onDocumentPointerDown = (event: Event): void => {
    if ((this.open.size || this.menuOpen) && !event.composedPath().includes(this)) this.closeAll();
  };

  private readonly onNavigate = (): void => {
    if (!this.current) this.requestUpdate();
  };

  private readonly onKeydown = (event: KeyboardEvent): void => {
    const target = event.composedPath()[0] as HTMLElement;
    if (event.key === 'Escape') {
      this.escape(target, event);
      return;
    }
    if (!NAV_KEYS.has(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
    const list = target.closest('li')?.parentElement;
    if (!list) return;
    const horizontal = list.id === 'tree' && !this.narrow;
    // Down on a top-level toggle of the bar opens its sub-menu and moves into it.
    if (horizontal && event.key === 'ArrowDown' && target.matches('[part=toggle]')) {
      event.preventDefault();
      const id = target.getAttribute('aria-controls')!.slice(4);
      this.setOpen(id, true);
      void this.updateComplete.then(() => this.controls(this.renderRoot.querySelector(`#sub-${id}`))[0]?.focus());
      return;
    }
    const controls = this.controls(list);
    const index = controls.indexOf(target);
    if (index < 0) return;
    const [back, forward] = horizontal ? ['ArrowLeft', 'ArrowRight'] : ['ArrowUp', 'ArrowDown'];
    const to = { [back]: index - 1, [forward]: index + 1, Home: 0, End: controls.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    controls[(to + controls.length) % controls.length].focus();
  };

  /** The links and toggles of one list's own entries, in order. */
  private controls(list: Element | null): HTMLElement[] {
    return list ? [...list.querySelectorAll<HTMLElement>(':scope > li > a, :scope > li > button')] : [];
  }

  /** Escape closes the innermost open sub-menu around the focus and returns focus to its toggle. */
  private escape(target: HTMLElement, event: KeyboardEvent): void {
    const ownList = target.matches('[part=toggle][aria-expanded=true]') ? target.getAttribute('aria-controls') : undefined;
    const id = ownList ?? target.closest('ul[id^="sub-"]')?.id;
    if (id) {
      event.preventDefault();
      this.hovered = undefined;
      this.setOpen(id.slice(4), false);
      this.renderRoot.querySelector<HTMLElement>(`[aria-controls="${id}"]`)?.focus();
    } else if (this.menuOpen && this.narrow) {
      event.preventDefault();
      this.menuOpen = false;
      this.renderRoot.querySelector<HTMLElement>('.menu-toggle')?.focus();
    }
  }

  // ---------------------------------------------------------------- side, footer, breadcrumb

  private renderSide(trail: MenuItem[]) {
    const section = trail[0];
    if (!section) return nothing;
    return html`<nav part="nav" class="side" aria-labelledby=${this.label ? nothing : 'heading'} aria-label=${this.label || nothing}>
      ${this.renderHeading(this.heading || section.label)}
      <ul part="list">${(section.children.length ? section.children : [section]).map((item) => this.renderBranch(item, trail))}</ul>
    </nav>`;
  }

  /** A side-menu entry; only the branch holding the current page shows its sub-pages. A section
   * without sub-pages lists itself, so the column still offers its link. */
  private renderBranch(item: MenuItem, trail: MenuItem[]): TemplateResult {
    const open = item.children.length > 0 && trail.includes(item);
    return html`<li part=${this.itemPart(item, trail)}>
      ${this.entry(item, trail)}
      ${open ? html`<ul part="submenu">${item.children.map((child) => this.renderBranch(child, trail))}</ul>` : nothing}
    </li>`;
  }

  private renderFooter(items: MenuItem[], trail: MenuItem[]) {
    const named = this.label || this.heading ? this.label : this.menu === 'links' ? this.text.links : this.text.footer;
    return html`<nav part="nav" class="footer" aria-label=${named || nothing} aria-labelledby=${named ? nothing : 'heading'}>
      ${this.heading ? this.renderHeading(this.heading) : nothing}
      <ul part="list">${items.map((item) => html`<li part=${this.itemPart(item, trail)}>${this.entry(item, trail)}</li>`)}</ul>
    </nav>`;
  }

  private renderBreadcrumb(items: MenuItem[], trail: MenuItem[]) {
    const crumbs = trail[0] === items[0] ? trail : [items[0], ...trail];
    return html`<nav part="nav" class="breadcrumb" aria-label=${this.label || this.text.breadcrumb}>
      <ol part="list">${crumbs.map((item) => html`<li part="item">${this.entry(item, trail)}</li>`)}</ol>
    </nav>`;
  }

  private renderSkeleton() {
    const lines = this.variant === 'side' ? 4 : 1;
    const kind =
      this.variant === 'footer' || this.variant === 'breadcrumb' ? 'skeleton-lines inline' : lines > 1 ? 'skeleton-lines' : 'skeleton-bar';
    return html`<div class=${kind} aria-hidden="true">
      ${skeletonLines(lines)}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'site-nav': SiteNav;
  }
}
