import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Locale } from '../core/locale/locale.js';
import type { MessageFormData } from '../message-form/message-form.js';
import type { MessageRules } from '../message-form/validate.js';
import { scriptJson } from '../ssr/head.js';
import { parsePage } from '../ssr/page-parser.js';
import { type RenderedPage, renderPageResult } from '../ssr/render-page.js';
import { HEADERS, takeMessage } from './form-post.js';
import { remoteRead, siteFetch, siteFile, type SourceRead } from './site-fetch.js';
import { jsonLinesStore, type MessageStore } from './stores.js';
import { localeOf, texts } from './texts.js';

export interface NewsroomOptions {
  /** The folder of the site's HTML pages, served server-rendered at their paths. */
  root: string;
  /**
   * Where the pages' sources on the site itself are read from: a folder served at the site's
   * root (default `root`), or a fetch of your own. Other sources are fetched over the network.
   */
  content?: string | ((url: string, init?: RequestInit) => Promise<Response>);
  /**
   * Where accepted messages go: a store (`jsonLinesStore`, `postgresStore`, `webhookStore`), or the
   * path of a JSON-lines file. Default `data/messages.jsonl` under the current folder. `false`
   * turns form posts off.
   */
  messages?: MessageStore | string | false;
  /** The message form's endpoint and rules (those of its `fields` and `required`). */
  form?: {
    /** Default `/api/messages`. */
    path?: string;
    rules?: MessageRules;
    /** Bytes a body may have (default 64 KB). */
    limit?: number;
    /** The thank-you page a browser goes to: a path, or one per language. */
    thanks?: string | Partial<Record<Locale, string>>;
    /** The form's page, where errors are shown when the Referer names none: a path, or one per language. */
    page?: string | Partial<Record<Locale, string>>;
    /** Posts taken at once (default 256); more are answered 429 with `Retry-After`, which message-form retries. */
    maxPending?: number;
  };
  /**
   * Lists the stored messages (`GET <form path>`, `GET <form path>/<id>`). They hold personal
   * data: off unless `true`, and only behind your own access control.
   */
  inbox?: boolean;
  /** The Content-Security-Policy of pages; the rendered styles' hashes are added to `style-src`. */
  policy?: string;
  /** Rendered pages kept (default 200; 0 renders every request). */
  cache?: number;
  /** How long a render waits for each source, in ms (default 3000); then that source is left to the browser. */
  timeout?: number;
  /** Changes a page's HTML before it is rendered (reads through `fetch` are watched by the cache). */
  prepare?: (html: string, context: { url: URL; fetch: (url: string) => Promise<Response> }) => string | Promise<string>;
  /** The RSS feed a page links from its head (`/feed.xml`, or one per page: `(url) => …`). */
  feed?: string | ((url: URL) => string | undefined);
  /** Answers every request the handler does not serve (default: a 404). */
  fallback?: (request: Request) => Response | Promise<Response>;
  /** Told of what went wrong without failing a request: a source, a render, a store. */
  onError?: (error: Error) => void;
}

/** The policy the elements are built to work under: no inline script or style, Trusted Types. */
export const STRICT_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html dompurify newsroom',
].join('; ');

const HTML = 'text/html; charset=utf-8';

interface CachedPage extends RenderedPage {
  reads: SourceRead[];
}

export interface Newsroom {
  fetch(request: Request): Promise<Response>;
  /** Waits for pending writes and closes the message store. */
  close(): Promise<void>;
}

/**
 * A site's news server as one Fetch handler (`Bun.serve`, `Deno.serve`, `export default`, or
 * Node through `newsroom-elements/server/node`): its pages server-rendered and cached under a
 * strict CSP, the message form's posts, and, when asked, the inbox.
 */
