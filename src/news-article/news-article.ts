import { html, isServer, nothing, type PropertyValues } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { property } from 'lit/decorators.js';
import type { ContentResponse } from '../core/network/content-client.js';
import { normalizeArticle } from '../core/data/news-format.js';
import { fillTemplate, formatDate, type Locale } from '../core/locale/locale.js';
import type { Article, ArticleLink } from '../core/data/model.js';
import { headingTag } from '../core/ui/heading.js';
import { CopyController } from '../core/ui/copy.js';
import { ContentElement } from '../core/element/content-element.js';
import { safeUrl } from '../core/security/safe-url.js';
import { pageHref, pageParam } from '../core/page/address.js';
import { PageAddressController } from '../core/page/address-controller.js';
import { loadSanitizer, sanitizer } from '../core/security/sanitizer.js';
import { skeletonLines } from '../core/ui/skeleton.js';
import { quietButton } from '../core/ui/quiet-button.js';
import { newsLink, selectOnClick } from '../news-list/news-link.js';
import { articleBody } from './article-body.js';
import { messages } from './news-article.messages.js';

/**
 * One article: category, title, source / author / dates, share and print controls, lead image,
 * the sanitized body, editor line and previous / next links. Chooses its article by `src`, by
 * `article-id` filled into the `article-src` template, or by the page URL's `id` parameter.
 *
 * @fires {CustomEvent<NewsroomLoadDetail>} newsroom-load - The article loaded (detail `{ src, data }`); `related-articles for=…` follows it.
 * @fires {CustomEvent<NewsroomErrorDetail>} newsroom-error - The article failed to load (detail `{ src, error }`).
 * @fires {CustomEvent<NewsSelectDetail>} news-select - A visitor chose the previous or next article (detail `{ item }`); cancel it to route in-page.
 * @csspart article - The `<article>` wrapper.
 * @csspart category - The category line.
 * @csspart title - The headline (and the previous / next titles).
 * @csspart meta - The source, author and dates line.
 * @csspart controls - Share, print and close controls.
 * @csspart image - The lead image's figure.
 * @csspart body - The article text.
 * @csspart editor - The editor line.
 * @csspart pager - The previous / next links.
 * @csspart link - A previous / next title link.
 * @csspart error - The error panel.
 * @csspart retry - The error panel's retry button.
 * @cssprop --newsroom-accent - Links, controls and the title rule.
 * @cssprop --newsroom-text - Text colour.
 * @cssprop --newsroom-muted - Meta, editor and captions.
 * @cssprop --newsroom-border - Rules and table borders.
 * @cssprop --newsroom-surface - Quotes, code and table headers.
 * @cssprop --newsroom-font - Font family.
 * @cssprop [--newsroom-width=42rem] - The width asked for where the page leaves it to the content (a flex row, an `auto` grid column).
 * @cssprop --newsroom-measure - Longest line of the body (default `42rem`).
 *
 * @tagname news-article
 */
export class NewsArticle extends ContentElement {
  static override loadStyles = () => import('./news-article.styles.js');

  /** Article id filled into `article-src`; defaults to the page URL's `id` query parameter. */
  @property({ attribute: 'article-id' }) articleId = '';

  /** Article URL template, e.g. `articles/{id}.json`; used when `src` is empty. */
  @property({ attribute: 'article-src' }) articleSrc = '';

  /** Article page template for the previous / next links, e.g. `article.html?id={id}`. Defaults to the provider's. */
  @property({ attribute: 'article-href' }) articleHref?: string;

  /** Shows a close control: closes a window the site opened, else goes back (or to `back-href`). */
  @property({ type: Boolean, attribute: 'close' }) closable = false;

  /** Where the close control leads when there is no window to close and no page to go back to. */
  @property({ attribute: 'back-href' }) backHref?: string;

  /** Sets `document.title` to the article's title. */
  @property({ type: Boolean, attribute: 'set-title' }) setTitle = false;

  /** The copy-link confirmation on screen, for the link it was about. */
  private readonly clipboard = new CopyController(this);

  // Back / forward may change the page URL's `id`: the source URL is read again.
  protected readonly address = new PageAddressController(this);

  private normalized?: { response: ContentResponse; locale: Locale; article: Article };

