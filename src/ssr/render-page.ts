import { createHash, randomUUID } from 'node:crypto';
import { LitElementRenderer, RenderResultIterator } from '@lit-labs/ssr';
import { decodeHTML } from 'entities/decode';
import type { LitElement } from 'lit';
import { ContactCard } from '../contact-card/contact-card.js';
import { type ContentResponse, defaultClient, pagingTotals } from '../core/network/content-client.js';
import { withRetries } from '../core/network/retry.js';
import type { NewsroomConfig } from '../core/element/context.js';
import { coreMessages, fillTemplate, format, type Locale } from '../core/locale/locale.js';
import type { Article } from '../core/data/model.js';
import { defineElement } from '../core/element/define.js';
import { useCharacterReferenceDecoder } from '../core/data/html-text.js';
import { hydrationStamp } from '../core/element/hydration.js';
import { type LazyStyled, whenStyled } from '../core/element/element-styles.js';
import type { NewsroomTag } from '../core/element/tags.js';
import { type PageInfo, withPage } from '../core/page/address.js';
import { safeUrl } from '../core/security/safe-url.js';
import { contentDocument, sanitizeHtml, useSanitizerWindow } from '../core/security/sanitize.js';
import { provideSanitizer } from '../core/security/sanitizer.js';
import { MessageForm } from '../message-form/message-form.js';
import { NewsArticle } from '../news-article/news-article.js';
import { NewsList } from '../news-list/news-list.js';
import { NewsProvider } from '../news-provider/news-provider.js';
import { RelatedArticles } from '../related-articles/related-articles.js';
import { SiteNav } from '../site-nav/site-nav.js';
import { siteOf } from '../core/data/site-format.js';
import { type Edit, escapeText, feedLinkEdits, headEdits, type HeadSource, scriptJson } from './head.js';
import { type FoundElement, parsePage } from './page-parser.js';
import { usedStyles } from './used-styles.js';
import { noScriptPending, noScriptStyles } from './no-script-styles.js';

export interface RenderPageOptions {
  /** The page's own address: relative sources resolve against it, and its `?id=` and each list's page key (`?query-1-page=`) choose content. */
  url?: string;
  /** Fetches content (default: the global `fetch`). */
  fetch?: (url: string, init?: RequestInit) => Promise<Response>;
  /** Milliseconds one source may take before its element is left to the browser (default 3000). */
  timeout?: number;
  /** Called once per source that failed or timed out (the page still renders). */
  onError?: (error: SourceError) => void;
  /** The site's RSS feed (`/feed.xml`), linked from the page's head for feed readers. */
  feed?: string;
  /** The feed link's title (the site's name). */
  feedTitle?: string;
}

/** A content source renderPage could not use; its elements render as the browser starts them. */
export class SourceError extends Error {
  constructor(
    readonly url: string,
    message: string,
    /** The HTTP status the source answered, when it answered one. */
    readonly status?: number,
    /** What went wrong, in the elements' own terms (their error panel words each kind). */
    readonly kind: SourceFailure = status === undefined ? 'unknown' : 'http',
  ) {
    super(message);
    this.name = 'SourceError';
  }
}

/** The kinds of failure the elements' error panel tells apart. */
export type SourceFailure = keyof (typeof coreMessages)['en']['errors'];

export const DEFAULT_SSR_TIMEOUT = 3000;

// Text read from HTML fields decodes as the HTML parser does, with parse5's own decoder.
useCharacterReferenceDecoder(decodeHTML);

// Every tag of the registry has its class here: a tag added there and not here does not compile.
const CLASSES: Record<NewsroomTag, CustomElementConstructor> = {
  'news-provider': NewsProvider,
  'site-nav': SiteNav,
  'contact-card': ContactCard,
  'news-list': NewsList,
  'news-article': NewsArticle,
  'related-articles': RelatedArticles,
  'message-form': MessageForm,
};

/**
 * What the renderer uses of an element instance: its public server seam (`config`,
 * `sourceUrl`, the `content` controller) and what the head and forms need.
 */
interface ServerElement extends LitElement {
  data: unknown;
  resolvedLocale?: Locale;
  config?: NewsroomConfig;
  sourceUrl?(): string | undefined;
  content?: { status: string; set(response: ContentResponse): void; reset(status: 'pending'): void };
  article?: Article;
  pageParam?: string;
}

