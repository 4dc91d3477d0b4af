import { ContentError, isAbort } from './content-error.js';
import { isTransient, retryDelay, sleep } from './retry.js';

/** One loaded document: the parsed JSON and the paging totals a server sent as headers. */
export interface ContentResponse {
  url: string;
  data: unknown;
  /** `X-WP-Total` (WordPress), when present. */
  total?: number;
  /** `X-WP-TotalPages` (WordPress), when present. */
  totalPages?: number;
}

export interface GetOptions {
  signal?: AbortSignal;
  /** Milliseconds before one attempt gives up (default 10 000). */
  timeout?: number;
  /** Skip the cache (a visitor pressed Retry). */
  fresh?: boolean;
}

export interface ContentClientOptions {
  /** Extra attempts after a transient failure (network error, 5xx, 429). Default 2. */
  retries?: number;
  /** First backoff step in milliseconds; doubles each attempt, with jitter. Default 400. */
  baseDelay?: number;
  /** A `Retry-After` longer than this (ms) is not waited for: the failure is shown instead. */
  maxRetryAfter?: number;
  /** Documents kept in memory. Default 100. */
  cacheSize?: number;
}

export const DEFAULT_TIMEOUT = 10_000;

interface SharedRequest {
  promise: Promise<ContentResponse>;
  controller: AbortController;
  users: number;
}

const headerNumber = (headers: Headers, name: string): number | undefined => {
  const value = headers.get(name);
  const number = value === null ? NaN : Number(value);
  return Number.isInteger(number) && number >= 0 ? number : undefined;
};

/**
 * Fetches JSON documents for every element on a page: one request per URL however many
 * elements ask at once, answers kept in memory, transient failures retried with backoff,
 * each caller free to abort without cancelling the others.
 */
export class ContentClient {
  private readonly cache = new Map<string, ContentResponse>();
  private readonly inflight = new Map<string, SharedRequest>();
  private readonly retries: number;
  private readonly baseDelay: number;
  private readonly maxRetryAfter: number;
  private readonly cacheSize: number;

  constructor(options: ContentClientOptions = {}) {
    this.retries = options.retries ?? 2;
    this.baseDelay = options.baseDelay ?? 400;
    this.maxRetryAfter = options.maxRetryAfter ?? 30_000;
    this.cacheSize = options.cacheSize ?? 100;
  }

  /** GETs `url` as JSON. Rejects with a `ContentError`, or an `AbortError` when `signal` aborts. */
  fetchJson(url: string, options: GetOptions = {}): Promise<ContentResponse> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const cached = options.fresh ? undefined : this.cache.get(url);
    if (cached) return Promise.resolve(cached);

    let shared = this.inflight.get(url);
    if (!shared) {
      const controller = new AbortController();
      const promise = this.load(url, controller.signal, options.timeout ?? DEFAULT_TIMEOUT);
      const entry: SharedRequest = { promise, controller, users: 0 };
      shared = entry;
      this.inflight.set(url, entry);
      promise
        .then(
          (response) => this.remember(url, response),
          () => {},
        )
        .finally(() => {
          if (this.inflight.get(url) === entry) this.inflight.delete(url);
        });
    }
    const request = shared;
    request.users++;
    return new Promise<ContentResponse>((resolve, reject) => {
      const onAbort = () => {
        reject(signal!.reason);
        // The last caller to lose interest cancels the network request itself.
        if (--request.users === 0) {
          request.controller.abort();
          if (this.inflight.get(url) === request) this.inflight.delete(url);
        }
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      request.promise.then(resolve, reject).finally(() => signal?.removeEventListener('abort', onAbort));
    });
  }

  /** Forgets cached documents (all, or one URL). */
  clear(url?: string): void {
    if (url) this.cache.delete(url);
    else this.cache.clear();
  }

  private remember(url: string, response: ContentResponse): void {
    this.cache.delete(url);
    this.cache.set(url, response);
    if (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value!);
  }

  private async load(url: string, signal: AbortSignal, timeout: number): Promise<ContentResponse> {
    for (let attempt = 0; ; attempt++) {
      const canRetry = attempt < this.retries;
      let response: Response;
      let text: string;
      try {
        [response, text] = await this.attempt(url, signal, timeout);
      } catch (error) {
        if (signal.aborted || (error instanceof ContentError && error.kind === 'timeout') || !canRetry) throw error;
        await sleep(retryDelay(attempt, null, this.baseDelay), signal);
        continue;
      }
      if (!response.ok) {
        const delay = retryDelay(attempt, response.headers.get('Retry-After'), this.baseDelay);
        if (canRetry && isTransient(response.status) && delay <= this.maxRetryAfter) {
          await sleep(delay, signal);
          continue;
        }
        throw new ContentError('http', `${url} answered ${response.status} ${response.statusText}`.trim(), response.status, url);
      }
      return {
        url,
        data: parseJson(text, url, response.headers.get('Content-Type')),
        total: headerNumber(response.headers, 'X-WP-Total'),
        totalPages: headerNumber(response.headers, 'X-WP-TotalPages'),
      };
    }
  }

  /** One request with its own timeout, covering the body as well as the headers. */
  private async attempt(url: string, signal: AbortSignal, timeout: number): Promise<[Response, string]> {
    const controller = new AbortController();
    const onAbort = () => controller.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeout);
    try {
      const response = await fetch(url, { signal: controller.signal, headers: { Accept: 'application/json' } });
      return [response, await response.text()];
    } catch (error) {
      if (timedOut) throw new ContentError('timeout', `${url} did not answer within ${timeout} ms`, undefined, url);
      if (signal.aborted || isAbort(error)) throw signal.reason ?? error;
      throw new ContentError('network', `${url} could not be reached (${(error as Error).message})`, undefined, url);
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    }
  }
}

function parseJson(text: string, url: string, type: string | null): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const looksHtml = /^\s*</.test(text);
    const detail = looksHtml
      ? `got ${type ?? 'a document'} that looks like HTML (a login or error page?)`
      : `the JSON is malformed (${(error as Error).message})`;
    throw new ContentError(looksHtml ? 'not-json' : 'format', `${url}: expected JSON, ${detail}`, undefined, url);
  }
}

/** The client elements share when no `news-provider` gives them one. */
export const defaultClient = new ContentClient();
