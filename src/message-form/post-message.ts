import { ContentError, isAbort } from '../core/network/content-error.js';
import { type RetryOptions, withRetries } from '../core/network/retry.js';

export interface PostOptions extends RetryOptions {
  /** The `Idempotency-Key`: the same for every attempt, so the server stores the message once. */
  key: string;
  csrfToken?: string;
  credentials: RequestCredentials;
  /** Milliseconds before one attempt gives up. */
  timeout: number;
}

/** The server's last answer and its body (parsed JSON, else text). */
export type PostReply = [response: Response, body: unknown];

/** The reason an attempt is aborted with when it takes longer than `timeout`. */
const TIMED_OUT = {};

/**
 * POSTs `body` as JSON, retrying transient failures with backoff (honouring `Retry-After`).
 * Resolves with the last answer, whatever its status; rejects with a `ContentError` when no
 * answer came (network, timeout), or with the abort reason.
 */
export async function postMessage(url: string, body: string, options: PostOptions): Promise<PostReply> {
  const [response, text] = await withRetries(() => attempt(url, body, options), options);
  try {
    return [response, JSON.parse(text)];
  } catch {
    return [response, text || undefined];
  }
}

async function attempt(url: string, body: string, options: PostOptions): Promise<[Response, string]> {
  const { signal, timeout, csrfToken } = options;
  const controller = new AbortController();
  const abort = () => controller.abort(signal.reason);
  signal.addEventListener('abort', abort);
  const timer = setTimeout(() => controller.abort(TIMED_OUT), timeout);
  try {
    const response = await fetch(url, {
      method: 'POST',
      body,
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'Idempotency-Key': options.key,
        ...(csrfToken && { 'X-CSRF-Token': csrfToken }),
      },
      credentials: options.credentials,
      signal: controller.signal,
    });
    // Read the body inside the timeout too: a server can stall after the headers.
    return [response, await response.text()];
  } catch (error) {
    if (controller.signal.reason === TIMED_OUT)
      throw new ContentError('timeout', `${url} did not answer within ${timeout} ms`, undefined, url);
    if (signal.aborted || isAbort(error)) throw signal.reason ?? error;
    throw new ContentError('network', `${url} could not be reached (${(error as Error).message})`, undefined, url);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', abort);
  }
}

/** A version 4 UUID; `crypto.randomUUID` exists only on https and localhost pages. */
export function uuid(): string {
  // By hand: every 0, 1 and 8 of the pattern becomes a random hex digit (4 is the version; the
  // variant digit, from 8, keeps its top bits 10).
  return (
    crypto.randomUUID?.() ??
    '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (digit) =>
      (+digit ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (+digit / 4)))).toString(16),
    )
  );
}