/** A rendered page and what a server needs to send it. */
export interface RenderedPage {
  html: string;
  /**
   * CSP source expressions (`'sha256-…'`) for every inline `<style>` the rendering wrote, for a
   * `style-src` without `'unsafe-inline'`.
   */
  styleHashes: string[];
  /**
   * The idempotency key each server-rendered message-form carries as `_idempotency`. A page
   * served to several visitors (cached, prerendered) must give each their own: replace these
   * exact strings per response.
   */
  formKeys: string[];
  /**
   * The status to answer with: 404 when the page's article is not there (a `news-article`'s
   * source answered 404 or 410), so that search engines drop the address; else 200.
   */
  status: 200 | 404;
  /**
   * The sources that failed or timed out: their elements were left to the browser. A server that
   * caches the page renders it again on a later request, once they may answer.
   */
  failedSources: string[];
}

type Outcome = { ok: true; data: unknown; totals: Pick<ContentResponse, 'total' | 'totalPages'> } | { ok: false; error: SourceError };

let ready: Promise<void> | undefined;

/** jsdom for the sanitizer (loaded on first use: an optional dependency of this entry only). */
export function prepareServer(): Promise<void> {
  ready ??= (async () => {
    let JSDOM: typeof import('jsdom').JSDOM;
    try {
      ({ JSDOM } = await import('jsdom'));
    } catch {
      throw new Error('newsroom-elements/ssr needs jsdom to sanitize article bodies on the server: npm install jsdom');
    }
    useSanitizerWindow(new JSDOM('').window);
    // Articles render in one synchronous pass here: no waiting for the sanitizer to load.
    provideSanitizer({ sanitizeHtml, contentDocument });
    for (const [tag, element] of Object.entries(CLASSES)) defineElement(tag, element);
    // The browser loads an element's styles when it needs them; the server writes them into every page.
    await Promise.all(Object.values(CLASSES).map((element) => whenStyled(element as unknown as typeof LitElement & LazyStyled)));
  })();
  return ready;
}

/**
 * Renders every newsroom tag of an HTML page into declarative shadow DOM with Lit SSR. Each
 * distinct source is fetched once; the data each element used is embedded as its inline
 * `<script type="application/json">`, so the browser hydrates without a content request. A
 * source that fails or times out leaves its elements as the browser starts them (a skeleton),
 * and the browser loads them as usual: one bad source never fails the page.
 */
export async function renderPage(html: string, options: RenderPageOptions = {}): Promise<string> {
  return (await renderPageResult(html, options)).html;
}

