import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ContentClient, ContentResponse } from '../network/content-client.js';
import { pageClient } from '../network/page-client.js';
import { emit } from './events.js';
import { nextTask } from './next-task.js';

export type LoadStatus = 'initial' | 'pending' | 'complete' | 'error';

export interface ContentHost extends ReactiveControllerHost, EventTarget {
  /** A client of the host's own; else the page's shared one. */
  readonly client?: ContentClient;
  readonly timeout?: number;
}

export interface ContentView {
  /** Nothing to show yet: a skeleton the size of the content. */
  pending: () => unknown;
  /** The last good content (also shown under an error panel after a failed refresh). */
  complete: (response: ContentResponse) => unknown;
  /** A failure with nothing good to keep on screen. */
  error: (error: Error) => unknown;
  /** No source and no data. */
  initial?: () => unknown;
}

/**
 * Loading / complete / error for one JSON source (the shape of `@lit/task`): the URL is read
 * on every host update and a changed URL aborts the old request, so the last `src` always wins.
 */
export class ContentController implements ReactiveController {
  status: LoadStatus = 'initial';
  /** The last document loaded successfully (or set as data). */
  response?: ContentResponse;
  error?: Error;
  private key?: string;
  private abort?: AbortController;

  constructor(
    private readonly host: ContentHost,
    private readonly url: () => string | undefined,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const url = this.url();
    if (url === this.key) return;
    this.key = url;
    if (url) void this.load(url, false);
  }

  hostConnected(): void {
    // Moved while loading: the disconnect aborted the request, so load again (cheap: cached).
    if (this.status === 'pending' && !this.abort) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    if (!this.abort) return;
    this.abort.abort();
    this.abort = undefined;
    // Reconnecting (the element was moved) loads again; the client's cache makes that cheap.
    if (this.status === 'pending') this.key = undefined;
  }

  /** Loads the current URL again, bypassing the cache (the Retry button). */
  retry(): void {
    if (this.key) void this.load(this.key, true);
  }

  /**
   * Shows `response` without a request (inline JSON, the `data` property) and announces it with
   * `newsroom-load`, as a load would, so followers such as `related-articles` see it too.
   */
  set(response: ContentResponse, announce = true): void {
    this.abort?.abort();
    this.abort = undefined;
    this.response = response;
    // Read after the response is in place: a list learns from it that its server pages.
    this.key = this.url();
    this.error = undefined;
    this.status = 'complete';
    if (announce) emit(this.host, 'newsroom-load', { src: response.url, data: response.data });
    this.host.requestUpdate();
  }

  /**
   * Forgets what was shown: back to nothing (or to loading the current URL on the next update);
   * `pending` shows the skeleton meanwhile, as a load that has just started.
   */
  reset(status: LoadStatus = 'initial'): void {
    this.abort?.abort();
    this.abort = undefined;
    this.key = undefined;
    this.response = undefined;
    this.error = undefined;
    this.status = status;
    this.host.requestUpdate();
  }

  /** Shows an error that no request produced (malformed inline JSON). */
  fail(error: Error, src = ''): void {
    this.error = error;
    this.status = 'error';
    emit(this.host, 'newsroom-error', { src, error });
    this.host.requestUpdate();
  }

  render(view: ContentView): unknown {
    switch (this.status) {
      case 'initial':
        return view.initial?.();
      case 'pending':
        return this.response ? view.complete(this.response) : view.pending();
      case 'complete':
        return view.complete(this.response!);
      case 'error':
        return this.response ? [view.error(this.error!), view.complete(this.response)] : view.error(this.error!);
    }
  }

  private async load(url: string, fresh: boolean): Promise<void> {
    this.abort?.abort();
    const controller = (this.abort = new AbortController());
    this.status = 'pending';
    this.host.requestUpdate();
    try {
      const client = this.host.client ?? (await pageClient());
      if (controller.signal.aborted) return;
      const response = await client.fetchJson(url, { signal: controller.signal, timeout: this.host.timeout, fresh });
      // Elements sharing a document (every menu and the contact card read site.json) get it in
      // the same task: each renders in a task of its own, so together they make no long task.
      await nextTask();
      if (controller.signal.aborted) return;
      this.response = response;
      this.error = undefined;
      this.status = 'complete';
      emit(this.host, 'newsroom-load', { src: url, data: response.data });
    } catch (error) {
      if (controller.signal.aborted) return;
      this.error = error instanceof Error ? error : new Error(String(error));
      this.status = 'error';
      emit(this.host, 'newsroom-error', { src: url, error: this.error });
    } finally {
      if (this.abort === controller) this.abort = undefined;
      if (!controller.signal.aborted) this.host.requestUpdate();
    }
  }
}
