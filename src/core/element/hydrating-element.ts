import { consume } from '@lit/context';
import { adoptStyles, isServer, LitElement, type PropertyValues, ReactiveElement, render } from 'lit';
import { property, state } from 'lit/decorators.js';
import { type NewsroomConfig, newsroomContext } from './context.js';
import type { Locale } from '../locale/locale.js';
import { LocaleController } from '../locale/locale-controller.js';
import { cameFromServer, cannotHydrate } from './hydration.js';
import { type LazyStyled, stylesSoon, whenNear, whenStyled } from './element-styles.js';
import { nextTask } from './next-task.js';

/**
 * The base of every element a visitor sees (all but news-provider), the message form included:
 * the `locale` attribute, the nearest provider's config, the language they resolve to, and a
 * server-rendered shadow root hydrated in a task of its own, or rendered afresh where hydrating
 * would keep stale text or show the content twice. Elements that show content JSON extend
 * `ContentElement`, which adds the loading on top of this.
 */
export abstract class HydratingElement extends LitElement {
  /** UI language: `zh-CN` or `en`. Defaults to the provider's, then the nearest `lang`, then `en`. */
  @property() locale?: string;

  /**
   * The nearest provider's config (base, locale, article links, the shared client), from context.
   * Context does not reach an element rendered on the server: the renderer sets it from the page.
   */
  @consume({ context: newsroomContext, subscribe: true })
  @state()
  config?: NewsroomConfig;

  protected readonly localize = new LocaleController(this, () => this.config?.locale);

  /** The shadow root came with the page (server rendering): the first render hydrates it. */
  protected readonly fromServer = cameFromServer(this);

  /** The server's shadow root is rendered afresh instead of hydrated (see `cannotHydrate`). */
  private afresh = false;

  /** The last update took over the server's DOM: `afterHydration` is due. */
  private justHydrated = false;

  /** The hydrating render read `live`: it left browser-only extras out, so one more render is due. */
  private readLive = false;

  /** The styles adopted into the shadow root last (see `adoptFullStyles`). */
  private adopted?: unknown;

  /** Imports the element's styles module (`element-styles.ts`); elements set it, tests may not. */
  static loadStyles?: LazyStyled['loadStyles'];

  /**
   * This render hydrates the server's DOM: it must match what the server rendered, and may keep
   * server nodes as they are (the article body).
   */
  protected get hydrating(): boolean {
    return this.fromServer && !this.hasUpdated && !this.afresh;
  }

  /**
   * Browser-only extras (native share, clipboard buttons) may show: never on the server, and on
   * a server-rendered element not in the render that hydrates, which must match the server's.
   * The render after it (`afterHydration`) shows them.
   */
  protected get live(): boolean {
    if (this.hydrating) this.readLive = true;
    return !isServer && !this.hydrating;
  }

  /**
   * A script gave the element other content before its code arrived, so the server's DOM is not
   * what it would render (`ContentElement`'s upgrade-safe `data`).
   */
  protected get givenEarly(): boolean {
    return false;
  }

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
    if (this.hydrating) await nextTask();
    else {
      // Any other render may show what the server's <style> does not cover: styles first.
      const styled = whenStyled(this.constructor as typeof HydratingElement);
      if (styled) await styled;
    }
    super.scheduleUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.fromServer && !this.hasUpdated) stylesSoon(this);
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const reason = this.fromServer && cannotHydrate(this, this.givenEarly);
    if (!reason) {
      // In the browser's own root, Lit adopts the styles the class has so far.
      if (!this.fromServer) this.adopted = (this.constructor as typeof LitElement).elementStyles;
      return super.createRenderRoot();
    }
    this.renderAfresh(reason);
    this.adopted = (this.constructor as typeof LitElement).elementStyles;
    // ReactiveElement's, not LitElement's: with the hydration support applied, LitElement's would
    // take the server's root and mark it for hydrating. It adopts the styles as Lit's does.
    return (ReactiveElement.prototype as unknown as HydratingElement).createRenderRoot.call(this);
  }

  protected override update(changed: PropertyValues): void {
    if (this.hydrating) {
      // Hydrated, or rendered afresh below: either way the browser's own render is due next.
      this.justHydrated = true;
      try {
        return super.update(changed);
      } catch (error) {
        // The server's DOM does not fit the template (a script changed it before the element's
        // code arrived, or the page has no stamp to tell): render afresh rather than break.
        this.renderAfresh((error as Error).message);
        this.adoptFullStyles();
        this.removeServerDom();
        render(this.render(), this.renderRoot as HTMLElement, this.renderOptions);
        // The server's <style> covers it until the full styles are in.
        void whenStyled(this.constructor as typeof HydratingElement)?.then(() => this.requestUpdate());
        return;
      }
    }
    // Right before the first render, in the same task: nothing flashes.
    if (this.afresh && !this.hasUpdated) this.removeServerDom();
    this.adoptFullStyles();
    super.update(changed);
  }

  /**
   * Lit's hydration support takes the server's shadow root as it is, with its <style>, which holds
   * only the rules the server's DOM uses (renderPage leaves out the rest). That is all the
   * hydrating render needs: it changes no markup. The element's full styles (loaded by then, see
   * `scheduleUpdate`) are adopted, as constructed sheets every instance shares, right before the
   * first render that may change the DOM, in the same task, so nothing shows unstyled; an element
   * that is never changed, such as a footer menu, never loads nor parses rules it does not use.
   * An element rendered in the browser adopts them here too when they came after its root.
   */
  private adoptFullStyles(): void {
    const { elementStyles } = this.constructor as typeof LitElement;
    if (this.adopted === elementStyles) return;
    this.adopted = elementStyles;
    adoptStyles(this.renderRoot as ShadowRoot, elementStyles);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.justHydrated) {
      this.justHydrated = false;
      // After this update, not inside it: the hydrated render matched the server's.
      queueMicrotask(() => this.afterHydration());
    }
  }

  /**
   * Runs once after the render that took over the server's DOM (hydrated it, or replaced it when
   * it did not fit). This one renders again, now `live`, when that render read `live` (it left
   * browser-only extras out), once the element is near the viewport; an element with more to
   * restore (a saved draft) adds it. An element with no extras does not render again: it shows
   * what the server sent until something changes.
   */
  protected afterHydration(): void {
    if (this.readLive) whenNear(this, () => this.requestUpdate());
  }

  private renderAfresh(reason: string): void {
    this.afresh = true;
    console.warn(`<${this.localName}>: the server-rendered content was rendered again (${reason})`);
  }

  /** Removes what the server rendered in the shadow root, but its styles. */
  private removeServerDom(): void {
    for (const node of [...this.renderRoot.childNodes]) if (!(node instanceof HTMLStyleElement)) node.remove();
  }
}
