// Side-effect-free: every class and helper type, nothing registered. Register a class under a
// tag of your own with `customElements.define('my-news', NewsList)`.
export { NewsProvider } from './news-provider/news-provider.js';
export { SiteNav, type SiteNavVariant } from './site-nav/site-nav.js';
export { ContactCard } from './contact-card/contact-card.js';
export { NewsList, type NewsListLayout } from './news-list/news-list.js';
export { NewsArticle } from './news-article/news-article.js';
export { RelatedArticles } from './related-articles/related-articles.js';
export { MessageForm, type MessageFailedDetail, type MessageSentDetail } from './message-form/message-form.js';
export { ContentClient, type ContentClientOptions, type ContentResponse } from './core/content-client.js';
export { ContentError, type ContentErrorKind } from './core/content-error.js';
export type { Article, ArticleLink, Category, Contact, MenuItem, NewsItem, NewsList as NewsListData, Site } from './core/model.js';
export type { NewsroomErrorDetail, NewsroomLoadDetail, NewsSelectDetail } from './core/events.js';
export { normalizeArticle, normalizeList, normalizeSite } from './core/formats.js';
export { safeUrl } from './core/safe-url.js';
export { sanitizeHtml } from './core/sanitize.js';
