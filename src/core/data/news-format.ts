import type { ContentResponse } from '../network/content-client.js';
import type { Article, ArticleLink, Category, NewsItem, NewsList } from './model.js';
import { isObject, type Json, Reader } from './reader.js';
import { htmlToText } from './html-text.js';
import { pageBase } from '../page/address.js';

/** An HTML field (WordPress `rendered`) read as plain text. */
function htmlField(r: Reader, obj: Json, key: string, path: string): string | undefined {
  return htmlToText(bodyHtml(r, obj, key, path)) || undefined;
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
    image: nativeImage(r, obj, path).image,
  };
}

function feedItem(r: Reader, obj: Json, path: string): NewsItem | undefined {
  // JSON Feed titles are optional: fall back to the start of the text, as feed readers do.
  const content = htmlField(r, obj, 'content_html', path) ?? r.text(obj, 'content_text', path)?.replace(/\s+/g, ' ');
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

/** The featured image of a post fetched with `_embed`: its URL, alt text and caption. */
function wordPressMedia(r: Reader, obj: Json, path: string): Pick<Article, 'image' | 'imageAlt' | 'imageCaption'> {
  const embedded = isObject(obj._embedded) ? obj._embedded['wp:featuredmedia'] : undefined;
  const media = Array.isArray(embedded) && isObject(embedded[0]) ? embedded[0] : undefined;
  if (!media) return {};
  const at = `${path}._embedded`;
  return {
    image: r.url(media, 'source_url', at),
    imageAlt: r.text(media, 'alt_text', at),
    imageCaption: htmlField(r, media, 'caption', at),
  };
}

/** A native lead image: a URL with optional `imageAlt` / `imageCaption`, or `{ url, alt, caption }`. */
function nativeImage(r: Reader, obj: Json, path: string): Pick<Article, 'image' | 'imageAlt' | 'imageCaption'> {
  const image = obj.image;
  if (isObject(image)) {
    const at = `${path}.image`;
    return {
      image: r.url(image, 'url', at) ?? r.url(image, 'src', at),
      imageAlt: r.text(image, 'alt', at),
      imageCaption: r.text(image, 'caption', at),
    };
  }
  return { image: r.url(obj, 'image', path), imageAlt: r.text(obj, 'imageAlt', path), imageCaption: r.text(obj, 'imageCaption', path) };
}

function wordPressItem(r: Reader, obj: Json, path: string): NewsItem | undefined {
  const title = htmlField(r, obj, 'title', path);
  if (!title) {
    r.warn(`${path}.title`, 'a title');
    return undefined;
  }
  return {
    id: r.text(obj, 'id', path) ?? r.text(obj, 'slug', path) ?? title,
    title,
    summary: htmlField(r, obj, 'excerpt', path),
    date: wordPressDate(r, obj, path),
    url: r.url(obj, 'link', path),
    image: wordPressMedia(r, obj, path).image,
  };
}

function items(r: Reader, values: unknown[], path: string, read: (r: Reader, obj: Json, path: string) => NewsItem | undefined): NewsItem[] {
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
  const r = new Reader(response.url || pageBase());
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

/** An HTML field, plain or WordPress-style `{ rendered }`, as untrusted HTML ('' when missing). */
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
  const base = response.url || pageBase();
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
      ...wordPressMedia(r, data, p),
      body: bodyHtml(r, data, 'content', p),
      base,
      related: [],
    };
  }
  if (isFeedItem(data)) {
    const item = feedItem(r, data, p);
    const authors = r
      .objects(r.list(data, 'authors', p), `${p}.authors`)
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
      : typeof category === 'string'
        ? { id: category, label: category }
        : undefined,
    ...nativeImage(r, data, p),
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
  return text
    .split(/\n{2,}/)
    .map((para) => `<p>${escape(para)}</p>`)
    .join('');
}
