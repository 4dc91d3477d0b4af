import { html, nothing, type PropertyValues } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { property } from 'lit/decorators.js';
import type { ContentResponse } from '../core/network/content-client.js';
import { normalizeList } from '../core/data/news-format.js';
import { fillTemplate, format, formatDate, type Messages } from '../core/locale/locale.js';
import type { Category, NewsItem, NewsList as NewsListData } from '../core/data/model.js';
import { headingTag } from '../core/ui/heading.js';
import { ContentElement } from '../core/element/content-element.js';
import { rovingFocus } from '../core/ui/roving-focus.js';
import { pageHref, pageParam } from '../core/page/address.js';
import { PageAddressController } from '../core/page/address-controller.js';
import { skeletonLines } from '../core/ui/skeleton.js';
import { newsLink, plainClick, selectOnClick } from './news-link.js';

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

const positive = (value: number | undefined): number | undefined => (Number.isInteger(value) && value! > 0 ? value : undefined);

/** The lists on the page. */
const lists = new Set<{ requestUpdate(): void }>();

/** A list's place (1, 2, …) among the news lists of its document or shadow root; 0 while it is in none. */
const placeOf = (list: HTMLElement): number =>
  list.isConnected ? [...(list.getRootNode() as ParentNode).querySelectorAll<HTMLElement>('news-list')].indexOf(list) + 1 : 0;

/** `url` without the query parameters the list adds when the server pages: tells which `src` a response answers. */
const withoutPaging = (url: string): string => {
  const parsed = new URL(url);
  for (const name of ['page', 'pageSize', 'per_page', 'category', 'categories']) parsed.searchParams.delete(name);
  return parsed.href;
};

/** Page numbers to offer: first, last and the neighbours of the current page; 0 marks a gap. */
export function pageNumbers(page: number, pages: number): number[] {
  const out: number[] = [];
  // Already in order: the filter leaves only numbers from 1 to `pages`, each at most the next.
  for (const n of new Set([1, page - 1, page, page + 1, pages].filter((n) => n >= 1 && n <= pages))) {
    const last = out[out.length - 1];
    // A gap of one page shows that page instead of a gap mark.
    if (n - last > 1) out.push(n - last === 2 ? last + 1 : 0);
    out.push(n);
  }
  return out;
}

/** What a render shows, derived from the response and the properties once per update. */
interface ListView {
  items: NewsItem[];
  page: number;
  pages: number;
  categories: Category[];
}

