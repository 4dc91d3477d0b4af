// Shared by the element suites: a clean content client per test and access to the mock server.
import { ContentClient } from '../src/core/content-client.js';

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
