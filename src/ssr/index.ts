// Server rendering (Node only): nothing in the browser code imports this entry.
export { DEFAULT_SSR_TIMEOUT, renderPage, type RenderPageOptions, SourceError } from './render-page.js';
