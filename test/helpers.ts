// Shared by the element suites: a clean content client per test, access to the mock server, and
// the way every suite mounts an element, finds its parts and waits for it.
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { ReactiveElement } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ContentClient } from '../src/core/network/content-client.js';

let counter = 0;

/** A fresh key so each test's requests are counted on their own. */
export const uniqueKey = (name = 'k') => `${name}-${Date.now()}-${counter++}`;

/** The requests the test server's /mock/ endpoint saw for `key`. */
export async function mockLog(
  key: string,
): Promise<Array<{ method: string; url: string; headers: Record<string, string>; body: string; aborted: boolean }>> {
  const response = await fetch(`/mock-log?key=${encodeURIComponent(key)}`);
  return response.json();
}

/** A mock URL: `mockUrl({ key, fail: '503', then: '/test/fixtures/list.json' })`. */
export function mockUrl(params: Record<string, string | number>, name = 'doc'): string {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  return `/mock/${name}?${query}`;
}

/** A client with short backoff so retry tests run fast. */
export const fastClient = () => new ContentClient({ baseDelay: 20 });

/**
 * Waits until every image under `roots` has loaded or failed and the events that follow have
 * run: what a hostile `onerror` would need to fire. An event to wait on, not a fixed sleep.
 */
export async function imagesSettled(...roots: ParentNode[]): Promise<void> {
  // A lazy image off screen is never fetched, so it never completes (nor fires anything).
  const images = roots.flatMap((root) => [...root.querySelectorAll('img')]).filter((image) => image.loading !== 'lazy');
  const deadline = performance.now() + 5_000;
  while (!images.every((image) => image.complete) && performance.now() < deadline) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  // Load and error events are queued when an image completes: let them run first.
  await new Promise((resolve) => setTimeout(resolve));
}

/** How long a test waits for an element: generous, as three engines share a busy machine. */
const PATIENCE = 8000;

/** Waits until `ready()` holds, polling as `waitUntil` does, with the suite's one timeout. */
export const until = (ready: () => unknown, message: string) => waitUntil(ready, message, { timeout: PATIENCE });

/** The nodes in `el`'s shadow root that carry the part `name` (what `::part(name)` styles). */
export const parts = (el: Element, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~=${name}]`)];

/** The first node in `el`'s shadow root that carries the part `name`, or null. */
export const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~=${name}]`);

/** A data element (`data` property, `aria-busy` while loading). */
type DataElement = ReactiveElement & { data?: unknown };

/** Waits until a data element has its data and is not busy, or shows its error; then for its render. */
export async function loaded(el: DataElement): Promise<void> {
  await until(
    () => (el.data !== undefined && !el.hasAttribute('aria-busy')) || !!el.shadowRoot!.querySelector('[role=alert]'),
    `${el.localName} loaded`,
  );
  await el.updateComplete;
}

interface MountOptions<E> {
  /** The provider's `locale`. */
  locale?: string;
  /** What to wait for before the test goes on; `loaded` by default. */
  ready?: (el: E) => Promise<unknown>;
  /** Without a news-provider around it (a plain `<div>`): the element on its own. */
  alone?: boolean;
}

/**
 * Renders `template` inside a news-provider that hands down a fast client (or inside a plain
 * `<div>` when `alone`), and returns the first `tag` element in it once it is `ready`.
 */
export async function mount<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  template: unknown,
  {
    locale,
    ready = loaded as (el: HTMLElementTagNameMap[K]) => Promise<unknown>,
    alone = false,
  }: MountOptions<HTMLElementTagNameMap[K]> = {},
): Promise<HTMLElementTagNameMap[K]> {
  const host = alone
    ? await fixture(html`<div>${template}</div>`)
    : await fixture(html`<news-provider locale=${ifDefined(locale)} .client=${fastClient()}>${template}</news-provider>`);
  const el = host.querySelector(tag)!;
  await ready(el);
  return el;
}

/**
 * Runs `run` with clicks kept from navigating the test page; `clickPrevented()` says whether the
 * last click had already been cancelled (by an element's own handler) when it reached the window.
 */
export async function withoutNavigation(run: (clickPrevented: () => boolean | undefined) => Promise<void>): Promise<void> {
  let prevented: boolean | undefined;
  const guard = (event: Event) => {
    prevented = event.defaultPrevented;
    event.preventDefault();
  };
  window.addEventListener('click', guard);
  try {
    await run(() => prevented);
  } finally {
    window.removeEventListener('click', guard);
  }
}

/** A page in a frame, with what it threw, rejected, warned or logged as an error. */
export interface Frame {
  window: Window & typeof globalThis;
  document: Document;
  problems: string[];
}

/** Loads `src` (a server-rendered page, without its script yet) in a 1000 × 2400 frame and listens for its problems. */
export async function openFrame(src: string): Promise<Frame> {
  const iframe = document.createElement('iframe');
  iframe.style.width = '1000px';
  iframe.style.height = '2400px';
  iframe.src = src;
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  document.body.append(iframe);
  await loaded;
  const window = iframe.contentWindow as Window & typeof globalThis;
  const problems: string[] = [];
  window.addEventListener('error', (event) => problems.push(`error: ${event.message}`));
  window.addEventListener('unhandledrejection', (event) => problems.push(`rejection: ${String(event.reason)}`));
  for (const level of ['warn', 'error'] as const) {
    const original = window.console[level].bind(window.console);
    window.console[level] = (...args: unknown[]) => {
      if (String(args[0]).startsWith('Lit is in dev mode')) return;
      problems.push(`${level}: ${args.map(String).join(' ')}`);
      original(...args);
    };
  }
  return { window, document: iframe.contentDocument!, problems };
}
