import type { ContentResponse } from './content-client.js';
import type { Article, ArticleLink, Category, Contact, MenuItem, NewsItem, NewsList, Site } from './model.js';
import { safeUrl } from './safe-url.js';
import { htmlToText } from './sanitize.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const MAX_MENU_DEPTH = 32;

/**
 * Reads fields defensively: a value of the wrong type is dropped with one console warning naming
 * the field, so a bad field costs that field, never the element.
 */
class Reader {
  private readonly warned = new Set<string>();
  constructor(readonly base: string) {}

  warn(path: string, expected: string): void {
    const field = path.replace(/\[\d+\]/g, '[]');
    if (this.warned.has(field)) return;
    this.warned.add(field);
    console.warn(`newsroom-elements: ignored "${field}": expected ${expected}.`);
  }

  text(obj: Json, key: string, path: string): string | undefined {
    const value = obj[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value.trim() || undefined;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    this.warn(`${path}.${key}`, 'text');
    return undefined;
  }

  /** An HTML field (WordPress `rendered`) read as plain text. */
  html(obj: Json, key: string, path: string): string | undefined {
    const value = obj[key];
    const rendered = isObject(value) ? value.rendered : value;
    if (rendered === undefined || rendered === null) return undefined;
    if (typeof rendered !== 'string') {
      this.warn(`${path}.${key}`, 'HTML text');
      return undefined;
    }
    return htmlToText(rendered) || undefined;
  }

  date(obj: Json, key: string, path: string): string | undefined {
    const value = this.text(obj, key, path);
    if (value === undefined) return undefined;
    if (Number.isNaN(Date.parse(value))) {
      this.warn(`${path}.${key}`, 'an ISO 8601 date');
      return undefined;
    }
    return value;
  }

  url(obj: Json, key: string, path: string): string | undefined {
    const value = obj[key];
    if (value === undefined || value === null || value === '') return undefined;
    const url = safeUrl(value, this.base);
    if (!url) this.warn(`${path}.${key}`, 'an http(s), mailto, tel or relative URL');
    return url;
  }

  number(obj: Json, key: string, path: string): number | undefined {
    const value = obj[key];
    if (value === undefined || value === null) return undefined;
    const number = typeof value === 'string' && value.trim() ? Number(value) : value;
    if (typeof number === 'number' && Number.isInteger(number) && number >= 0) return number;
    this.warn(`${path}.${key}`, 'a whole number');
    return undefined;
  }

  list(obj: Json, key: string, path: string): unknown[] {
    const value = obj[key];
    if (value === undefined || value === null) return [];
    if (Array.isArray(value)) return value;
    this.warn(`${path}.${key}`, 'a list');
    return [];
  }

  objects(values: unknown[], path: string): Array<[Json, string]> {
    const out: Array<[Json, string]> = [];
    values.forEach((value, i) => {
      if (isObject(value)) out.push([value, `${path}[${i}]`]);
      else this.warn(`${path}[${i}]`, 'an object');
    });
    return out;
  }
}

// ---------------------------------------------------------------- detection

/** JSON Feed 1.x: `{ version: "https://jsonfeed.org/version/1.1", items: [...] }`. */
const isJsonFeed = (data: unknown): data is Json =>
  isObject(data) && typeof data.version === 'string' && data.version.startsWith('https://jsonfeed.org/version/');

/** A WordPress REST post: `{ id, title: { rendered }, ... }`. */
const isWordPressPost = (data: unknown): boolean => isObject(data) && isObject(data.title) && 'rendered' in data.title;

/** A JSON Feed item standing alone as an article. */
const isFeedItem = (data: unknown): boolean =>
  isObject(data) && ('content_html' in data || 'content_text' in data || 'date_published' in data);

// ---------------------------------------------------------------- site

function menu(r: Reader, values: unknown[], path: string, depth: number): MenuItem[] {
  const out: MenuItem[] = [];
  for (const [entry, at] of r.objects(values, path)) {
    const label = r.text(entry, 'label', at);
    if (!label) {
      r.warn(`${at}.label`, 'a label');
      continue;
    }
    const children = depth < MAX_MENU_DEPTH ? menu(r, r.list(entry, 'children', at), `${at}.children`, depth + 1) : [];
    out.push({ label, href: r.url(entry, 'href', at), children });
  }
  return out;
}

function contact(r: Reader, value: unknown): Contact | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) {
    r.warn('contact', 'an object');
    return undefined;
  }
  const p = 'contact';
  return {
    title: r.text(value, 'title', p),
    address: r.text(value, 'address', p),
    phone: r.text(value, 'phone', p),
    email: r.text(value, 'email', p),
    website: r.url(value, 'website', p),
    fax: r.text(value, 'fax', p),
    hours: r.text(value, 'hours', p),
    map: r.url(value, 'map', p),
  };
}

