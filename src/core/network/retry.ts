/** Statuses worth asking again: the server is overloaded or briefly away. */
export function isTransient(status: number): boolean {
  return status === 429 || status >= 500;
}

/**
 * Milliseconds to wait before attempt `attempt + 1`: the server's `Retry-After` (seconds or an
 * HTTP date) when it sent one, else exponential backoff with full jitter: anywhere from 0 up to
 * `baseDelay * 2 ** attempt`. Many pages retrying one recovering server spread out best that way
 * (AWS, "Exponential Backoff And Jitter"); equal jitter's fixed half would bunch them again.
 */
export function retryDelay(attempt: number, retryAfter: string | null, baseDelay: number): number {
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - Date.now());
  }
  return Math.random() * baseDelay * 2 ** attempt;
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

export interface RetryOptions {
  /** Extra attempts after a network error, timeout, 5xx or 429. */
  retries: number;
  /** First backoff ceiling in milliseconds; doubles each attempt, the wait random below it. */
  baseDelay: number;
  /** A `Retry-After` longer than this (ms) is not waited for: the last answer stands. */
  maxRetryAfter: number;
  signal: AbortSignal;
  /** Told when an attempt starts (`true`, from the second on) and when a wait begins (`false`). */
  phase?: (started: boolean) => void;
}

/**
 * The one retry loop of GETs and POSTs: runs `attempt` again after a network error or a 5xx /
 * 429 answer, with backoff (honouring `Retry-After`). Resolves with the last answer, whatever its
 * status; rejects with the last error when no answer came, or with the abort reason.
 */
export async function withRetries<T extends [Response, ...unknown[]]>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let n = 0; ; n++) {
    const canRetry = n < options.retries;
    let answer: T | undefined;
    if (n) options.phase?.(true);
    try {
      answer = await attempt();
      if (!isTransient(answer[0].status)) return answer;
    } catch (error) {
      if (options.signal.aborted || !canRetry) throw error;
    }
    const delay = retryDelay(n, answer?.[0].headers.get('Retry-After') ?? null, options.baseDelay);
    if (answer && (!canRetry || delay > options.maxRetryAfter)) return answer;
    options.phase?.(false);
    await sleep(delay, options.signal);
  }
}
