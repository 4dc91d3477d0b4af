// The server half (Node 20+, Bun, Deno): a Fetch handler a host mounts. Nothing in the browser code imports it.
export { newsroom, type Newsroom, type NewsroomOptions, policyWith, STRICT_POLICY } from './newsroom.js';
export { fingerprint } from './form-post.js';
export { siteFetch, type SiteFetchOptions, siteFile, type SiteFileOptions, type SourceRead } from './site-fetch.js';
export {
  jsonLinesStore,
  type MessageRecord,
  type MessageStore,
  postgresStore,
  type Query,
  webhookStore,
  type WebhookOptions,
} from './stores.js';
export { type MessageRules, validateMessage } from '../message-form/validate.js';
