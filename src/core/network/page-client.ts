import type { ContentClient } from './content-client.js';

let ready: ContentClient | undefined;
let loading: Promise<ContentClient> | undefined;

/**
 * The page's shared content client (`defaultClient`), which every element uses unless a
 * `news-provider` hands down another. The client, with its retries, lives in a module that loads
 * with the first request: a server-rendered page hydrates from the data written into it and
 * never needs it until a visitor pages, filters or retries, so it does not download it until
 * then. In the builds for pages rendered in the browser (the all-in-one file, the loader's
 * `dist/cdn/` set) its eager twin, page-client.eager.ts, takes its place.
 */
export function pageClient(): ContentClient | Promise<ContentClient> {
  return ready ?? (loading ??= import('./content-client.js').then((module) => (ready = module.defaultClient)));
}
