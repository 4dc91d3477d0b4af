import { html, nothing, type PropertyValues } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { property, state } from 'lit/decorators.js';
import type { ContentResponse } from '../core/network/content-client.js';
import type { NewsroomLoadDetail } from '../core/element/events.js';
import { normalizeArticle } from '../core/data/news-format.js';
import { formatDate, type Messages } from '../core/locale/locale.js';
import type { NewsItem } from '../core/data/model.js';
import { headingTag } from '../core/ui/heading.js';
import { ContentElement, inlineScript } from '../core/element/content-element.js';
import { pageBase } from '../core/page/address.js';
import { skeletonLines } from '../core/ui/skeleton.js';
import { newsLink, selectOnClick } from '../news-list/news-link.js';

const messages: Messages<{ heading: string }> = {
  en: { heading: 'Related articles' },
  'zh-CN': { heading: '相关文章' },
};

/** What a followed `news-article` announces when it loads or fails. */
const ARTICLE_EVENTS = ['newsroom-load', 'newsroom-error'];

/** What a `news-article` offers a follower: its loaded JSON (the `ContentElement` contract). */
type ArticleSource = Element & { data?: unknown };

/**
 * Links to articles related to one article, with their dates (the "相关文章" block). Reads the
 * article's `related` list from `src`, or follows a `news-article` on the same page named by
 * `for`, reusing what that element loaded (no second request) and updating when it changes.
 *
 * @fires {CustomEvent<NewsSelectDetail>} news-select - A visitor chose an article (detail `{ item }`); cancel it to route in-page.
 * @fires {CustomEvent<NewsroomLoadDetail>} newsroom-load - The article at `src` loaded (detail `{ src, data }`).
 * @fires {CustomEvent<NewsroomErrorDetail>} newsroom-error - The article at `src` failed to load (detail `{ src, error }`).
 * @csspart heading - The block's heading.
 * @csspart list - The list of links.
 * @csspart item - One related article.
 * @csspart title - An article's title (also `link` when it is a link).
 * @csspart link - An article's title link.
 * @csspart date - An article's date.
 * @csspart error - The error panel.
 * @csspart retry - The error panel's retry button.
 * @cssprop --newsroom-accent - Links and the heading rule.
 * @cssprop --newsroom-muted - Dates.
 * @cssprop --newsroom-border - Separators.
 * @cssprop --newsroom-font - Font family.
 *
 * @tagname related-articles
 */
export class RelatedArticles extends ContentElement {
  static override loadStyles = () => import('./related-articles.styles.js');

  /** Id of a `news-article` in the same document (or shadow root) to follow; when set, `src` is not loaded. */
  @property() for = '';

  /** The most links to show. */
  @property({ type: Number }) limit?: number;

  /** Article link template, e.g. `article.html?id={id}`; wins over the items' own `url`. Defaults to the provider's. */
  @property({ attribute: 'article-href' }) articleHref?: string;

  /** The heading text; defaults to "Related articles" / "相关文章". */
  @property() heading?: string;

  /** The followed article failed to load: it shows the error, this block shows nothing. */
  @state() private followedFailed = false;

  private normalized?: { response: ContentResponse; related: NewsItem[] };
  private root?: Document | ShadowRoot;

  override connectedCallback(): void {
    super.connectedCallback();
    // Listening on the root catches the article however late it is added or reloaded.
    const root = this.getRootNode();
    if (root instanceof Document || root instanceof ShadowRoot) {
      this.root = root;
      for (const type of ARTICLE_EVENTS) root.addEventListener(type, this.onArticleEvent);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const type of ARTICLE_EVENTS) this.root?.removeEventListener(type, this.onArticleEvent);
    this.root = undefined;
  }

  override sourceUrl(): string | undefined {
    return this.for ? undefined : super.sourceUrl();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('for') && this.hasUpdated) {
      // Another article (or `src` again): the old article's links must not stay on screen.
      this.followedFailed = false;
      this.content.reset();
    }
    if (changed.has('for') && this.for) {
      const article = this.followed();
      // The article may have loaded before this element arrived, or (server-rendered, its code
      // not here yet) hold its data inline: this block's first render then shows the links the
      // server wrote, and hydrates, instead of a skeleton until the article's code arrives.
      let data = article?.data;
      try {
        data ??= JSON.parse(inlineScript(article!)!.textContent!);
      } catch {
        // No article, no inline data, or malformed data (the article reports that itself).
      }
      if (data != null) this.follow(data, this.resolveUrl(article!.getAttribute('src') ?? '') ?? pageBase());
    }
  }

  private followed(): ArticleSource | null {
    return (this.for && (this.root ?? (this.getRootNode() as Document)).getElementById?.(this.for)) || null;
  }

  private readonly onArticleEvent = (event: Event): void => {
    // Only the article's own events: not ones retargeted from elements inside it.
    const article = this.followed();
    if (!article || event.composedPath()[0] !== article) return;
    if (event.type === 'newsroom-error') {
      this.followedFailed = true;
      return;
    }
    const { src, data } = (event as CustomEvent<NewsroomLoadDetail>).detail;
    this.follow(data, src);
  };

  private follow(data: unknown, url: string): void {
    this.followedFailed = false;
    this.content.set({ url, data }, false);
  }

  private related(response: ContentResponse): NewsItem[] {
    if (this.normalized?.response !== response) this.normalized = { response, related: normalizeArticle(response).related };
    return this.normalized.related;
  }

  override render() {
    return this.content.render({
      pending: () => this.renderSkeleton(),
      initial: () => (this.for && this.followed() && !this.followedFailed ? this.renderSkeleton() : nothing),
      error: (error) => this.renderError(error),
      complete: (response) => this.renderLinks(response),
    });
  }

  private get count(): number | undefined {
    return Number.isInteger(this.limit) && this.limit! >= 0 ? this.limit : undefined;
  }

  /** The links shown, for news-select. */
  private shown!: NewsItem[];
  private readonly onTitleClick = selectOnClick(this, () => this.shown);

  private renderLinks(response: ContentResponse) {
    const items = (this.shown = this.related(response).slice(0, this.count));
    if (!items.length) return nothing;
    const locale = this.resolvedLocale;
    const tag = headingTag(this.headingLevel, 2);
    // eslint-disable-next-line lit-a11y/click-events-have-key-events -- the clicks come from the links inside, which keys activate too
    const list = html`<ul part="list" @click=${this.onTitleClick}>
      ${items.map(
        (item) => html`<li part="item">
          ${newsLink(item.title, this.articleLink(this.articleHref, item.id) ?? item.url)}
          ${item.date ? html`<time part="date" datetime=${item.date}>${formatDate(item.date, locale)}</time>` : nothing}
        </li>`,
      )}
    </ul>`;
    return html`<section aria-labelledby="heading">
      ${staticHtml`<${tag} id="heading" class="heading" part="heading">${this.heading || messages[locale].heading}</${tag}>`}
      ${list}
    </section>`;
  }

  private renderSkeleton() {
    return html`<div aria-hidden="true">
      <div class="heading">${skeletonLines(1)}</div>
      <ul>${skeletonLines(Math.min(this.count ?? 5, 5)).map((line) => html`<li>${line}</li>`)}</ul>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'related-articles': RelatedArticles;
  }
}
