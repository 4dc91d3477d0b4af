import type { Article } from '../core/data/model.js';
import { pageHref } from '../core/page/address.js';
import { htmlToText } from '../core/data/html-text.js';
import { attributesOf, childElements, type Element, type ParsedPage } from './page-parser.js';

/** What head tags come from: the article element and whatever else it knows. */
export interface HeadSource {
  tag: string;
  attributes: Map<string, string>;
  article?: Article;
  data?: unknown;
  /** The article page's address (its `article-href` filled in), when the element has one. */
  canonical?: string;
  /** The site's name, from a `site.json` other elements on the page loaded. */
  siteName?: string;
}

/** Edits to the page: text inserted at an offset, or a range [start, end) replaced. */
export type Edit = [start: number, text: string, end?: number];

export const escapeText = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (value: string) => escapeText(value).replace(/"/g, '&quot;');

/** JSON for a `<script>`: `<` as `\u003c`, so no `</script>` or `<!--` can end or bend the tag. */
export const scriptJson = (data: unknown): string =>
  JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/** A plain description: the article's own summary, else the start of its text. */
function description(article: Article, data: unknown): string {
  const raw = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  const excerpt = raw.excerpt && typeof raw.excerpt === 'object' ? (raw.excerpt as Record<string, unknown>).rendered : undefined;
  const summary = [raw.summary, excerpt].find((value): value is string => typeof value === 'string' && !!value.trim());
  const text = htmlToText(summary ?? article.body);
  return text.length > 160 ? text.slice(0, 157).trimEnd() + '…' : text;
}

/**
 * The head of an article page (`news-article` with `set-title`): `<title>`, description,
 * canonical link, Open Graph and JSON-LD `NewsArticle`. A tag the page already has is updated in
 * place, never duplicated; the rest go before `</head>`.
 */
export function headEdits(page: ParsedPage, sources: HeadSource[]): Edit[] {
  const source = sources.find((s) => s.tag === 'news-article' && s.attributes.has('set-title') && s.article?.title);
  const head = findHead(page);
  if (!source?.article || !head) return [];
  const article = source.article;
  const url = (source.canonical ?? pageHref()).split('#')[0];
  const text = description(article, source.data);
  const publisher = source.siteName || article.source;
  const ld: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    datePublished: article.date,
    dateModified: article.updated ?? article.date,
    author: article.author ? { '@type': 'Person', name: article.author } : undefined,
    publisher: publisher ? { '@type': 'Organization', name: publisher } : undefined,
    image: article.image ? [article.image] : undefined,
    description: text || undefined,
    mainEntityOfPage: url,
  };

  const wanted: Array<{ match: (el: Element) => boolean; html: string }> = [
    { match: (el) => el.tagName === 'title', html: `<title>${escapeText(article.title)}</title>` },
    meta('name', 'description', text),
    {
      match: (el) => el.tagName === 'link' && relOf(el).includes('canonical'),
      html: `<link rel="canonical" href="${escapeAttribute(url)}">`,
    },
    meta('property', 'og:type', 'article'),
    meta('property', 'og:title', article.title),
    meta('property', 'og:description', text),
    meta('property', 'og:image', article.image),
    meta('property', 'og:url', url),
    {
      match: (el) => el.tagName === 'script' && attributesOf(el).get('type') === 'application/ld+json' && isNewsArticle(el),
      html: `<script type="application/ld+json">${scriptJson(ld)}</script>`,
    },
  ];

  const edits: Edit[] = [];
  const added: string[] = [];
  const children = childElements(head.node);
  for (const { match, html } of wanted) {
    if (!html) continue;
    const existing = children.find(match);
    const at = existing?.sourceCodeLocation;
    if (at) edits.push([at.startOffset, html, at.endOffset]);
    else added.push(html);
  }
  if (added.length) edits.push([head.end, added.join('\n') + '\n']);
  return edits;
}

/**
 * `<link rel="alternate" type="application/rss+xml">` to the site's feed, before `</head>`;
 * a page that already links an RSS feed keeps its own link.
 */
export function feedLinkEdits(page: ParsedPage, href: string, title?: string): Edit[] {
  const head = findHead(page);
  if (!head) return [];
  const linked = childElements(head.node).some(
    (el) => el.tagName === 'link' && relOf(el).includes('alternate') && attributesOf(el).get('type') === 'application/rss+xml',
  );
  if (linked) return [];
  const label = title ? ` title="${escapeAttribute(title)}"` : '';
  return [[head.end, `<link rel="alternate" type="application/rss+xml"${label} href="${escapeAttribute(href)}">\n`]];
}

function meta(key: 'name' | 'property', name: string, content: string | undefined) {
  return {
    match: (el: Element) => el.tagName === 'meta' && attributesOf(el).get(key) === name,
    html: content ? `<meta ${key}="${name}" content="${escapeAttribute(content)}">` : '',
  };
}

const relOf = (el: Element) => (attributesOf(el).get('rel') ?? '').toLowerCase().split(/\s+/);

function isNewsArticle(el: Element): boolean {
  const text = el.childNodes.map((child) => ('value' in child ? child.value : '')).join('');
  try {
    const type = (JSON.parse(text) as { '@type'?: unknown })['@type'];
    return type === 'NewsArticle' || type === 'Article';
  } catch {
    return false;
  }
}

/** The page's `<head>` and where new tags go: before `</head>`, else after its last tag. */
function findHead(page: ParsedPage): { node: Element; end: number } | undefined {
  const html = childElements(page.document).find((el) => el.tagName === 'html');
  const node = html && childElements(html).find((el) => el.tagName === 'head');
  if (!node) return undefined;
  const location = node.sourceCodeLocation;
  if (location?.endTag) return { node, end: location.endTag.startOffset };
  const last = childElements(node).at(-1)?.sourceCodeLocation;
  return last ? { node, end: last.endOffset } : undefined;
}