/**
 * A list of news items with category tabs and pagination. Pages and filters in the browser when
 * the response holds every item; when its `total` says there is more, asks the server for each
 * page (`page`, `pageSize`, `category` query parameters, WordPress `page` / `per_page` /
 * `categories`, or a `{page}` / `{pageSize}` / `{category}` template in `src`).
 *
 * The page shown lives in the address under the list's own key (`page-param`), so several lists
 * on a page page independently, through deep links, reloads, back / forward and server
 * rendering alike. A list keyed by its place keeps the key it first got; an app that adds,
 * removes or swaps lists gives each an `id`, so a new list never opens on another's page.
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
export class NewsList extends ContentElement {
  static override loadStyles = () => import('./news-list.styles.js');

  /** How items are laid out: `list` (title, date, summary, picture), `cards` (a grid) or `compact` (title and date). */
  @property({ reflect: true }) layout: NewsListLayout = 'list';

  /** The selected category id; empty for all. */
  @property() category = '';

  /** The page shown, from 1; defaults to the one the address holds under `page-param` (the pager's links set it). */
  @property({ type: Number }) page?: number;

  /**
   * The query parameter that holds this list's page, so that several lists on a page page
   * independently. Defaults to `query-<id>-page` (WordPress's Query Loop convention) with the
   * list's `id`, else with its place among the page's news lists (`query-1-page`, …); a page with
   * a single list may use `page-param="page"`. An app that adds or swaps lists gives each an `id`.
   */
  @property({ attribute: 'page-param' }) pageParam?: string;

  /** Items per page. */
  @property({ attribute: 'page-size', type: Number }) pageSize = 10;

  /** Show only the first `limit` items, with no pager (a home-page teaser). */
  @property({ type: Number }) limit?: number;

  /** Article link template, e.g. `article.html?id={id}`; wins over the items' own `url`. Defaults to the provider's. */
  @property({ attribute: 'article-href' }) articleHref?: string;

  /** A visible heading above the list. Without it the list still has a hidden one for screen readers. */
  @property() heading?: string;

  private normalized?: { response: ContentResponse; list: NewsListData };
  /** The resolved `src` whose server has been seen to page (the mode sticks until `src` changes). */
  private serverPagedSrc?: string;
  private wordPress = false;
  /** How many items the server sent for `src` itself (its own default page size). */
  private firstPageCount = 0;
  private knownCategories: { src: string; categories: Category[] } = { src: '', categories: [] };
  /** The server pages: every page and category is a request. */
  private server = false;
  private view?: ListView;

  // Back / forward through pages the pager pushed: the address says which page to show.
  protected readonly address = new PageAddressController(this, () => {
    if (!positive(this.limit)) this.page = this.addressPage() ?? 1;
  });

  private get size(): number {
    return positive(this.pageSize) ?? 10;
  }

  private get currentPage(): number {
    return positive(this.limit) ? 1 : (positive(this.page) ?? this.addressPage() ?? 1);
  }

  /** The page the address asks for under this list's key: a paged list opens on it, so its pager links work without script. */
  private addressPage(): number | undefined {
    return positive(Number(pageParam(this.pageKey)));
  }

  private place = 0;
  /** The place is taken once: lists added or moved later do not change which key a list already uses. */
  private get pageKey(): string {
    this.place ||= placeOf(this);
    return this.pageParam || `query-${this.id || this.place}-page`;
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
    if (this.templated || (src && src === this.serverPagedSrc)) return true;
    const response = this.content.response;
    if (!src || !response?.url || withoutPaging(response.url) !== withoutPaging(src)) return false;
    const list = this.list(response);
    if (list.total <= list.items.length) return false;
    this.serverPagedSrc = src;
    this.wordPress = Array.isArray(response.data);
    this.firstPageCount = list.items.length;
    return true;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    lists.add(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    lists.delete(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A new category starts at its first page, whoever changed it (a tab or the host page).
    if (this.hasUpdated && changed.has('category') && !changed.has('page')) this.page = 1;
    const { content, size, category, src } = this;
    const server = (this.server = this.serverPaged(this.resolveUrl(src)));
    if (!content.response) {
      this.view = undefined;
      return;
    }
    const list = this.list(content.response);
    const limit = positive(this.limit);
    const items = server || !category ? list.items : list.items.filter((item) => item.category === category);
    const pages = limit ? 1 : Math.max(1, Math.ceil((server ? list.total : items.length) / size));
    const page = server ? this.currentPage : Math.min(this.currentPage, pages);
    // The server sends the page asked for; in the browser the list cuts it out of everything.
    const first = server || limit ? 0 : (page - 1) * size;
    // Categories stay as tabs while a server-filtered page arrives without them.
    if (list.categories.length) this.knownCategories = { src, categories: list.categories };
    const categories = this.knownCategories.src === src ? this.knownCategories.categories : [];
    this.view = { items: items.slice(first, first + (limit ?? size)), page, pages, categories };
  }

  override sourceUrl(): string | undefined {
    const page = this.currentPage;
    const category = this.category || undefined;
    const size = this.size;
    if (this.templated) return this.resolveUrl(fillTemplate(this.src, { page, pageSize: size, category }));
    const src = this.resolveUrl(this.src);
    // Page 1 of everything is `src` itself (its answer reused from the cache) only when the
    // server's own page size is ours; otherwise page 1 is asked for again with ours, or the items
    // between the server's page 1 and our page 2 would never show.
    if (!src || !this.serverPaged(src)) return src;
    // Only now: serverPaged() counts the server's first page (it may just have seen it).
    const limit = positive(this.limit);
    const fits = limit ? this.firstPageCount >= limit : this.firstPageCount === size;
    if (page === 1 && !category && fits) return src;
    const url = new URL(src);
    url.searchParams.set('page', String(page));
    url.searchParams.set(this.wordPress ? 'per_page' : 'pageSize', String(size));
    if (category) url.searchParams.set(this.wordPress ? 'categories' : 'category', category);
    return url.href;
  }

  override render() {
    const text = messages[this.resolvedLocale];
    const view = this.view;
    const tag = headingTag(this.headingLevel, 2);
    const skeleton = () => this.renderSkeleton();
    // Read by screen readers with the heading, so a page change is announced where focus lands.
    const status = view && view.pages > 1 ? format(text.pageOf, { page: view.page, pages: view.pages }) : '';
    return staticHtml`
      <${tag} id="heading" class=${this.heading ? 'heading' : 'visually-hidden'} part="heading" tabindex="-1">${this.heading || text.heading}<span
          class="visually-hidden">${status}</span></${tag}>
      ${this.content.render({
        pending: skeleton,
        initial: skeleton,
        error: (error) => this.renderError(error),
        complete: () => this.renderList(view!),
      })}
    `;
  }

  private renderList({ items, page, pages, categories }: ListView) {
    const text = messages[this.resolvedLocale];
    const stale = this.content.status === 'pending';
    const body = html`
      ${
        items.length
          ? // eslint-disable-next-line lit-a11y/click-events-have-key-events -- the clicks come from the links inside, which keys activate too
            html`<ul class="items ${this.layoutName} ${stale ? 'stale' : ''}" part="list" @click=${this.onTitleClick}>${items.map((item) => this.renderItem(item))}</ul>`
          : html`<p class="empty" part="empty">${this.category ? text.emptyCategory : text.empty}</p>`
      }
      ${pages > 1 ? this.renderPager(page, pages) : nothing}
    `;
    if (!categories.length) return body;
    const selected = categories.findIndex((c) => c.id === this.category) + 1;
    return html`<div class="tabs" role="tablist" aria-label=${text.categories} part="tabs" @keydown=${this.onTabKey}>
        ${[{ id: '', label: text.all }, ...categories].map(
          (tab, i) => html`<button type="button" role="tab" id="tab-${i}" part="tab" aria-controls="panel"
            aria-selected=${i === selected ? 'true' : 'false'} tabindex=${i === selected ? 0 : -1}
            @click=${() => (this.category = tab.id)}>${tab.label}</button>`,
        )}
      </div>
      <div role="tabpanel" id="panel" aria-labelledby="tab-${selected}">${body}</div>`;
  }

  private renderItem(item: NewsItem) {
    const full = this.layoutName !== 'compact';
    return html`<li class="item" part="item">
      ${
        item.image && full
          ? html`<img part="image" src=${item.image} alt="" loading="lazy" decoding="async" width="320" height="180" />`
          : nothing
      }
      <div class="text">
        <div class="title">${newsLink(item.title, this.articleLink(this.articleHref, item.id) ?? item.url)}</div>
        ${item.date ? html`<time part="date" datetime=${item.date}>${formatDate(item.date, this.resolvedLocale)}</time>` : nothing}
        ${item.summary && full ? html`<p class="summary" part="summary">${item.summary}</p>` : nothing}
      </div>
    </li>`;
  }

  private renderPager(page: number, pages: number) {
    const text = messages[this.resolvedLocale];
    // Real links (`?page=N`), so crawlers and readers without script page too; a click stays on
    // the page and keeps the address in step. The ends of the range are links without an address.
    const link = (target: number, label: unknown, name: string, current = false) => {
      const inRange = target >= 1 && target <= pages;
      return html`<a class="page" part="page" href=${inRange ? this.pageLink(target) : nothing} aria-label=${name}
        aria-current=${current ? 'page' : nothing} aria-disabled=${inRange ? nothing : 'true'}
        @click=${(event: MouseEvent) => this.onPageClick(event, target, inRange)}>${label}</a>`;
    };
    // Named after the list's heading too, so two paged lists on a page are distinct landmarks.
    return html`<nav class="pager" part="pager" aria-label=${this.heading ? `${text.pages} – ${this.heading}` : text.pages}>
      ${link(page - 1, html`‹ <span class="word">${text.previous}</span>`, text.previous)}
      ${pageNumbers(page, pages).map((n) =>
        n ? link(n, n, format(text.page, { page: n }), n === page) : html`<span class="gap" aria-hidden="true">…</span>`,
      )}
      ${link(page + 1, html`<span class="word">${text.next}</span> ›`, text.next)}
    </nav>`;
  }

  private renderSkeleton() {
    const full = this.layoutName !== 'compact';
    return html`<ul class="items ${this.layoutName}" aria-hidden="true">
      ${Array.from(
        { length: Math.min(positive(this.limit) ?? this.size, this.size) },
        () => html`<li class="item">
        ${full ? html`<span class="skeleton image-placeholder"></span>` : nothing}
        <div class="text">
          ${skeletonLines(1)} ${full ? [skeletonLines(1, true), skeletonLines(1)] : nothing}
        </div>
      </li>`,
      )}
    </ul>`;
  }

  private readonly onTitleClick = selectOnClick(this, () => this.view!.items);

  private onTabKey(event: KeyboardEvent): void {
    const tabs = [...this.renderRoot.querySelectorAll<HTMLElement>('[role=tab]')];
    const tab = rovingFocus(event, tabs, event.target as Element, 'ArrowLeft', 'ArrowRight');
    // Automatic activation when the list filters what it has; manual (Enter / Space) when each
    // selection is a request to the server, so arrowing past tabs asks for nothing.
    if (tab && !this.server) tab.click();
  }

  /** The address of page `n`: this page's own query with the list's key set (the fragment dropped). */
  private pageLink(n: number): string {
    const params = new URLSearchParams(/\?([^#]*)/.exec(pageHref())?.[1]);
    params.set(this.pageKey, String(n));
    return '?' + params;
  }

  private onPageClick(event: MouseEvent, page: number, inRange: boolean): void {
    // Ctrl/Cmd/Shift/middle clicks open the page's address in a new tab or window.
    if (inRange && !plainClick(event)) return;
    event.preventDefault();
    if (!inRange || page === this.currentPage) return;
    history.pushState(history.state, '', this.pageLink(page));
    this.page = page;
    // The other lists' pager links carry this list's page too: bring them up to date.
    for (const list of lists) if (list !== this) list.requestUpdate();
    // The pager may have re-rendered under the visitor: start them again at the top of the list.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#heading')?.focus());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'news-list': NewsList;
  }
}
