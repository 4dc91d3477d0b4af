import { consume } from '@lit/context';
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { type NewsroomConfig, newsroomContext } from './context.js';
import type { Locale } from './locale.js';
import { LocaleController } from './locale-controller.js';
import { cameFromServer, nextTask } from './page.js';

/**
 * What every element a visitor sees shares (all but news-provider), the message form included:
 * the `locale` attribute, the nearest provider's config, the language they resolve to, and a
 * server-rendered shadow root hydrated in a task of its own.
 */
export abstract class NewsroomBase extends LitElement {
  /** UI language: `zh-CN` or `en`. Defaults to the provider's, then the nearest `lang`, then `en`. */
  @property() locale?: string;

  @consume({ context: newsroomContext, subscribe: true })
  @state()
  protected config?: NewsroomConfig;

  protected readonly localize = new LocaleController(this, () => this.config?.locale);

  /** The shadow root came with the page (server rendering): the first render hydrates it. */
  protected readonly fromServer = cameFromServer(this);

  /** The language the element speaks. */
  get resolvedLocale(): Locale {
    return this.localize.locale;
  }

  /**
   * A server-rendered element hydrates in a task of its own. Defining a tag upgrades all its
   * elements at once, and their first updates would otherwise run together, with the module
   * that defined them, as one long task; the server's DOM is on screen meanwhile.
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (this.fromServer && !this.hasUpdated) await nextTask();
    super.scheduleUpdate();
  }
}
