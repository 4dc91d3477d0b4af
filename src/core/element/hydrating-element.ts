import { consume } from '@lit/context';
import { adoptStyles, LitElement, type PropertyValues, ReactiveElement, render } from 'lit';
import { property, state } from 'lit/decorators.js';
import { type NewsroomConfig, newsroomContext } from './context.js';
import { type Locale, resolveLocale } from '../locale/locale.js';
import { LocaleController } from '../locale/locale-controller.js';
import { cameFromServer, renderedFrom } from './hydration.js';
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

  /**
   * This render hydrates the server's DOM: it must match what the server rendered, and may keep
   * server nodes as they are (the article body).
   */
  protected get hydrating(): boolean {
    return this.fromServer && !this.hasUpdated && !this.afresh;
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
    if (this.fromServer && !this.hasUpdated) await nextTask();
    super.scheduleUpdate();
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const reason = this.fromServer && this.cannotHydrate();
    if (!reason) {
      const root = super.createRenderRoot();
      // Lit's hydration support takes the server's root as it is, with its <style>, which holds
      // only the rules the server's DOM uses (renderPage leaves out the rest): the element's full
      // styles are adopted here, as constructed sheets every instance shares.
      if (this.fromServer) adoptStyles(root as ShadowRoot, (this.constructor as typeof LitElement).elementStyles);
      return root;
    }
    this.renderAfresh(reason);
    // Not LitElement's: with the hydration support applied, it would mark the root for hydrating.
    return (ReactiveElement.prototype as unknown as HydratingElement).createRenderRoot.call(this);
  }

  /**
   * Why the server's shadow root cannot be hydrated, if it cannot. Hydrating keeps the server's
   * DOM as it is, so it is only right when this element would render the same; and without Lit's
   * hydration support applied, Lit would render after the server's DOM (everything twice).
   */
  protected cannotHydrate(): string | undefined {
    // Applied, the support adds `defer-hydration` to LitElement's observed attributes as an own
    // property: the one sign of it that is the same in Lit's development and production builds.
    // It is missing when Lit was imported before the support (an app's own Lit components came
    // first), or when the lazy loader ran elements' code before a server-rendered one appeared.
    if (!Object.hasOwn(LitElement, 'observedAttributes'))
      return "Lit's hydration support was not applied; import @lit-labs/ssr-client/lit-element-hydrate-support.js before lit";
    const stamp = [...this.shadowRoot!.childNodes].find(
      (node): node is Comment => node instanceof Comment && node.data.startsWith('newsroom:'),
    );
    // The language as LocaleController will resolve it; the provider's config is not here yet.
    const locale = resolveLocale(this.locale, this.closest('news-provider')?.getAttribute('locale'), this);
    const observed = (this.constructor as typeof LitElement).observedAttributes;
    if (stamp && stamp.data !== renderedFrom((name) => this.getAttribute(name), observed, locale))
      return 'its attributes or language changed before its code arrived';
    return undefined;
  }

  protected override update(changed: PropertyValues): void {
    if (this.hydrating) {
      try {
        return super.update(changed);
      } catch (error) {
        // The server's DOM does not fit the template (a script changed it before the element's
        // code arrived, or the page has no stamp to tell): render afresh rather than break.
        this.renderAfresh((error as Error).message);
        this.removeServerDom();
        render(this.render(), this.renderRoot as HTMLElement, this.renderOptions);
        return;
      }
    }
    // Right before the first render, in the same task: nothing flashes.
    if (this.afresh && !this.hasUpdated) this.removeServerDom();
    super.update(changed);
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
