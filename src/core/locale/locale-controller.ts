import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type Locale, resolveLocale } from './locale.js';

export interface LocaleHost extends ReactiveControllerHost, HTMLElement {
  /** The element's own `locale` attribute. */
  locale?: string;
}

/** Every connected host: one observer for the page tells them all when a `lang` changes. */
const hosts = new Set<ReactiveControllerHost>();
let observer: MutationObserver | undefined;

function watchLang(): void {
  if (observer || typeof MutationObserver === 'undefined') return;
  observer = new MutationObserver(() => {
    for (const host of hosts) host.requestUpdate();
  });
  // `lang` anywhere in the document (the host's own, an ancestor's, the <html> element's).
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/**
 * The language an element speaks: its `locale`, else the provider's, else the nearest `lang`
 * (through shadow roots), else English. A later change to any of them re-renders the element.
 */
export class LocaleController implements ReactiveController {
  constructor(
    private readonly host: LocaleHost,
    private readonly providerLocale: () => string | undefined,
  ) {
    host.addController(this);
  }

  get locale(): Locale {
    return resolveLocale(this.host.locale, this.providerLocale(), this.host);
  }

  hostConnected(): void {
    hosts.add(this.host);
    watchLang();
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
    if (!hosts.size) {
      observer?.disconnect();
      observer = undefined;
    }
  }
}