/** `renderPage`, with the style hashes and form keys of what it wrote (see `RenderedPage`). */
export async function renderPageResult(html: string, options: RenderPageOptions = {}): Promise<RenderedPage> {
  await prepareServer();
  const href = options.url ?? 'http://localhost/';
  const parsed = parsePage(html);
  const page: PageInfo = { href, base: baseOf(href, parsed.baseHref) };
  const load = loader(options);
  /** Each failed source, and whether it is an article that is not there. */
  const failed = new Map<string, boolean>();

  // Made as the page: a list, for one, reads its page from the address.
  const items = withPage(page, () => parsed.elements.map((found) => ({ found, element: createElement(found) })));
  // Each list's page key, as the browser works it out (there is no document here to count the
  // lists in): `page-param`, else `query-<id>-page`, else its place among the page's lists.
  let place = 0;
  for (const { found, element } of items) {
    if (found.tag !== 'news-list') continue;
    place++;
    element.pageParam = found.attributes.get('page-param') || `query-${found.attributes.get('id') || place}-page`;
  }
  // Each message form gets its key from here (its public `data`), so a server sending this page to
  // several visitors knows which strings to give each visitor afresh.
  const formKeys: string[] = [];
  for (const { found, element } of items) {
    if (found.tag !== 'message-form' || found.inline !== undefined) continue;
    const idempotencyKey = randomUUID();
    element.data = { idempotencyKey };
    formKeys.push(idempotencyKey);
  }
  // Each element asks for its source as the browser would (base, templates, `?id=`, paging):
  // the elements' own code computes the URL.
  await Promise.all(
    items.map(async ({ found, element }) => {
      if (found.inline !== undefined) return useInline(element, found.inline);
      if (found.tag === 'related-articles' && found.attributes.get('for')) return;
      let url: string | undefined;
      try {
        url = withPage(page, () => element.sourceUrl?.());
        // A list learns from its first answer that its server pages; then it asks for the page shown.
        for (let round = 0; url && round < 3; round++) {
          const outcome = await load(url);
          if (!outcome.ok) {
            const missing = found.tag === 'news-article' && (outcome.error.status === 404 || outcome.error.status === 410);
            failed.set(url, failed.get(url) || missing);
            failures.set(element, outcome.error);
            // The browser starts this element with its skeleton and loads the source itself:
            // nothing of an earlier round (page 1 of a list showing page N) stays.
            element.content?.reset('pending');
            given.delete(element);
            return;
          }
          const next = withPage(page, () => {
            // With the paging headers it came with: a WordPress list pages by them.
            const response = { url: url!, data: outcome.data, ...outcome.totals };
            element.content?.set(response);
            given.set(element, response);
            return element.sourceUrl?.();
          });
          if (next === url) return;
          url = next;
        }
      } catch (error) {
        skipped.add(element);
        options.onError?.(new SourceError(url ?? '', `<${found.tag}> was left to the browser: ${(error as Error).message}`));
      }
    }),
  );
  for (const item of items) followArticle(item, items);

  const written: Written = { styles: new Set(), data: new Set() };
  const edits = withPage(page, () => [
    ...items.map(({ found, element }): Edit => [found.insertAt, renderElement(found, element, written, options.onError)]),
    ...safeHeadEdits(parsed, items, options.onError),
    ...(options.feed ? feedLinkEdits(parsed, options.feed, options.feedTitle) : []),
  ]);
  // An element whose source failed shows its skeleton until the browser loads the source. Its host
  // says so with `aria-busy`, as the element itself does while it loads in the browser; the
  // on-interaction loader reads it and brings such an element's code at once.
  for (const { found, element } of items) {
    if (element.content?.status === 'pending' && !skipped.has(element) && !found.attributes.has('aria-busy'))
      edits.push([found.insertAt - 1, ' aria-busy="true"']);
  }
  let out = html;
  for (const [at, text, end] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, at) + text + out.slice(end ?? at);
  return {
    html: out,
    styleHashes: [...written.styles].map(styleHash),
    formKeys,
    status: [...failed.values()].includes(true) ? 404 : 200,
    failedSources: [...failed.keys()],
  };
}

/** The CSP source expression that allows exactly the inline style `css`. */
export const styleHash = (css: string): string => `'sha256-${createHash('sha256').update(css).digest('base64')}'`;

/** The page's `document.baseURI`: its `<base href>` resolved against its address. */
function baseOf(href: string, baseHref: string | undefined): string {
  if (!baseHref) return href;
  try {
    return new URL(baseHref, href).href;
  } catch {
    return href;
  }
}

/** One instance per tag, its attributes and the provider's config applied explicitly (context
 * does not flow on the server). */
function createElement(found: FoundElement): ServerElement {
  const renderer = new LitElementRenderer(found.tag);
  for (const [name, value] of found.attributes) renderer.setAttribute(name, value);
  const element = renderer.element as ServerElement;
  const provider = found.provider;
  if (found.tag !== 'news-provider') {
    element.config = {
      base: provider?.get('base'),
      // The browser asks the provider first, then the nearest `lang`.
      locale: provider?.get('locale') || found.lang,
      articleHref: provider?.get('article-href'),
      client: defaultClient,
    };
  }
  renderers.set(element, renderer);
  return element;
}

const renderers = new WeakMap<ServerElement, LitElementRenderer>();

/** The answer each element was given last (none after a failed round): embedded for the browser. */
const given = new WeakMap<ServerElement, ContentResponse>();

function useInline(element: ServerElement, text: string): void {
  try {
    element.data = JSON.parse(text);
  } catch {
    // The browser shows its error panel for malformed inline JSON: leave the element to it.
    skipped.add(element);
  }
}

/** What the source of an element met when it failed: a visitor without script reads it instead. */
const failures = new WeakMap<ServerElement, SourceError>();

/** Elements left entirely to the browser (no shadow root from the server). */
const skipped = new WeakSet<ServerElement>();

