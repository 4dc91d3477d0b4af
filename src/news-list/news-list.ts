import { html, nothing, type PropertyValues } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { property, query } from 'lit/decorators.js';
import type { ContentResponse } from '../core/content-client.js';
import { normalizeList } from '../core/formats.js';
import { fillTemplate, formatDate, type Messages } from '../core/locale.js';
import type { Category, NewsItem, NewsList as NewsListData } from '../core/model.js';
import { headingTag } from '../core/heading.js';
import { NewsroomElement } from '../core/newsroom-element.js';
import { pageHref, pageParam } from '../core/page.js';
import { baseStyles, containerStyles, skeletonLines } from '../core/styles.js';
import { newsLink } from './news-link.js';
import { styles } from './news-list.styles.js';

export type NewsListLayout = 'list' | 'cards' | 'compact';

const messages: Messages<{
  heading: string;
  pageOf: string;
  all: string;
  categories: string;
  pages: string;
  previous: string;
  next: string;
  page: string;
  empty: string;
  emptyCategory: string;
}> = {
  en: {
    heading: 'News',
    pageOf: ' (page {page} of {pages})',
    all: 'All',
    categories: 'News categories',
    pages: 'Pages',
    previous: 'Previous',
    next: 'Next',
    page: 'Page {page}',
    empty: 'There is no news here yet.',
    emptyCategory: 'There is no news in this category yet.',
  },
  'zh-CN': {
    heading: '新闻',
    pageOf: '（第 {page} 页，共 {pages} 页）',
    all: '全部',
    categories: '新闻分类',
    pages: '分页',
    previous: '上一页',
    next: '下一页',
    page: '第 {page} 页',
    empty: '暂无新闻。',
    emptyCategory: '该分类下暂无新闻。',
  },
};

/** Query parameters the list adds when the server pages; stripped to tell which `src` a response answers. */
const PAGING_PARAMS = ['page', 'pageSize', 'per_page', 'category', 'categories'];

const positive = (value: number | undefined): number | undefined => (Number.isInteger(value) && value! > 0 ? value : undefined);

/** The page the address asks for (`?page=N`): a paged list opens on it, so its pager links work without script. */
const addressPage = (): number | undefined => positive(Number(pageParam('page')));

const withoutPaging = (url: string): string => {
  const parsed = new URL(url);
  for (const name of PAGING_PARAMS) parsed.searchParams.delete(name);
  return parsed.href;
};

