import { html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { ContentClient, ContentResponse } from '../network/content-client.js';
import { countOf } from '../network/count.js';
import { ContentController } from './content-controller.js';
import { ContentError } from '../network/content-error.js';
import { coreMessages, fillTemplate, format } from '../locale/locale.js';
import { HydratingElement } from './hydrating-element.js';
import { pageBase } from '../page/address.js';
import { safeUrl } from '../security/safe-url.js';

/**
 * The base of the elements that show content JSON (site-nav, contact-card, news-list,
 * news-article, related-articles): `src` / inline JSON / the `data` property, the shared content
 * client and config from the nearest `news-provider`, and the load / error UI, on top of what
 * `HydratingElement` gives every element.
 *
 * `data` here is the content: what `src` loaded or inline JSON gave, held by the `content`
 * controller, and setting it shows other content. message-form has a `data` property too, read
 * from the same places (a property or a child JSON script), but it is no content: it is a
 * refused form post to show again (`MessageFormData`), and the form never loads it.
 *
 * The theme below comes with the shared base styles, so every element that uses them takes it.
 * @cssprop --newsroom-accent - Accent colour: links, buttons, focus rings.
 * @cssprop --newsroom-accent-text - Text on the accent colour.
 * @cssprop --newsroom-text - Text colour.
 * @cssprop --newsroom-muted - Secondary text: dates, labels, captions.
 * @cssprop --newsroom-border - Borders and rules.
 * @cssprop --newsroom-surface - Panels, cards and loading skeletons.
 * @cssprop --newsroom-background - The element's own background.
 * @cssprop --newsroom-radius - Corner radius.
 * @cssprop --newsroom-spacing - The base space between blocks.
 * @cssprop --newsroom-danger - Error text and borders.
 * @cssprop --newsroom-font - Font family.
 * @cssprop --newsroom-font-size - Base font size.
 */
export abstract class ContentElement extends HydratingElement {
  /** URL of the JSON to show, resolved against the provider's `base`. */
  @property() src = '';

  /** Milliseconds before a request gives up. */
  @property({ type: Number }) timeout?: number;

  /** The level of the element's heading, 1–6 (default 2; 1 for an article's headline), to fit the host page's outline. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel?: number;

  /**
   * The element's data and its loading state (the shape of `@lit/task`). A server renderer feeds
   * it: `set(response)` with the answer for `sourceUrl()`, or `reset('pending')` when there is
   * none, which leaves the element loading as the browser starts it.
   */
  readonly content = new ContentController(this, () => this.sourceUrl());

  /** A `data` value a page set before this element was defined, applied on first connect. */
  private early?: { data: unknown };

  constructor() {
    super();
    // Upgrade-safe: a page that set `.data` before the bundle loaded created an own property
    // that hides the accessor. Take it back and apply it once connected.
    if (Object.hasOwn(this, 'data')) {
      this.early = { data: (this as { data?: unknown }).data };
      delete (this as { data?: unknown }).data;
    }
  }

  /** The loaded JSON, as the server sent it. Set it to show data without a request. */
  get data(): unknown {
    return this.content.response?.data;
  }
  set data(data: unknown) {
    this.show(data);
  }

  /** Shows data given without a request, as the answer for the element's current source. */
  private show(data: unknown, totals?: Pick<ContentResponse, 'total' | 'totalPages'>): void {
    this.content.set({ url: this.sourceUrl() ?? pageBase(), data, ...totals });
  }

  /**
   * The content client the nearest `news-provider` hands down, if it was given one; `undefined`
   * while the element uses the page's shared client (loaded with its first request).
   */
  get client(): ContentClient | undefined {
    return this.config?.client;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.early) {
      const { data } = this.early;
      this.early = undefined;
      this.data = data;
    }
    if (this.content.status === 'initial') this.readInlineData();
  }

  protected override get givenEarly(): boolean {
    return this.early !== undefined;
  }

  /**
   * The URL the element loads now (elements with templates or paging override it). A server
   * renderer asks it which source to fetch, hands the answer to `content`, and asks again: a
   * list that learns from its first answer that it pages on the server names the page shown.
   */
  sourceUrl(): string | undefined {
    return this.resolveUrl(this.src);
  }

  /** Resolves a developer-given URL against the provider's base; only http(s) and relative pass. */
  protected resolveUrl(value: string | undefined): string | undefined {
    if (!value) return undefined;
    const base = this.config?.base ? safeUrl(this.config.base) : undefined;
    const url = safeUrl(value, base ?? pageBase());
    return url && /^https?:/.test(url) ? url : undefined;
  }

  /** An article link from the element's or the provider's `article-href` template. */
  protected articleLink(template: string | undefined, id: string | undefined): string | undefined {
    const pattern = template || this.config?.articleHref;
    if (!pattern || !id) return undefined;
    return safeUrl(fillTemplate(pattern, { id }));
  }

  /** The error panel: a polite description for people, a Retry button, `role="alert"`. */
  protected renderError(error: Error) {
    const text = coreMessages[this.resolvedLocale];
    const kind = error instanceof ContentError ? error.kind : 'unknown';
    const message = format(text.errors[kind], { status: (error as ContentError).status });
    return html`<div class="error" role="alert" part="error">
      <p>${message}</p>
      <button class="button quiet" type="button" part="retry" @click=${() => this.retryLoad()}>${text.retry}</button>
    </div>`;
  }

  protected retryLoad(): void {
    if (this.content.status === 'error' && !this.sourceUrl()) this.readInlineData();
    else this.content.retry();
  }

  /**
   * Reads a child `<script type="application/json">`: data with no request. Its `data-total` and
   * `data-total-pages` stand for the paging headers a server sent with it (`X-WP-Total`,
   * `X-WP-TotalPages`), which a WordPress list pages by; server rendering writes them.
   */
  private readInlineData(): void {
    const script = inlineScript(this);
    if (!script) return;
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch (error) {
      this.content.fail(new ContentError('format', `inline JSON is malformed (${(error as Error).message})`));
      return;
    }
    this.show(data, { total: countOf(script.getAttribute('data-total')), totalPages: countOf(script.getAttribute('data-total-pages')) });
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // `aria-busy="true"`, not an empty value (which means false), while the content loads.
    this.ariaBusy = this.content.status === 'pending' ? 'true' : null;
  }
}

/**
 * An element's inline data: its child `<script type="application/json">`, or the script that
 * child names with `data-from` (server rendering writes each source's data once a page, and the
 * other elements of that source refer to it). Null when there is none, or the one named is gone
 * (the element then loads its source).
 */
export function inlineScript(element: Element): Element | null {
  const script = element.querySelector(':scope > script[type="application/json"]');
  const from = script?.getAttribute('data-from');
  // The page's: server rendering writes whole pages, never into another component's shadow root.
  return from ? document.getElementById(from) : script;
}

export type { ContentResponse };