  /** The loaded article, normalised from any supported format; `undefined` before one loads. */
  get article(): Article | undefined {
    const response = this.content.response;
    return response ? this.view(response).article : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A client-rendered article needs the sanitizer: load it alongside the content.
    if (!this.fromServer) void loadSanitizer();
  }

  override sourceUrl(): string | undefined {
    if (this.src) return super.sourceUrl();
    const id = this.articleId || pageParam('id');
    return this.articleSrc && id ? this.resolveUrl(fillTemplate(this.articleSrc, { id })) : undefined;
  }

  private view(response: ContentResponse) {
    const locale = this.resolvedLocale;
    // Once per article and language: the body's table labels speak the element's language.
    if (this.normalized?.response !== response || this.normalized.locale !== locale) {
      this.normalized = { response, locale, article: normalizeArticle(response) };
    }
    return this.normalized;
  }

  /** The body, sanitized once per article (and language) and kept as one element, so re-renders never re-parse it. */
  private bodyElement(article: Article, { sanitizeHtml, contentDocument }: NonNullable<ReturnType<typeof sanitizer>>): HTMLElement {
    // The page's document; on the server, the one the sanitizer works in.
    const document = contentDocument();
    const body = document.createElement('div');
    // Very long bodies lay out only what is near the screen.
    body.className = article.body.length > 100_000 ? 'body long' : 'body';
    body.setAttribute('part', 'body');
    body.append(sanitizeHtml(article.body, article.base));
    // Wide tables scroll on their own, reachable by keyboard, instead of widening the page.
    for (const table of body.querySelectorAll('table')) {
      const frame = document.createElement('div');
      frame.className = 'table';
      frame.tabIndex = 0;
      frame.setAttribute('role', 'region');
      frame.setAttribute('aria-label', table.querySelector('caption')?.textContent?.trim() || messages[this.resolvedLocale].table);
      table.replaceWith(frame);
      frame.append(table);
    }
    return body;
  }

  /** True while a body waits for the sanitizer to load (`updateComplete` waits too). */
  private waitingForSanitizer = false;
  /** The article whose body is on screen (built here, or adopted from the server). */
  private bodyView?: unknown;

  private renderBody(view: { article: Article }) {
    const adopt = this.hydrating; // the server's body stays as it is
    if (adopt) this.bodyView = view;
    const loaded = sanitizer();
    this.waitingForSanitizer = !loaded && view !== this.bodyView;
    if (this.waitingForSanitizer) void loadSanitizer().then(() => this.requestUpdate());
    const build = () => {
      this.bodyView = view;
      return this.bodyElement(view.article, loaded!);
    };
    return articleBody(this.waitingForSanitizer ? this.bodyView : view, build, adopt);
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (!this.waitingForSanitizer) return done;
    await loadSanitizer();
    return super.getUpdateComplete();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const title = this.article?.title;
    if (this.setTitle && title && document.title !== title) document.title = title;
  }

  override render() {
    return this.content.render({
      pending: () => this.renderSkeleton(),
      error: (error) => this.renderError(error),
      complete: (response) => this.renderArticle(this.view(response)),
    });
  }

  private renderArticle(view: { article: Article }) {
    const { article } = view;
    const locale = this.resolvedLocale;
    const text = messages[locale];
    const headline = headingTag(this.headingLevel, 1);
    return html`<article part="article">
      <header>
        ${article.category ? html`<p class="category" part="category">${article.category.label}</p>` : nothing}
        ${article.title ? staticHtml`<${headline} class="headline" part="title">${article.title}</${headline}>` : nothing}
        ${this.renderMeta(article, locale)}
        ${this.renderControls(article)}
      </header>
      ${
        article.image
          ? html`<figure class="lead" part="image">
            <img src=${article.image} alt=${article.imageAlt ?? article.imageCaption ?? ''} decoding="async">
            ${article.imageCaption ? html`<figcaption>${article.imageCaption}</figcaption>` : nothing}
          </figure>`
          : nothing
      }
      ${this.renderBody(view)}
      ${article.editor ? html`<p class="editor" part="editor">${text.editor}${article.editor}</p>` : nothing}
      ${this.renderPager(article)}
    </article>`;
  }