/** `site.json`: name, menus, contact, copyright. */
export function normalizeSite(data: unknown, base: string = document.baseURI): Site {
  const r = new Reader(base);
  const root = isObject(data) ? data : {};
  if (!isObject(data)) r.warn('site', 'an object');
  const menus: Record<string, MenuItem[]> = {};
  if (isObject(root.menus)) {
    for (const [name, entries] of Object.entries(root.menus)) {
      if (Array.isArray(entries)) menus[name] = menu(r, entries, `menus.${name}`, 0);
      else r.warn(`menus.${name}`, 'a list');
    }
  } else if (root.menus !== undefined) {
    r.warn('menus', 'an object');
  }
  return {
    name: r.text(root, 'name', 'site'),
    locale: r.text(root, 'locale', 'site'),
    menus,
    contact: contact(r, root.contact),
    copyright: r.text(root, 'copyright', 'site'),
  };
}

// ---------------------------------------------------------------- news items

function nativeItem(r: Reader, obj: Json, path: string): NewsItem | undefined {
  const title = r.text(obj, 'title', path);
  if (!title) {
    r.warn(`${path}.title`, 'a title');
    return undefined;
  }
  const category = obj.category;
  return {
    id: r.text(obj, 'id', path) ?? r.text(obj, 'url', path) ?? title,
    title,
    summary: r.text(obj, 'summary', path),
    date: r.date(obj, 'date', path),
    category: isObject(category) ? r.text(category, 'id', `${path}.category`) : r.text(obj, 'category', path),
    url: r.url(obj, 'url', path),
    image: r.url(obj, 'image', path),
  };
}

function feedItem(r: Reader, obj: Json, path: string): NewsItem | undefined {
  // JSON Feed titles are optional: fall back to the start of the text, as feed readers do.
  const content = r.html(obj, 'content_html', path) ?? r.text(obj, 'content_text', path)?.replace(/\s+/g, ' ');
  const title = r.text(obj, 'title', path) ?? (content && content.length > 80 ? content.slice(0, 79) + '…' : content);
  if (!title) {
    r.warn(`${path}.title`, 'a title');
    return undefined;
  }
  const tags = r.list(obj, 'tags', path).filter((tag): tag is string => typeof tag === 'string');
  return {
    id: r.text(obj, 'id', path) ?? title,
    title,
    summary: r.text(obj, 'summary', path),
    date: r.date(obj, 'date_published', path),
    category: tags[0],
    url: r.url(obj, 'url', path) ?? r.url(obj, 'external_url', path),
    image: r.url(obj, 'image', path) ?? r.url(obj, 'banner_image', path),
  };
}

/** WordPress dates are site-local without a zone; `date_gmt` is UTC without the `Z`. */
function wordPressDate(r: Reader, obj: Json, path: string): string | undefined {
  const gmt = typeof obj.date_gmt === 'string' ? obj.date_gmt : undefined;
  if (gmt && !Number.isNaN(Date.parse(gmt + 'Z'))) return gmt + 'Z';
  return r.date(obj, 'date', path);
}

function wordPressImage(r: Reader, obj: Json, path: string): string | undefined {
  const embedded = isObject(obj._embedded) ? obj._embedded['wp:featuredmedia'] : undefined;
  const media = Array.isArray(embedded) && isObject(embedded[0]) ? embedded[0] : undefined;
  return media ? r.url(media, 'source_url', `${path}._embedded`) : undefined;
}

function wordPressItem(r: Reader, obj: Json, path: string): NewsItem | undefined {
  const title = r.html(obj, 'title', path);
  if (!title) {
    r.warn(`${path}.title`, 'a title');
    return undefined;
  }
  return {
    id: r.text(obj, 'id', path) ?? r.text(obj, 'slug', path) ?? title,
    title,
    summary: r.html(obj, 'excerpt', path),
    date: wordPressDate(r, obj, path),
    url: r.url(obj, 'link', path),
    image: wordPressImage(r, obj, path),
  };
}

function items(
  r: Reader,
  values: unknown[],
  path: string,
  read: (r: Reader, obj: Json, path: string) => NewsItem | undefined,
): NewsItem[] {
  const out: NewsItem[] = [];
  for (const [obj, at] of r.objects(values, path)) {
    const item = read(r, obj, at);
    if (item) out.push(item);
  }
  return out;
}

function categories(r: Reader, values: unknown[]): Category[] {
  const out: Category[] = [];
  for (const [obj, at] of r.objects(values, 'categories')) {
    const id = r.text(obj, 'id', at);
    const label = r.text(obj, 'label', at) ?? id;
    if (id && label) out.push({ id, label });
  }
  return out;
}

