// Feeds and sitemaps from the content the elements read: RSS 2.0, Atom 1.0 (RFC 4287) and
// sitemaps.org sitemaps with Google News entries. Every text is XML-escaped (entities' escapeUTF8,
// the library parse5 decodes with) after dropping the characters XML 1.0 cannot hold; no CDATA
// section is written, so no `]]>` in content can end one. Bodies go through the same sanitizer
// and configuration as news-article's, on the server's jsdom window.
import { escapeUTF8 } from 'entities/escape';
import { normalizeArticle, normalizeList } from '../core/data/news-format.js';
import { fillTemplate } from '../core/locale/locale.js';
import { isObject } from '../core/data/reader.js';
import { contentDocument, sanitizeHtml } from '../core/security/sanitize.js';
import { prepareServer } from './render-page.js';

/** One news item with what feeds and sitemaps say of it. */
export interface NewsEntry {
  id: string;
  /** Plain text. */
  title: string;
  /** ISO 8601. */
  date?: string;
  updated?: string;
  /** Plain text. */
  summary?: string;
  /** Untrusted HTML, sanitized when written; relative links resolve against `base`. */
  body?: string;
  base: string;
  /** Category labels. */
  categories: string[];
  author?: string;
  image?: string;
  /** The item's own address, from the content (used when there is no `articleHref`). */
  url?: string;
}

export interface ReadNewsOptions {
  /** The list's absolute address: a news list in any format the elements read (native JSON, JSON Feed 1.1, WordPress REST). */
  src: string;
  /**
   * Each item's article, as `news-article`'s `article-src` (`articles/{id}.json`, relative to
   * `src`): where item bodies come from. JSON Feed and WordPress lists carry their own bodies.
   */
  articleSrc?: string;
  /** Fetches content (default: the global `fetch`). */
  fetch?: (url: string, init?: RequestInit) => Promise<Response>;
  /** Newest items kept (default: all). */
  limit?: number;
  /** Called once per article that could not be read; its item keeps the list's summary. */
  onError?: (error: Error) => void;
}