/** Page numbers to offer: first, last and the neighbours of the current page; 0 marks a gap. */
export function pageNumbers(page: number, pages: number): number[] {
  const shown = [...new Set([1, page - 1, page, page + 1, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const out: number[] = [];
  for (const n of shown) {
    const last = out[out.length - 1];
    if (last !== undefined && n - last === 2) out.push(last + 1);
    else if (last !== undefined && n - last > 2) out.push(0);
    out.push(n);
  }
  return out;
}

/**
 * A list of news items with category tabs and pagination. Pages and filters in the browser when
 * the response holds every item; when its `total` says there is more, asks the server for each
 * page (`page`, `pageSize`, `category` query parameters, WordPress `page` / `per_page` /
 * `categories`, or a `{page}` / `{pageSize}` / `{category}` template in `src`).
 *
 * @fires {CustomEvent<NewsSelectDetail>} news-select - A visitor chose an item (detail `{ item }`); cancel it to route in-page.
 * @fires {CustomEvent<NewsroomLoadDetail>} newsroom-load - The list loaded (detail `{ src, data }`).
 * @fires {CustomEvent<NewsroomErrorDetail>} newsroom-error - The list failed to load (detail `{ src, error }`).
 * @csspart heading - The list heading (visually hidden unless `heading` is set); focused after a page change.
 * @csspart tabs - The category tab list (shown when the data has categories; hide it with `::part(tabs) { display: none }`).
 * @csspart tab - One category tab.
 * @csspart list - The list of items.
 * @csspart item - One news item.
 * @csspart image - An item's picture.
 * @csspart title - An item's title (also `link` when it is a link).
 * @csspart link - An item's title link.
 * @csspart date - An item's date.
 * @csspart summary - An item's summary.
 * @csspart empty - The message shown when there are no items.
 * @csspart pager - The page navigation.
 * @csspart page - A page button (previous, next and numbers).
 * @csspart error - The error panel.
 * @csspart retry - The error panel's retry button.
 * @cssprop --newsroom-accent - Links, the selected tab and the current page.
 * @cssprop --newsroom-text - Text colour.
 * @cssprop --newsroom-muted - Dates and summaries.
 * @cssprop --newsroom-border - Separators and card borders.
 * @cssprop --newsroom-surface - Card and skeleton background.
 * @cssprop --newsroom-radius - Corner radius of cards, tabs and buttons.
 * @cssprop --newsroom-spacing - Space between items.
 * @cssprop --newsroom-font - Font family.
 * @cssprop [--newsroom-width=40rem] - The width asked for where the page leaves it to the content (a flex row, an `auto` grid column).
 *
 * @tagname news-list
 */
export class NewsList extends NewsroomElement {
  static override styles = [baseStyles, containerStyles, styles];

  /** How items are laid out: `list` (title, date, summary, picture), `cards` (a grid) or `compact` (title and date). */
  @property({ reflect: true }) layout: NewsListLayout = 'list';

  /** The selected category id; empty for all. */
  @property() category = '';

  /** The page shown, from 1; defaults to the address's `?page=` (the pager's links set it). */
  @property({ type: Number }) page = addressPage() ?? 1;

  /** Items per page. */
  @property({ attribute: 'page-size', type: Number }) pageSize = 10;

  /** Show only the first `limit` items, with no pager (a home-page teaser). */
  @property({ type: Number }) limit?: number;

  /** Article link template, e.g. `article.html?id={id}`; wins over the items' own `url`. Defaults to the provider's. */
  @property({ attribute: 'article-href' }) articleHref?: string;

  /** A visible heading above the list. Without it the list still has a hidden one for screen readers. */
  @property() heading?: string;

  @query('#heading') private headingElement?: HTMLElement;

  private normalized?: { response: ContentResponse; list: NewsListData };
  /** The resolved `src` whose server has been seen to page (the mode sticks until `src` changes). */
  private serverPagedSrc?: string;
  private wordPress = false;
  /** How many items the server sent for `src` itself (its own default page size). */
  private firstPageCount = 0;
  private knownCategories: { src: string; categories: Category[] } = { src: '', categories: [] };

  private get size(): number {
    return positive(this.pageSize) ?? 10;
  }

  private get currentPage(): number {
    return positive(this.limit) ? 1 : (positive(this.page) ?? 1);
  }

  private get layoutName(): NewsListLayout {
    return this.layout === 'cards' || this.layout === 'compact' ? this.layout : 'list';
  }

  private get templated(): boolean {
    return /\{(page|category|pageSize)\}/.test(this.src);
  }

  private list(response: ContentResponse): NewsListData {
    if (this.normalized?.response !== response) this.normalized = { response, list: normalizeList(response) };
    return this.normalized.list;
  }

  /** True once a response for `src` said the server holds more items than it sent. */
  private serverPaged(src: string | undefined): boolean {
    if (this.templated) return true;
    if (!src) return false;
    if (this.serverPagedSrc === src) return true;
    const response = this.content.response;
    if (!response?.url || withoutPaging(response.url) !== withoutPaging(src)) return false;
    const list = this.list(response);
    if (list.total <= list.items.length) return false;
    this.serverPagedSrc = src;
    this.wordPress = Array.isArray(response.data);
    this.firstPageCount = list.items.length;
    return true;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.onPopState);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
  }

  // Back / forward through pages the pager pushed: the address says which page to show.
  private readonly onPopState = (): void => {
    if (!positive(this.limit)) this.page = addressPage() ?? 1;
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A new category starts at its first page, whoever changed it (a tab or the host page).
    if (this.hasUpdated && changed.has('category') && !changed.has('page')) this.page = 1;
  }

  protected override sourceUrl(): string | undefined {
    const page = this.currentPage;
    const category = this.category || undefined;
    if (this.templated) return this.resolveUrl(fillTemplate(this.src, { page, pageSize: this.size, category }));
    const src = this.resolveUrl(this.src);
    if (!src || !this.serverPaged(src) || (page === 1 && !category && this.firstPageFits())) return src;
    const url = new URL(src);
    url.searchParams.set('page', String(page));
    url.searchParams.set(this.wordPress ? 'per_page' : 'pageSize', String(this.size));
    if (category) url.searchParams.set(this.wordPress ? 'categories' : 'category', category);
    return url.href;
  }

  /**
   * Page 1 of everything is `src` itself (its answer reused from the cache) only when the
   * server's own page size is ours; otherwise page 1 is asked for again with ours, or the items
   * between the server's page 1 and our page 2 would never show.
   */
  private firstPageFits(): boolean {
    const limit = positive(this.limit);
    return limit ? this.firstPageCount >= limit : this.firstPageCount === this.size;
  }

  override render() {
    const text = messages[this.resolvedLocale];
    this.pageStatus = '';
    const body = this.content.render({
      pending: () => this.renderSkeleton(),
      initial: () => this.renderSkeleton(),
      error: (error) => this.renderError(error),
      complete: (response) => this.renderList(response),
    });
    const tag = headingTag(this.headingLevel, 2);
    return staticHtml`
      <${tag} id="heading" class=${this.heading ? 'heading' : 'visually-hidden'} part="heading" tabindex="-1">${this.heading || text.heading}<span
          class="visually-hidden">${this.pageStatus}</span></${tag}>
      ${body}
    `;
  }

  /** Read by screen readers with the heading, so a page change is announced where focus lands. */
  private pageStatus = '';

  private renderList(response: ContentResponse) {
    const text = messages[this.resolvedLocale];
    const list = this.list(response);
    const server = this.serverPaged(this.resolveUrl(this.src));
    const limit = positive(this.limit);
    const size = this.size;
    const category = this.category;
    let items: NewsItem[] = list.items;
    let total: number;
    if (server) {
      total = list.total;
      items = items.slice(0, limit ?? size);
    } else {
      if (category) items = items.filter((item) => item.category === category);
      total = items.length;
    }
    const pages = limit ? 1 : Math.max(1, Math.ceil(total / size));
    const page = server ? this.currentPage : Math.min(this.currentPage, pages);
    if (!server) items = limit ? items.slice(0, limit) : items.slice((page - 1) * size, page * size);
    this.pageStatus = pages > 1 ? fillTemplate(text.pageOf, { page, pages }) : '';

    const categories = this.categories(list);
    const stale = this.content.status === 'pending';
    const body = html`
      ${
        items.length
          ? html`<ul class="items ${this.layoutName} ${stale ? 'stale' : ''}" part="list">${items.map((item) => this.renderItem(item))}</ul>`
          : html`<p class="empty" part="empty">${category ? text.emptyCategory : text.empty}</p>`
      }
      ${pages > 1 ? this.renderPager(page, pages) : nothing}
    `;
    if (!categories.length) return body;
    const selected = Math.max(0, categories.findIndex((c) => c.id === category) + 1);
    return html`${this.renderTabs(categories, selected)}
      <div role="tabpanel" id="panel" aria-labelledby="tab-${selected}">${body}</div>`;
  }

  /** Categories stay as tabs while a server-filtered page arrives without them. */
  private categories(list: NewsListData): Category[] {
    const src = this.src;
    if (list.categories.length) this.knownCategories = { src, categories: list.categories };
    return this.knownCategories.src === src ? this.knownCategories.categories : [];
  }

  private renderItem(item: NewsItem) {
    const locale = this.resolvedLocale;
    const compact = this.layoutName === 'compact';
    const href = this.articleLink(this.articleHref, item.id) ?? item.url;
    return html`<li class="item" part="item">
      ${
        item.image && !compact
          ? html`<img part="image" src=${item.image} alt="" loading="lazy" decoding="async" width="320" height="180" />`
          : nothing
      }
      <div class="text">
        <div class="title">${newsLink(this, item, href)}</div>
        ${item.date ? html`<time part="date" datetime=${item.date}>${formatDate(item.date, locale)}</time>` : nothing}
        ${item.summary && !compact ? html`<p class="summary" part="summary">${item.summary}</p>` : nothing}
      </div>
    </li>`;
  }

  private renderTabs(categories: Category[], selected: number) {
    const text = messages[this.resolvedLocale];
    const tabs = [{ id: '', label: text.all }, ...categories];
    return html`<div class="tabs" role="tablist" aria-label=${text.categories} part="tabs" @keydown=${this.onTabKey}>
      ${tabs.map(
        (tab, i) => html`<button type="button" role="tab" id="tab-${i}" part="tab" aria-controls="panel"
          aria-selected=${i === selected ? 'true' : 'false'} tabindex=${i === selected ? 0 : -1}
          @click=${() => (this.category = tab.id)}>${tab.label}</button>`,
      )}
    </div>`;
  }

  private renderPager(page: number, pages: number) {
    const text = messages[this.resolvedLocale];
    // Real links (`?page=N`), so crawlers and readers without script page too; a click stays on
    // the page and keeps the address in step. The ends of the range are links without an address.
    const button = (target: number, label: unknown, name: string, current = false) => {
      const inRange = target >= 1 && target <= pages;
      return html`<a class="page" part="page" href=${inRange ? this.pageLink(target) : nothing} aria-label=${name}
        aria-current=${current ? 'page' : nothing} aria-disabled=${inRange ? nothing : 'true'}
        @click=${(event: MouseEvent) => this.onPageClick(event, target, inRange)}>${label}</a>`;
    };
    // Named after the list's heading too, so two paged lists on a page are distinct landmarks.
    const label = this.heading ? `${text.pages} – ${this.heading}` : text.pages;
    return html`<nav class="pager" part="pager" aria-label=${label}>
      ${button(page - 1, html`‹ <span class="word">${text.previous}</span>`, text.previous)}
      ${pageNumbers(page, pages).map((n) =>
        n ? button(n, n, fillTemplate(text.page, { page: n }), n === page) : html`<span class="gap" aria-hidden="true">…</span>`,
      )}
      ${button(page + 1, html`<span class="word">${text.next}</span> ›`, text.next)}
    </nav>`;
  }

  private renderSkeleton() {
    const rows = Math.min(positive(this.limit) ?? this.size, this.size);
    const compact = this.layoutName === 'compact';
    return html`<ul class="items ${this.layoutName}" aria-hidden="true">
      ${Array.from(
        { length: rows },
        () => html`<li class="item">
        ${compact ? nothing : html`<span class="skeleton image-placeholder"></span>`}
        <div class="text">
          ${skeletonLines(1)} ${compact ? nothing : [skeletonLines(1, true), skeletonLines(1)]}
        </div>
      </li>`,
      )}
    </ul>`;
  }

  private onTabKey(event: KeyboardEvent): void {
    const tabs = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[role=tab]')];
    const index = tabs.indexOf(event.target as HTMLButtonElement);
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
    if (index < 0 || !(event.key in moves)) return;
    event.preventDefault();
    const tab = tabs[(moves[event.key] + tabs.length) % tabs.length];
    tab.focus();
    // Automatic activation when the list filters what it has; manual (Enter / Space) when each
    // selection is a request to the server, so arrowing past tabs asks for nothing.
    if (!this.serverPaged(this.resolveUrl(this.src))) tab.click();
  }

  /** The address of page `n`: this page's own query with `page` set (the fragment dropped). */
  private pageLink(n: number): string {
    let params: URLSearchParams;
    try {
      params = new URL(pageHref()).searchParams;
    } catch {
      params = new URLSearchParams();
    }
    params.set('page', String(n));
    return '?' + params.toString();
  }

  private onPageClick(event: MouseEvent, page: number, inRange: boolean): void {
    // Ctrl/Cmd/Shift/middle clicks open the page's address in a new tab or window.
    if (inRange && (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)) return;
    event.preventDefault();
    if (!inRange || page === this.currentPage) return;
    history.pushState(history.state, '', this.pageLink(page));
    void this.goTo(page);
  }

  private async goTo(page: number): Promise<void> {
    this.page = page;
    await this.updateComplete;
    // The pager may have re-rendered under the visitor: start them again at the top of the list.
    this.headingElement?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'news-list': NewsList;
  }
}
