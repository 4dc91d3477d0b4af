import { ContentError, isAbort } from '../core/content-error.js';
import { withRetries } from '../core/retry.js';

export interface PostOptions {
  /** The `Idempotency-Key`: the same for every attempt, so the server stores the message once. */
  key: string;
  csrfToken?: string;
  credentials: RequestCredentials;
  /** Milliseconds before one attempt gives up. */
  timeout: number;
  /** Extra attempts after a network error, timeout, 5xx or 429. */
  retries: number;
  /** First backoff step in milliseconds. */
  baseDelay: number;
  /** A `Retry-After` longer than this (ms) is not waited for. */
  maxRetryAfter: number;
  signal: AbortSignal;
}

/** The server's last answer: its status and body (parsed JSON, else text). */
export interface PostReply {
  status: number;
  ok: boolean;
  body: unknown;
}

/**
 * POSTs `body` as JSON, retrying transient failures with backoff (honouring `Retry-After`).
 * Resolves with the last answer, whatever its status; rejects with a `ContentError` when no
 * answer came (network, timeout), or with the abort reason.
 */
export async function postMessage(url: string, body: string, options: PostOptions): Promise<PostReply> {
  const [response, text] = await withRetries(() => send(url, body, options), options);
  return { status: response.status, ok: response.ok, body: parseBody(text) };
}

async function send(url: string, body: string, options: PostOptions): Promise<[Response, string]> {
  const controller = new AbortController();
  const onAbort = () => controller.abort(options.signal.reason);
  options.signal.addEventListener('abort', onAbort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeout);
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/json',
    'Idempotency-Key': options.key,
  };
  if (options.csrfToken) headers['X-CSRF-Token'] = options.csrfToken;
  try {
    const response = await fetch(url, { method: 'POST', body, headers, credentials: options.credentials, signal: controller.signal });
    // Read the body inside the timeout too: a server can stall after the headers.
    return [response, await response.text()];
  } catch (error) {
    if (timedOut) throw new ContentError('timeout', `${url} did not answer within ${options.timeout} ms`, undefined, url);
    if (options.signal.aborted || isAbort(error)) throw options.signal.reason ?? error;
    throw new ContentError('network', `${url} could not be reached (${(error as Error).message})`, undefined, url);
  } finally {
    clearTimeout(timer);
    options.signal.removeEventListener('abort', onAbort);
  }
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text || undefined;
  }
}

/** A version 4 UUID; `crypto.randomUUID` exists only on https and localhost pages. */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
