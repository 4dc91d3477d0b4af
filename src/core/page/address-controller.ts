import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * For an element that reads the page's address (`page/address.ts`: an `id` or `page` query
 * parameter, the current path): while it is connected, back / forward (`popstate`) calls
 * `changed`, by default a re-render, in which the host reads the address again. The server never
 * connects an element, so it never listens there. Hosts keep it in a protected field, as nothing
 * reads it after construction (TypeScript flags an unread private one).
 */
export class PageAddressController implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly changed: () => void = () => host.requestUpdate(),
  ) {
    host.addController(this);
  }

  // The window's listeners, written bare: this file is in every page that has one of the three.
  hostConnected(): void {
    addEventListener('popstate', this.changed);
  }

  hostDisconnected(): void {
    removeEventListener('popstate', this.changed);
  }
}
