/** Statuses worth asking again: the server is overloaded or briefly away. */
export function isTransient(status: number): boolean {
  return status === 429 || status >= 500;
}

/**
 * Milliseconds to wait before attempt `attempt + 1`: the server's `Retry-After` (seconds or an
 * HTTP date) when it sent one, else exponential backoff with full jitter.
 */
export function retryDelay(attempt: number, retryAfter: string | null, baseDelay: number): number {
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - Date.now());
  }
  const ceiling = baseDelay * 2 ** attempt;
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/** Resolves after `ms`, or rejects as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
