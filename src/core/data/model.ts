/** The one shape every source format is normalised to. URLs are already absolute and allowed. */

export interface MenuItem {
  label: string;
  href?: string;
  children: MenuItem[];
}

export interface Contact {
  title?: string;
  address?: string;
  phone?: string;
  email?: string;
  website?: string;
  fax?: string;
  hours?: string;
  map?: string;
}

export interface Site {
  name?: string;
  locale?: string;
  menus: Record<string, MenuItem[]>;
  contact?: Contact;
  copyright?: string;
}

export interface Category {
  id: string;
  label: string;
}

export interface NewsItem {
  id: string;
  title: string;
  summary?: string;
  /** ISO 8601, known to parse. */
  date?: string;
  category?: string;
  url?: string;
  image?: string;
}

export interface NewsList {
  items: NewsItem[];
  categories: Category[];
  page: number;
  pageSize?: number;
  /** Items on the server across all pages; more than `items.length` means the server pages. */
  total: number;
}

export interface ArticleLink {
  id?: string;
  title: string;
  url?: string;
}

export interface Article {
  id: string;
  title: string;
  date?: string;
  updated?: string;
  source?: string;
  author?: string;
  editor?: string;
  category?: Category;
  image?: string;
  /** Text for the lead image's `alt`. */
  imageAlt?: string;
  /** The lead image's caption, as text. */
  imageCaption?: string;
  /** Untrusted HTML: render only through `sanitizeHtml(body, base)`. */
  body: string;
  /** The document URL the body's relative links resolve against. */
  base: string;
  prev?: ArticleLink;
  next?: ArticleLink;
  related: NewsItem[];
}
