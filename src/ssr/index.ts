// Server rendering (Node only): nothing in the browser code imports this entry.
export {
  DEFAULT_SSR_TIMEOUT,
  renderPage,
  renderPageResult,
  type RenderedPage,
  type RenderPageOptions,
  SourceError,
  styleHash,
} from './render-page.js';
export {
  atomFeed,
  feedFiles,
  type FeedFilesOptions,
  type FeedOptions,
  type NewsEntry,
  readNews,
  type ReadNewsOptions,
  rssFeed,
  type SitemapOptions,
  sitemaps,
} from './feeds.js';