/** `related-articles for=…` reads the followed article's links: no request of its own. */
function followArticle(
  { found, element }: { found: FoundElement; element: ServerElement },
  items: Array<{ found: FoundElement; element: ServerElement }>,
): void {
  const id = found.tag === 'related-articles' && found.inline === undefined ? found.attributes.get('for') : undefined;
  if (!id) return;
  const followed = items.find((item) => item.found.tag === 'news-article' && item.found.attributes.get('id') === id);
  if (!followed) {
    skipped.add(element);
    return;
  }
  const related = followed.element.article?.related;
  // Only the links it shows are embedded, with their addresses already resolved.
  if (related) element.data = { related };
  // The article's source failed: the browser loads it, and this block follows it there.
  else if (followed.element.content?.status === 'pending') element.content?.reset('pending');
}

/** Fetches each distinct URL once, with a per-source timeout. */
function loader(options: RenderPageOptions) {
  const fetcher = options.fetch ?? globalThis.fetch;
  const timeout = options.timeout ?? DEFAULT_SSR_TIMEOUT;
  const seen = new Map<string, Promise<Outcome>>();
  const get = async (url: string): Promise<Outcome> => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new SourceError(url, `${url} did not answer within ${timeout} ms`, undefined, 'timeout'));
      }, timeout);
    });
    try {
      const answer = (async () => {
        // A source briefly away (a network error, 5xx, 429) is asked once more within the timeout,
        // through the retry loop the elements use in the browser: the page then keeps its content.
        const [response, text] = await withRetries(
          async () => {
            const response = await fetcher(url, { signal: controller.signal, headers: { Accept: 'application/json' } });
            return [response, await response.text()] as [Response, string];
          },
          { retries: 1, baseDelay: Math.min(200, timeout / 10), maxRetryAfter: timeout / 4, signal: controller.signal },
        );
        if (!response.ok) throw new SourceError(url, `${url} answered ${response.status} ${response.statusText}`.trim(), response.status);
        try {
          return { data: JSON.parse(text) as unknown, totals: pagingTotals(response.headers) };
        } catch (error) {
          throw new SourceError(url, `${url} is not JSON (${(error as Error).message})`, undefined, 'not-json');
        }
      })();
      return { ok: true, ...(await Promise.race([answer, timedOut])) };
    } catch (error) {
      const failure =
        error instanceof SourceError
          ? error
          : new SourceError(url, `${url} could not be fetched (${(error as Error).message})`, undefined, 'network');
      options.onError?.(failure);
      return { ok: false, error: failure };
    } finally {
      clearTimeout(timer);
    }
  };
  return (url: string): Promise<Outcome> => {
    let outcome = seen.get(url);
    if (!outcome) seen.set(url, (outcome = get(url)));
    return outcome;
  };
}

/** The element's shadow root as declarative shadow DOM, and the data it used as inline JSON. */
function renderElement(found: FoundElement, element: ServerElement, written: Written, onError?: (error: SourceError) => void): string {
  if (skipped.has(element)) return '';
  try {
    return renderShadow(found, element, written);
  } catch (error) {
    // Whatever one element could not do on the server, the browser still can: left to it.
    skipped.add(element);
    onError?.(new SourceError(given.get(element)?.url ?? '', `<${found.tag}> was left to the browser: ${(error as Error).message}`));
    return '';
  }
}

/**
 * An element whose source failed shows its skeleton until the browser loads the source. Without
 * script nothing will: the skeleton goes (`noScriptPending`, inert once script runs), and the element
 * says why in its own error panel's words and look, inside a `<noscript>` (raw text when script
 * runs, so neither the browser's render nor hydration sees it; Lit leaves what follows its own
 * markup alone). No retry button: only script could work it. An element with no failure of its
 * own (a related list following a failed article) just collapses; the article says why.
 */
function withoutScript(element: ServerElement): string {
  const failure = failures.get(element);
  if (!failure || !element.resolvedLocale) return '';
  const message = format(coreMessages[element.resolvedLocale].errors[failure.kind], { status: failure.status ?? '' });
  return `<noscript><div class="error" role="alert" part="error"><p>${escapeText(message)}</p></div></noscript>`;
}

/** The text of the `<style>` Lit SSR writes into an element's shadow root (its `elementStyles`). */
const shadowStyle = (element: ServerElement): string =>
  (element.constructor as typeof LitElement).elementStyles.map((style) => ('cssText' in style ? style.cssText : '')).join('');

/** What the page holds so far: its inline styles (for the CSP) and the ids of its inline data. */
interface Written {
  styles: Set<string>;
  data: Set<string>;
}