const json = async (fetcher: NonNullable<ReadNewsOptions['fetch']>, url: string): Promise<unknown> => {
  const response = await fetcher(url, { headers: { Accept: 'application/json' } }).catch((error: Error) => {
    throw new Error(`${url} could not be fetched (${error.message})`);
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status} ${response.statusText}`.trim());
  try {
    return JSON.parse(await response.text());
  } catch (error) {
    throw new Error(`${url} is not JSON (${(error as Error).message})`);
  }
};

/** Runs `work` over `items`, a few at a time: a site's every article is not a burst of requests. */
async function inTurn<T>(items: T[], work: (item: T) => Promise<void>, at = 8): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(at, items.length) }, worker));
}

const newestFirst = (a: NewsEntry, b: NewsEntry) => Date.parse(b.date ?? '') - Date.parse(a.date ?? '') || 0;

/**
 * Reads a news list (and, with `articleSrc`, each item's article) through the elements' own
 * format readers. Throws when the list itself cannot be read.
 */
export async function readNews(options: ReadNewsOptions): Promise<NewsEntry[]> {
  await prepareServer();
  const fetcher = options.fetch ?? globalThis.fetch;
  const data = await json(fetcher, options.src);
  const list = normalizeList({ data, url: options.src });
  const labels = new Map(list.categories.map((category) => [category.id, category.label]));
  // JSON Feed items and WordPress posts are whole articles: their bodies come with the list.
  const raw = Array.isArray(data)
    ? data
    : isObject(data) && Array.isArray(data.items) && typeof data.version === 'string'
      ? data.items
      : [];
  const bodies = new Map<string, ReturnType<typeof normalizeArticle>>();
  for (const entry of raw) {
    const article = normalizeArticle({ data: entry, url: options.src });
    if (article.id && article.body) bodies.set(article.id, article);
  }
  let entries: NewsEntry[] = list.items.map((item) => {
    const article = bodies.get(item.id);
    return {
      id: item.id,
      title: item.title,
      date: item.date,
      updated: article?.updated,
      summary: item.summary,
      body: article?.body,
      base: options.src,
      categories: item.category ? [labels.get(item.category) ?? item.category] : [],
      author: article?.author,
      image: item.image,
      url: item.url,
    };
  });
  entries = entries.sort(newestFirst).slice(0, options.limit ?? entries.length);
  if (options.articleSrc) {
    await inTurn(entries, async (entry) => {
      const url = new URL(fillTemplate(options.articleSrc!, { id: entry.id }), options.src).href;
      try {
        const article = normalizeArticle({ data: await json(fetcher, url), url });
        Object.assign(entry, {
          body: article.body || entry.body,
          base: url,
          updated: article.updated ?? entry.updated,
          author: article.author ?? entry.author,
          categories: article.category ? [article.category.label] : entry.categories,
        });
      } catch (error) {
        options.onError?.(error as Error);
      }
    });
  }
  return entries;
}

export interface FeedOptions {
  /** The site's public address (absolute): the feed's home link, and what relative links resolve against. */
  site: string;
  /** Article page template relative to `site` (`article.html?id={id}`, the elements' `article-href`); else each item's own `url`. */
  articleHref?: string;
  /** The feed's title (the site's name). */
  title: string;
  description?: string;
  /** The content's language (BCP 47, `zh-CN`). */
  language?: string;
  /** The feed's own address, relative to `site` (`feed.xml`). */
  self?: string;
  /** The time the feed is made at, for a feed whose items carry no dates (default: now). */
  now?: Date;
}

/**
 * Text for XML: characters XML 1.0 cannot hold dropped, markup characters escaped, and carriage
 * returns as references (a parser would turn a raw one into a line feed).
 */
export const xmlText = (value: string): string =>
  escapeUTF8(value.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')).replace(/\r/g, '&#xD;');

const element = (name: string, value: string | undefined, attributes = ''): string =>
  value === undefined || value === '' ? '' : `<${name}${attributes}>${xmlText(value)}</${name}>`;

/** The address an entry is read at: `articleHref` filled in, else its own URL, absolute. */
export function entryLink(entry: NewsEntry, options: Pick<FeedOptions, 'site' | 'articleHref'>): string | undefined {
  const href = options.articleHref ? fillTemplate(options.articleHref, { id: entry.id }) : entry.url;
  return href ? new URL(href, options.site).href : undefined;
}

/** The body as sanitized HTML (news-article's sanitizer), its links made absolute. */
function bodyHtml(entry: NewsEntry): string {
  if (!entry.body) return '';
  const holder = contentDocument().createElement('div');
  holder.append(sanitizeHtml(entry.body, entry.base));
  return holder.innerHTML;
}

const time = (iso: string | undefined): Date | undefined => {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(ms) ? undefined : new Date(ms);
};

/** RSS 2.0, with the body as `content:encoded` and a self link (as validators ask). */
export async function rssFeed(entries: NewsEntry[], options: FeedOptions): Promise<string> {
  await prepareServer();
  const home = new URL(options.site).href;
  const self = options.self ? new URL(options.self, home).href : undefined;
  const newest = entries.map((entry) => time(entry.updated ?? entry.date)).filter(Boolean) as Date[];
  const items = entries.map((entry) => {
    const link = entryLink(entry, options);
    const date = time(entry.date);
    return [
      '<item>',
      element('title', entry.title),
      element('link', link),
      link ? element('guid', link, ' isPermaLink="true"') : element('guid', entry.id, ' isPermaLink="false"'),
      element('pubDate', date?.toUTCString()),
      ...entry.categories.map((category) => element('category', category)),
      element('description', entry.summary),
      element('content:encoded', bodyHtml(entry)),
      '</item>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
    '<channel>',
    element('title', options.title),
    element('link', home),
    element('description', options.description || options.title),
    element('language', options.language),
    element('lastBuildDate', new Date(Math.max(0, ...newest.map(Number)) || (options.now ?? new Date())).toUTCString()),
    self ? `<atom:link href="${xmlText(self)}" rel="self" type="application/rss+xml"/>` : '',
    ...items,
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}

/** Atom 1.0 (RFC 4287): every entry with its id, title and updated; the site as the author. */
export async function atomFeed(entries: NewsEntry[], options: FeedOptions): Promise<string> {
  await prepareServer();
  const home = new URL(options.site).href;
  const self = options.self ? new URL(options.self, home).href : undefined;
  const now = options.now ?? new Date();
  const updatedOf = (entry: NewsEntry) => time(entry.updated) ?? time(entry.date);
  const newest = Math.max(0, ...entries.map((entry) => Number(updatedOf(entry) ?? 0)));
  const feedUpdated = (newest ? new Date(newest) : now).toISOString();
  const items = entries.map((entry) => {
    const link = entryLink(entry, options);
    const body = bodyHtml(entry);
    return [
      '<entry>',
      element('title', entry.title, ' type="text"'),
      element('id', link ?? `${home}#${encodeURIComponent(entry.id)}`),
      link ? `<link rel="alternate" type="text/html" href="${xmlText(link)}"/>` : '',
      element('published', time(entry.date)?.toISOString()),
      element('updated', updatedOf(entry)?.toISOString() ?? feedUpdated),
      entry.author ? `<author>${element('name', entry.author)}</author>` : '',
      ...entry.categories.map((category) => `<category term="${xmlText(category)}"/>`),
      element('summary', entry.summary, ' type="text"'),
      element('content', body, ' type="html"'),
      '</entry>',
    ].join('');
  });
  const lang = options.language ? ` xml:lang="${xmlText(options.language)}"` : '';
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom"${lang}>`,
    element('title', options.title, ' type="text"'),
    element('subtitle', options.description, ' type="text"'),
    element('id', self ?? home),
    `<link rel="alternate" type="text/html" href="${xmlText(home)}"/>`,
    self ? `<link rel="self" type="application/atom+xml" href="${xmlText(self)}"/>` : '',
    element('updated', feedUpdated),
    `<author>${element('name', options.title)}</author>`,
    ...items,
    '</feed>',
    '',
  ].join('\n');
}

