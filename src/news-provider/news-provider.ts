import { ContextProvider } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { ContentClient } from '../core/network/content-client.js';
import { type NewsroomConfig, newsroomContext } from '../core/element/context.js';

/**
 * Shares configuration and one content client with every newsroom element inside it, so a
 * `site.json` used by three elements is fetched once. Renders nothing of its own.
 *
 * @slot - The part of the page whose elements share this configuration.
 *
 * @tagname news-provider
 */
export class NewsProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Base URL that relative `src` values of descendants resolve against. */
  @property() base?: string;

  /** UI language for descendants: `zh-CN` or `en`. */
  @property() locale?: string;

  /** Article link template for descendants, e.g. `article.html?id={id}`. */
  @property({ attribute: 'article-href' }) articleHref?: string;

  /**
   * The client descendants share (cache, de-duplication, retries). Unset (the default), they use
   * the page's own, the one elements outside any provider use too, so one URL is fetched once
   * per page; it loads with the first request. Set a `ContentClient` to tune retries or keep a
   * provider's cache apart.
   */
  @property({ attribute: false }) client?: ContentClient;

  private readonly provider = new ContextProvider(this, { context: newsroomContext });

  override connectedCallback(): void {
    // Descendants ask for the config as they connect, before this element's first render.
    this.provider.setValue(this.config());
    super.connectedCallback();
  }

  protected override willUpdate(): void {
    this.provider.setValue(this.config());
  }

  private config(): NewsroomConfig {
    return { base: this.base, locale: this.locale, articleHref: this.articleHref, client: this.client };
  }

  override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'news-provider': NewsProvider;
  }
}