function renderShadow(found: FoundElement, element: ServerElement, { styles, data }: Written): string {
  const renderer = renderers.get(element)!;
  renderer.connectedCallback();
  const renderInfo = {
    elementRenderers: [LitElementRenderer],
    customElementInstanceStack: [renderer],
    customElementHostStack: [renderer],
    eventTargetStack: [],
    slotStack: [],
    deferHydration: false,
  };
  let shadow = '';
  for (const chunk of new RenderResultIterator(renderer.renderShadow(renderInfo) ?? [])) {
    if (typeof chunk !== 'string') throw new Error(`${found.tag} rendered asynchronously on the server`);
    shadow += chunk;
  }
  const css = shadowStyle(element);
  const pending = element.content?.status === 'pending';
  if (pending) shadow += withoutScript(element);
  // Lit writes the element's styles first: only the rules this root's DOM may use go in the page.
  if (css && shadow.startsWith(`<style>${css}</style>`)) {
    const used = usedStyles(css + (noScriptStyles[found.tag] ?? '') + (pending ? noScriptPending : ''), shadow);
    shadow = `<style>${used}</style>${shadow.slice(`<style>${css}</style>`.length)}`;
    styles.add(used);
  }
  const response = found.inline === undefined ? given.get(element) : undefined;
  // What the element was rendered from, for the browser to check before hydrating: the page's
  // attributes (not the rendered element's, which has reflected properties too) and its language.
  const stamp =
    element.resolvedLocale &&
    hydrationStamp(element.constructor as typeof LitElement, (name) => found.attributes.get(name), element.resolvedLocale);
  return (
    `<template shadowrootmode="open">${stamp || ''}${shadow}</template>` + (response?.data === undefined ? '' : inlineJson(response, data))
  );
}

/**
 * The data as the inline JSON script the elements read, every `<` escaped (see `scriptJson`),
 * with the paging headers it came with as `data-total` / `data-total-pages`. A page holds each
 * source's data once: the menu, the footer and the contact block all show the site's JSON, so
 * the first of them carries it under an id made from its text, and the others a
 * `<script type="application/json" data-from="…">` naming it (`inlineScript` reads either). An
 * id from the text, not a counter, so pages put together from fragments rendered apart never
 * give two different sources one id.
 */
const inlineJson = ({ data, total, totalPages }: ContentResponse, written: Set<string>): string => {
  const count = (name: string, value: number | undefined) => (value === undefined ? '' : ` ${name}="${value}"`);
  const attributes = `${count('data-total', total)}${count('data-total-pages', totalPages)}`;
  const json = scriptJson(data);
  const id = 'newsroom-data-' + createHash('sha256').update(`${attributes}\n${json}`).digest('base64url').slice(0, 10);
  if (written.has(id)) return `<script type="application/json" data-from="${id}"></script>`;
  written.add(id);
  return `<script type="application/json" id="${id}"${attributes}>${json}</script>`;
};

/** The head edits, or none (and a report) when the article's fields could not be read. */
function safeHeadEdits(
  parsed: ReturnType<typeof parsePage>,
  items: Array<{ found: FoundElement; element: ServerElement }>,
  onError?: (error: SourceError) => void,
): Edit[] {
  try {
    return headEdits(parsed, headSources(items));
  } catch (error) {
    onError?.(new SourceError('', `the page's head was left as written: ${(error as Error).message}`));
    return [];
  }
}

/** The articles on the page, with their canonical address and the site's name for the head. */
function headSources(items: Array<{ found: FoundElement; element: ServerElement }>): HeadSource[] {
  const site = items.find(({ found, element }) => (found.tag === 'site-nav' || found.tag === 'contact-card') && given.has(element));
  const siteName = site ? siteOf(given.get(site.element)!).name : undefined;
  return items.map(({ found, element }) => {
    const article = found.tag === 'news-article' ? element.article : undefined;
    return {
      tag: found.tag,
      attributes: found.attributes,
      article,
      data: article ? element.data : undefined,
      canonical: article ? articleAddress(found, article.id) : undefined,
      siteName,
    };
  });
}

/** The article page's address: its `article-href` (or the provider's) filled in, as the element links it. */
function articleAddress(found: FoundElement, id: string): string | undefined {
  const template = found.attributes.get('article-href') || found.provider?.get('article-href');
  return template ? safeUrl(fillTemplate(template, { id })) : undefined;
}
