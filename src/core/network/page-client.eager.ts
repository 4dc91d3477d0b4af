// The twin of page-client.ts in the lazy loader's chunks for pages rendered in the browser
// (rollup.config.mjs, `eagerImports`): every element there asks for its JSON at once, so the
// client comes with the shared chunk.
import { type ContentClient, defaultClient } from './content-client.js';

export const pageClient = (): ContentClient => defaultClient;
