import { ContentError, isAbort } from './content-error.js';
import { countOf } from './count.js';
import { type RetryOptions, withRetries } from './retry.js';

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
  /** First backoff ceiling in milliseconds; doubles each attempt, the wait random below it. Default 400. */
  baseDelay?: number;
  /** A `Retry-After` longer than this (ms) is not waited for: the failure is shown instead. */
  maxRetryAfter?: number;
  /** Documents kept in memory. Default 100. */
  cacheSize?: number;
  /** How long (ms) a document whose response has no `Cache-Control` is reused. Default 5 minutes. */
  ttl?: number;
}

export const DEFAULT_TIMEOUT = 10_000;

/** One caller of a shared request: its own timeout, counted afresh for each attempt. */
interface Caller {
  /** An attempt starts (`true`) or the request waits to retry (`false`). */
  attempt(started: boolean): void;
}

interface SharedRequest {
  promise: Promise<ContentResponse>;
  controller: AbortController;
  callers: Set<Caller>;
  /** Asked for with `fresh`: a Retry never joins a request that may answer from before. */
  fresh: boolean;
}

interface CacheEntry {
  response: ContentResponse;
  expires: number;
}

/** The paging totals a WordPress server sends as headers. */
export const pagingTotals = (headers: Headers): Pick<ContentResponse, 'total' | 'totalPages'> => ({
  total: countOf(headers.get('X-WP-Total')),
  totalPages: countOf(headers.get('X-WP-TotalPages')),
});

/**
 * How long a response may be reused from memory, from its `Cache-Control`: `no-store`,
 * `no-cache` and `max-age=0` not at all, `max-age=N` for N seconds, none given `ttl`.
 */
export function freshFor(cacheControl: string | null, ttl: number): number {
  if (!cacheControl) return ttl;
  if (/(^|,)\s*(no-store|no-cache)\b/i.test(cacheControl)) return 0;
  const maxAge = /(^|,)\s*max-age\s*=\s*"?(\d+)/i.exec(cacheControl);
  return maxAge ? Number(maxAge[2]) * 1000 : ttl;
}

/**
 * Fetches JSON documents for every element on a page: one request per URL however many
 * elements ask at once, answers reused while their `Cache-Control` allows, transient failures
 * retried with backoff, each caller with its own timeout and free to abort without cancelling
 * the others.
 */
export class ContentClient {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly inflight = new Map<string, SharedRequest>();
  private readonly retry: Omit<RetryOptions, 'signal' | 'phase'>;
  private readonly cacheSize: number;
  private readonly ttl: number;

  constructor(options: ContentClientOptions = {}) {
    this.retry = { retries: options.retries ?? 2, baseDelay: options.baseDelay ?? 400, maxRetryAfter: options.maxRetryAfter ?? 30_000 };
    this.cacheSize = options.cacheSize ?? 100;
    this.ttl = options.ttl ?? 5 * 60_000;
  }

  /** GETs `url` as JSON. Rejects with a `ContentError`, or an `AbortError` when `signal` aborts. */
  fetchJson(url: string, options: GetOptions = {}): Promise<ContentResponse> {
    const { signal, fresh = false } = options;
    const timeout = options.timeout ?? DEFAULT_TIMEOUT;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const cached = fresh ? undefined : this.cached(url);
    if (cached) return Promise.resolve(cached);

    let shared = this.inflight.get(url);
    if (!shared || (fresh && !shared.fresh)) shared = this.start(url, fresh);
    const request = shared;

    return new Promise<ContentResponse>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const leave = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        // The last caller to lose interest cancels the network request itself.
        if (request.callers.delete(caller) && !request.callers.size) {
          request.controller.abort();
          if (this.inflight.get(url) === request) this.inflight.delete(url);
        }
      };
      const onAbort = (): void => {
        leave();
        reject(signal!.reason);
      };
      const caller: Caller = {
        attempt: (started) => {
          clearTimeout(timer);
          if (started)
            timer = setTimeout(() => {
              leave();
              reject(new ContentError('timeout', `${url} did not answer within ${timeout} ms`, undefined, url));
            }, timeout);
        },
      };
      request.callers.add(caller);
      caller.attempt(true);
      signal?.addEventListener('abort', onAbort, { once: true });
      request.promise.then(resolve, reject).finally(() => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        request.callers.delete(caller);
      });
    });
  }

  /** Forgets cached documents (all, or one URL). */
  clear(url?: string): void {
    if (url) this.cache.delete(url);
    else this.cache.clear();
  }

  private cached(url: string): ContentResponse | undefined {
    const entry = this.cache.get(url);
    if (entry && entry.expires > Date.now()) return entry.response;
    if (entry) this.cache.delete(url);
    return undefined;
  }

  private start(url: string, fresh: boolean): SharedRequest {
    const request: SharedRequest = { promise: Promise.resolve() as never, controller: new AbortController(), callers: new Set(), fresh };
    request.promise = this.load(url, request);
    this.inflight.set(url, request);
    request.promise
      .catch(() => undefined)
      .finally(() => {
        if (this.inflight.get(url) === request) this.inflight.delete(url);
      });
    return request;
  }

  private remember(url: string, response: ContentResponse, lifetime: number): void {
    this.cache.delete(url);
    if (lifetime <= 0) return;
    this.cache.set(url, { response, expires: Date.now() + lifetime });
    if (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value!);
  }

  private async load(url: string, request: SharedRequest): Promise<ContentResponse> {
    const { signal } = request.controller;
    const phase = (started: boolean) => request.callers.forEach((caller) => caller.attempt(started));
    // Callers join in the same task that starts the request: let them, before timing attempts.
    await Promise.resolve();
    const [response, text] = await withRetries(() => this.attempt(url, signal, request.fresh), { ...this.retry, signal, phase });
    if (!response.ok) {
      throw new ContentError('http', `${url} answered ${response.status} ${response.statusText}`.trim(), response.status, url);
    }
    const result: ContentResponse = {
      url,
      data: parseJson(text, url, response.headers.get('Content-Type')),
      ...pagingTotals(response.headers),
    };
    this.remember(url, result, freshFor(response.headers.get('Cache-Control'), this.ttl));
    return result;
  }

  /** One request; each caller's timeout covers the body as well as the headers. */
  private async attempt(url: string, signal: AbortSignal, fresh: boolean): Promise<[Response, string]> {
    try {
      // Fresh (a Retry) asks the server again, past the browser's HTTP cache too.
      const response = await fetch(url, { signal, headers: { Accept: 'application/json' }, cache: fresh ? 'no-cache' : 'default' });
      return [response, await response.text()];
    } catch (error) {
      if (signal.aborted || isAbort(error)) throw signal.reason ?? error;
      throw new ContentError('network', `${url} could not be reached (${(error as Error).message})`, undefined, url);
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

/**
 * The client elements share when no `news-provider` gives them one. Elements reach it through
 * `pageClient()` (`page-client.ts`), which loads this module with the first request.
 */
export const defaultClient = new ContentClient();
