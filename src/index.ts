// Side-effect-free: every class and helper type, nothing registered. Register a class under a
// tag of your own with `customElements.define('my-news', NewsList)`.
export { NewsProvider } from './news-provider/news-provider.js';
export { SiteNav, type SiteNavVariant } from './site-nav/site-nav.js';
export { ContactCard } from './contact-card/contact-card.js';
export { NewsList, type NewsListLayout } from './news-list/news-list.js';
export { NewsArticle } from './news-article/news-article.js';
export { RelatedArticles } from './related-articles/related-articles.js';
export { MessageForm, type MessageFailedDetail, type MessageSentDetail } from './message-form/message-form.js';
export { ContentClient, type ContentClientOptions, type ContentResponse } from './core/network/content-client.js';
export { ContentError, type ContentErrorKind } from './core/network/content-error.js';
export type { Article, ArticleLink, Category, Contact, MenuItem, NewsItem, NewsList as NewsListData, Site } from './core/data/model.js';
export type { NewsroomErrorDetail, NewsroomLoadDetail, NewsSelectDetail } from './core/element/events.js';
export { normalizeArticle, normalizeList } from './core/data/news-format.js';
export { normalizeSite } from './core/data/site-format.js';
export { safeUrl } from './core/security/safe-url.js';
export { sanitizeHtml } from './core/security/sanitize.js';