  private renderMeta(article: Article, locale: Locale) {
    const text = messages[locale];
    const date = (value: string | undefined, label: string) => {
      const shown = formatDate(value, locale, true);
      return shown ? html`<span>${label}<time datetime=${value!}>${shown}</time></span>` : nothing;
    };
    const parts = [
      article.source ? html`<span>${text.source}${article.source}</span>` : nothing,
      article.author ? html`<span>${text.author}${article.author}</span>` : nothing,
      date(article.date, text.published),
      article.updated !== article.date ? date(article.updated, text.updated) : nothing,
    ];
    return parts.some((part) => part !== nothing) ? html`<p class="meta" part="meta">${parts}</p>` : nothing;
  }

  private renderControls(article: Article) {
    const text = messages[this.resolvedLocale];
    const url = this.articleLink(this.articleHref, article.id) ?? pageHref();
    const title = article.title || (isServer ? '' : document.title);
    const weibo = safeUrl(`https://service.weibo.com/share/share.php?${new URLSearchParams({ url, title })}`);
    const email = safeUrl(`mailto:?${new URLSearchParams({ subject: title, body: url }).toString().replace(/\+/g, '%20')}`);
    const back = safeUrl(this.backHref);
    const copied = this.clipboard.result(url);
    const live = this.live;
    // Buttons that only script can work (copy, print, close with nowhere to link to) wait, unseen,
    // until the element runs in the browser: a server-rendered article read without JavaScript
    // shows no control that does nothing, and none moves when they come.
    const tool = (label: string, onClick: (event: Event) => void, action: string) => quietButton(label, onClick, { action }, !live);
    return html`<div class="controls" part="controls">
      ${
        live && typeof navigator.share === 'function'
          ? quietButton(text.share, () => this.share(title, url), { action: 'share' })
          : html`<span class="share">
            <span class="share-label">${text.shareTo}</span>
            ${weibo ? html`<a href=${weibo} target="_blank" rel="noopener noreferrer" data-action="weibo">${text.weibo}</a>` : nothing}
            ${email ? html`<a href=${email} data-action="email">${text.email}</a>` : nothing}
            ${tool(text.copy, () => this.clipboard.copy(url, url), 'copy')}
          </span>`
      }
      ${tool(text.print, () => window.print(), 'print')}
      ${
        !this.closable
          ? nothing
          : back
            ? html`<a class="button quiet" href=${back} data-action="close" @click=${this.onClose}>${text.close}</a>`
            : tool(text.close, this.onClose, 'close')
      }
      <span class="status" role="status">${copied === undefined ? '' : copied ? text.copied : text.copyFailed + url}</span>
    </div>`;
  }

  /** A window the site opened closes; otherwise back in history, else the `back-href` link is followed. */
  private readonly onClose = (event: Event): void => {
    if (window.opener) {
      event.preventDefault();
      window.close();
    } else if (!this.backHref || (history.length > 1 && sameOrigin(document.referrer))) {
      event.preventDefault();
      history.back();
    }
  };

  private async share(title: string, url: string): Promise<void> {
    try {
      await navigator.share({ title, url });
    } catch {
      // Dismissed by the visitor, or refused: nothing to report.
    }
  }

  // The items news-select announces: the neighbours shown, in order, as items.
  private readonly onPagerClick = selectOnClick(this, () =>
    [this.article!.prev, this.article!.next].flatMap((link) => (link ? { ...link, id: link.id ?? '' } : [])),
  );

  private renderPager(article: Article) {
    if (!article.prev && !article.next) return nothing;
    const text = messages[this.resolvedLocale];
    const link = (value: ArticleLink | undefined, label: string, name: string) =>
      value
        ? html`<p class=${name}>${label}${newsLink(value.title, this.articleLink(this.articleHref, value.id) ?? value.url)}</p>`
        : nothing;
    // eslint-disable-next-line lit-a11y/click-events-have-key-events -- the clicks come from the links inside, which keys activate too
    return html`<nav class="pager" part="pager" aria-label=${text.more} @click=${this.onPagerClick}>
      ${link(article.prev, text.prev, 'prev')} ${link(article.next, text.next, 'next')}
    </nav>`;
  }

  private renderSkeleton() {
    const lines = skeletonLines(8);
    return html`<div class="placeholder" aria-hidden="true">
      <span class="skeleton skeleton-title"></span>
      <span class="skeleton skeleton-line short"></span>
      <div class="body">${lines}</div>
    </div>`;
  }
}

function sameOrigin(url: string): boolean {
  try {
    return new URL(url).origin === location.origin;
  } catch {
    return false;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'news-article': NewsArticle;
  }
}