export function newsroom(options: NewsroomOptions): Newsroom {
  const root = resolve(options.root);
  const formPath = options.form?.path ?? '/api/messages';
  const store =
    options.messages === false
      ? undefined
      : typeof options.messages === 'object'
        ? options.messages
        : jsonLinesStore(resolve(options.messages ?? 'data/messages.jsonl'));
  // The message file is never served, whatever folder it is in.
  const deny =
    typeof options.messages === 'string' || options.messages === undefined
      ? [dirname(resolve(options.messages ?? 'data/messages.jsonl'))]
      : [];
  const limit = options.cache ?? 200;
  const cache = new Map<string, CachedPage>();
  let pending = 0;
  const report = (error: Error) => (options.onError ? options.onError(error) : console.error(error));

  const sourceFetch = (origin: string, onRead: (read: SourceRead) => void) => {
    const content = options.content;
    if (typeof content === 'function')
      return async (url: string, init?: RequestInit) => {
        const response = await content(url, init);
        onRead(remoteRead(String(url), response));
        return response;
      };
    return siteFetch(content ?? root, origin + '/', { onRead, deny });
  };

  /** The page at `file` rendered for `url`, or undefined (rendering failed: served as written). */
  async function render(file: string, url: URL, source?: string): Promise<CachedPage | undefined> {
    const reads: SourceRead[] = [];
    const onRead = (read: SourceRead) => reads.push(read);
    const fetch = sourceFetch(url.origin, onRead);
    try {
      const info = await stat(file);
      reads.push({ file, mtimeMs: info.mtimeMs });
      let html = source ?? (await readFile(file, 'utf8'));
      if (options.prepare) html = await options.prepare(html, { url, fetch });
      const feed = typeof options.feed === 'function' ? options.feed(url) : options.feed;
      const rendered = await renderPageResult(html, { url: url.href, fetch, onError: report, feed, timeout: options.timeout });
      // A source that failed (a timeout leaves no read behind) is asked again on the next request.
      for (const failed of rendered.failedSources) reads.push({ url: failed, expires: 0 });
      return { ...rendered, reads };
    } catch (error) {
      report(new Error(`Server rendering of ${url.pathname} failed; it is served as written`, { cause: error }));
      return undefined;
    }
  }

  async function fresh(page: CachedPage): Promise<boolean> {
    const checks = page.reads.map(async (read) => {
      if ('file' in read) return ((await stat(read.file).catch(() => undefined))?.mtimeMs ?? 0) === read.mtimeMs;
      if (Date.now() < read.expires) return true;
      if (!read.etag && !read.lastModified) return false;
      // Revalidated with the source's own validators: a 304 keeps the page.
      const headers: Record<string, string> = {};
      if (read.etag) headers['If-None-Match'] = read.etag;
      if (read.lastModified) headers['If-Modified-Since'] = read.lastModified;
      const fetcher = typeof options.content === 'function' ? options.content : globalThis.fetch;
      const response = await fetcher(read.url, { headers }).catch(() => undefined);
      await response?.body?.cancel();
      if (response?.status !== 304) return false;
      Object.assign(read, { expires: (remoteRead(read.url, response) as { expires: number }).expires });
      return true;
    });
    return !(await Promise.all(checks)).includes(false);
  }

  async function page(request: Request, url: URL, file: string): Promise<Response> {
    if (url.searchParams.get('ssr') === '0') return send(request, 200, await readFile(file, 'utf8'), [], 'ssr;desc="off"');
    const key = url.host + url.pathname + url.search;
    const started = performance.now();
    let rendered = cache.get(key);
    let timing = 'ssr;desc="cache"';
    if (!rendered || !(await fresh(rendered))) {
      cache.delete(key);
      rendered = await render(file, url);
      timing = `ssr;desc="render";dur=${(performance.now() - started).toFixed(1)}`;
      if (rendered && limit > 0) {
        cache.set(key, rendered);
        if (cache.size > limit) cache.delete(cache.keys().next().value!);
      }
    }
    if (!rendered) return send(request, 200, await readFile(file, 'utf8'), [], 'ssr;desc="failed"');
    return send(request, rendered.status, withFreshKeys(rendered), rendered.styleHashes, timing);
  }

  function send(request: Request, status: number, html: string, styleHashes: string[], timing?: string): Response {
    const headers: Record<string, string> = {
      ...HEADERS,
      'Content-Type': HTML,
      'Content-Security-Policy': policyWith(options.policy ?? STRICT_POLICY, styleHashes),
    };
    if (timing) headers['Server-Timing'] = timing;
    return new Response(request.method === 'HEAD' ? null : html, { status, headers });
  }

  /** The form's page again with `data` as message-form's inline JSON, rendered, for a browser without script. */
  async function showAgain(request: Request, locale: Locale, data: MessageFormData): Promise<Response> {
    const fallback = options.form?.page;
    const own = new URL(request.url);
    const candidates = [request.headers.get('referer'), typeof fallback === 'string' ? fallback : (fallback?.[locale] ?? fallback?.en)];
    for (const candidate of candidates) {
      let url: URL;
      try {
        url = new URL(candidate ?? '', own);
      } catch {
        continue;
      }
      const file = candidate && url.origin === own.origin ? await siteFile(root, url.pathname, { deny }) : undefined;
      if (!file?.endsWith('.html')) continue;
      const source = await readFile(file, 'utf8');
      const form = parsePage(source).elements.find((element) => element.tag === 'message-form');
      if (!form) continue;
      const withData =
        source.slice(0, form.insertAt) + `<script type="application/json">${scriptJson(data)}</script>` + source.slice(form.insertAt);
      const rendered = await render(file, url, withData);
      return rendered ? send(request, 200, rendered.html, rendered.styleHashes) : send(request, 200, withData, []);
    }
    const lines = Object.entries(data.errors ?? {}).map(([name, text]) => `${name}: ${String(text)}`);
    return new Response(lines.join('\n'), { headers: { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
  }

  async function inbox(request: Request, url: URL): Promise<Response | undefined> {
    if (!store || !options.inbox) return undefined;
    const show = ({ id, receivedAt, message }: { id: string; receivedAt: string; message: object }) => ({ id, receivedAt, ...message });
    if (url.pathname === formPath) {
      const items = (await store.list()).map(show).reverse();
      return json(request, 200, { items, total: items.length });
    }
    const id = url.pathname.slice(formPath.length + 1);
    const found = /^[\w-]{1,64}$/.test(id) ? await store.get(id) : undefined;
    return found ? json(request, 200, show(found)) : undefined;
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const t = texts[localeOf(request, url)];
    const read = request.method === 'GET' || request.method === 'HEAD';
    // The endpoint is matched exactly as written: no decoding, no case folding, no `..`.
    if (store && url.pathname === formPath) {
      if (request.method === 'POST') {
        if (pending >= (options.form?.maxPending ?? 256)) return json(request, 429, { errors: { form: t.busy } }, { 'Retry-After': '1' });
        pending++;
        return takeMessage(request, {
          store,
          rules: options.form?.rules,
          limit: options.form?.limit,
          thanks: options.form?.thanks,
          location: options.inbox ? (id) => `${formPath}/${id}` : undefined,
          showAgain,
          onError: report,
        }).finally(() => pending--);
      }
      const listed = read ? await inbox(request, url) : undefined;
      if (listed) return listed;
      return json(request, 405, { errors: { form: t.method } }, { Allow: options.inbox ? 'GET, HEAD, POST' : 'POST' });
    }
    if (store && read && url.pathname.startsWith(formPath + '/')) {
      const one = await inbox(request, url);
      if (one) return one;
      return json(request, 404, { errors: { form: t.notFound } });
    }
    if (read) {
      const file = await siteFile(root, url.pathname, { deny });
      if (file?.endsWith('.html')) return page(request, url, file);
    }
    return options.fallback
      ? options.fallback(request)
      : new Response('Not Found', { status: 404, headers: { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
  }

  return {
    async fetch(request) {
      try {
        return await handle(request);
      } catch (error) {
        report(error as Error);
        return json(request, 500, { errors: { form: 'Internal Server Error' } });
      }
    },
    close: async () => store?.close?.(),
  };
}

/** A cached page is shared by every visitor: each response gives each form a key of its own. */
const withFreshKeys = ({ html, formKeys }: RenderedPage) => formKeys.reduce((out, key) => out.split(key).join(crypto.randomUUID()), html);

/** `policy` with the hashes allowed in `style-src` (added when the policy has none). */
export function policyWith(policy: string, styleHashes: string[]): string {
  if (!styleHashes.length) return policy;
  const directives = policy.split(';').map((part) => part.trim());
  const at = directives.findIndex((part) => /^style-src\s/i.test(part) || part.toLowerCase() === 'style-src');
  if (at === -1) directives.push(`style-src 'self' ${styleHashes.join(' ')}`);
  else directives[at] += ' ' + styleHashes.join(' ');
  return directives.filter(Boolean).join('; ');
}

const json = (request: Request, status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(request.method === 'HEAD' ? null : JSON.stringify(body), {
    status,
    headers: { ...HEADERS, 'Content-Type': 'application/json; charset=utf-8', ...headers },
  });