export interface SitemapOptions extends Pick<FeedOptions, 'site' | 'articleHref' | 'language'> {
  /** The publication's name for Google News (the site's name). */
  publication: string;
  /** Other pages to list, relative to `site` (`''` for the home page, `news.html`). */
  pages?: string[];
  /** Where `sitemap.xml` is served, relative to `site` (default `sitemap.xml`); split files sit beside it. */
  path?: string;
  /** The time Google News' two days count back from (default: now). */
  now?: Date;
  /** URLs per file before the sitemap splits (default and most allowed by sitemaps.org: 50,000). */
  perFile?: number;
}

/** Google News' language codes: ISO 639, except `zh-cn` / `zh-tw`. */
function newsLanguage(language = ''): string {
  const tag = language.toLowerCase();
  if (tag.startsWith('zh')) return /-(tw|hk|mo|hant)/.test(tag) ? 'zh-tw' : 'zh-cn';
  return tag.split('-')[0] || 'en';
}

const TWO_DAYS = 2 * 24 * 3600 * 1000;
// Google News reads at most 1,000 news entries per sitemap.
const NEWS_MAX = 1000;

/**
 * `sitemap.xml` for the pages and every entry's article page, with Google News tags on the
 * articles of the last two days. Returns file name → XML: `sitemap.xml` alone, or past
 * `perFile` URLs, `sitemap.xml` as a sitemap index of `sitemap-1.xml`, `sitemap-2.xml`, ….
 */
export function sitemaps(entries: NewsEntry[], options: SitemapOptions): Record<string, string> {
  const perFile = options.perFile ?? 50_000;
  if (!(Number.isInteger(perFile) && perFile > 0 && perFile <= 50_000))
    throw new RangeError('perFile must be a whole number from 1 to 50,000');
  const now = (options.now ?? new Date()).getTime();
  const language = newsLanguage(options.language);
  const seen = new Set<string>();
  const urls: string[] = [];
  for (const page of options.pages ?? []) {
    const loc = new URL(page, options.site).href;
    if (!seen.has(loc)) urls.push(`<url>${element('loc', loc)}</url>`);
    seen.add(loc);
  }
  let news = 0;
  for (const entry of [...entries].sort(newestFirst)) {
    const loc = entryLink(entry, options);
    if (!loc || seen.has(loc)) continue;
    seen.add(loc);
    const date = time(entry.date);
    const modified = time(entry.updated) ?? date;
    const recent = date && now - date.getTime() <= TWO_DAYS && date.getTime() <= now + TWO_DAYS && news < NEWS_MAX;
    if (recent) news++;
    urls.push(
      '<url>' +
        element('loc', loc) +
        element('lastmod', modified?.toISOString()) +
        (recent
          ? '<news:news><news:publication>' +
            element('news:name', options.publication) +
            element('news:language', language) +
            '</news:publication>' +
            element('news:publication_date', date.toISOString()) +
            element('news:title', entry.title) +
            '</news:news>'
          : '') +
        '</url>',
    );
  }
  const urlset = (part: string[]) =>
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n' +
    part.join('\n') +
    '\n</urlset>\n';
  if (urls.length <= perFile) return { 'sitemap.xml': urlset(urls) };
  const index = new URL(options.path ?? 'sitemap.xml', options.site);
  const files: Record<string, string> = {};
  const parts: string[] = [];
  for (let i = 0; i * perFile < urls.length; i++) {
    const name = `sitemap-${i + 1}.xml`;
    files[name] = urlset(urls.slice(i * perFile, (i + 1) * perFile));
    parts.push(`<sitemap>${element('loc', new URL(name, index).href)}</sitemap>`);
  }
  files['sitemap.xml'] =
    '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
    parts.join('\n') +
    '\n</sitemapindex>\n';
  return files;
}

export interface FeedFilesOptions extends ReadNewsOptions, Omit<FeedOptions, 'self'> {
  /** Other pages for the sitemap, relative to `site`. */
  pages?: string[];
  /** Which files: RSS (`feed.xml`), Atom (`atom.xml`), the sitemap (`sitemap.xml`, split past 50,000 URLs). Default all. */
  files?: Array<'rss' | 'atom' | 'sitemap'>;
}

/**
 * A site's feeds and sitemap in one go, file name → XML: the newest 50 items in the feeds, every
 * item in the sitemap. What the CLI writes and a server serves (`/feed.xml`, `/atom.xml`, `/sitemap.xml`).
 */
export async function feedFiles(options: FeedFilesOptions): Promise<Record<string, string>> {
  const files = options.files ?? ['rss', 'atom', 'sitemap'];
  const entries = await readNews(options);
  const newest = entries.slice(0, 50);
  const out: Record<string, string> = {};
  if (files.includes('rss')) out['feed.xml'] = await rssFeed(newest, { ...options, self: 'feed.xml' });
  if (files.includes('atom')) out['atom.xml'] = await atomFeed(newest, { ...options, self: 'atom.xml' });
  if (files.includes('sitemap')) Object.assign(out, sitemaps(entries, { ...options, publication: options.title }));
  return out;
}