/** A news list from the native format, a JSON Feed, or a WordPress posts array. */
export function normalizeList(response: Pick<ContentResponse, 'data' | 'url' | 'total'>): NewsList {
  const { data } = response;
  const r = new Reader(response.url || document.baseURI);
  if (Array.isArray(data)) {
    const posts = items(r, data, 'posts', (r, obj, at) => (isWordPressPost(obj) ? wordPressItem(r, obj, at) : nativeItem(r, obj, at)));
    return { items: posts, categories: [], page: 1, total: Math.max(response.total ?? 0, posts.length) };
  }
  if (isJsonFeed(data)) {
    const list = items(r, r.list(data, 'items', 'feed'), 'items', feedItem);
    const tags = [...new Set(list.map((item) => item.category).filter((tag): tag is string => !!tag))];
    return { items: list, categories: tags.map((tag) => ({ id: tag, label: tag })), page: 1, total: list.length };
  }
  if (!isObject(data)) {
    r.warn('list', 'an object with "items"');
    return { items: [], categories: [], page: 1, total: 0 };
  }
  const list = items(r, r.list(data, 'items', 'list'), 'items', nativeItem);
  return {
    items: list,
    categories: categories(r, r.list(data, 'categories', 'list')),
    page: r.number(data, 'page', 'list') || 1,
    pageSize: r.number(data, 'pageSize', 'list') || undefined,
    total: Math.max(r.number(data, 'total', 'list') ?? 0, list.length),
  };
}

// ---------------------------------------------------------------- article

function articleLink(r: Reader, value: unknown, path: string): ArticleLink | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) {
    r.warn(path, 'an object');
    return undefined;
  }
  const title = r.text(value, 'title', path);
  return title ? { id: r.text(value, 'id', path), title, url: r.url(value, 'url', path) } : undefined;
}

function bodyHtml(r: Reader, obj: Json, key: string, path: string): string {
  const value = obj[key];
  const html = isObject(value) ? value.rendered : value;
  if (html === undefined || html === null) return '';
  if (typeof html === 'string') return html;
  r.warn(`${path}.${key}`, 'HTML text');
  return '';
}

/** One article from the native format, a JSON Feed item, or a WordPress post. */
export function normalizeArticle(response: Pick<ContentResponse, 'data' | 'url'>): Article {
  const base = response.url || document.baseURI;
  const r = new Reader(base);
  let data = response.data;
  // A feed or posts array holding a single entry is read as that entry.
  if (isJsonFeed(data) && Array.isArray(data.items) && data.items.length === 1) data = data.items[0];
  if (Array.isArray(data) && data.length === 1) data = data[0];
  if (!isObject(data)) {
    r.warn('article', 'an object');
    return { id: '', title: '', body: '', base, related: [] };
  }
  const p = 'article';
  if (isWordPressPost(data)) {
    const item = wordPressItem(r, data, p);
    return {
      id: item?.id ?? '',
      title: item?.title ?? '',
      date: item?.date,
      updated: typeof data.modified_gmt === 'string' ? wordPressDate(r, { date_gmt: data.modified_gmt }, p) : undefined,
      image: item?.image,
      body: bodyHtml(r, data, 'content', p),
      base,
      related: [],
    };
  }
  if (isFeedItem(data)) {
    const item = feedItem(r, data, p);
    const authors = r.objects(r.list(data, 'authors', p), `${p}.authors`)
      .map(([author, at]) => r.text(author, 'name', at))
      .filter(Boolean);
    const tag = item?.category;
    return {
      id: item?.id ?? '',
      title: item?.title ?? '',
      date: item?.date,
      updated: r.date(data, 'date_modified', p),
      author: authors.join(', ') || undefined,
      category: tag ? { id: tag, label: tag } : undefined,
      image: item?.image,
      body: bodyHtml(r, data, 'content_html', p) || escapeText(r.text(data, 'content_text', p)),
      base,
      related: [],
    };
  }
  const category = data.category;
  return {
    id: r.text(data, 'id', p) ?? '',
    title: r.text(data, 'title', p) ?? '',
    date: r.date(data, 'date', p),
    updated: r.date(data, 'updated', p),
    source: r.text(data, 'source', p),
    author: r.text(data, 'author', p),
    editor: r.text(data, 'editor', p),
    category: isObject(category)
      ? categories(r, [category])[0]
      : typeof category === 'string' ? { id: category, label: category } : undefined,
    image: r.url(data, 'image', p),
    body: bodyHtml(r, data, 'body', p),
    base,
    prev: articleLink(r, data.prev, `${p}.prev`),
    next: articleLink(r, data.next, `${p}.next`),
    related: items(r, r.list(data, 'related', p), 'related', nativeItem),
  };
}

/** Plain text turned into paragraphs of escaped HTML (JSON Feed `content_text`). */
function escapeText(text: string | undefined): string {
  if (!text) return '';
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text.split(/\n{2,}/).map((para) => `<p>${escape(para)}</p>`).join('');
}
