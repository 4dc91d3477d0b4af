/**
 * The lazy loader for the script-tag path (`dist/loader.js`): a page pays only for the elements
 * it shows. It watches the document (and the open shadow roots of our elements, and of elements
 * added later) and loads an element's code the first time its tag appears, with the chunks that
 * code needs preloaded in parallel, so each takes one round trip. Lit, the shared core and
 * DOMPurify (news-article only) are chunks of their own, fetched once whichever element asks.
 * The chunks are built by rollup from the same registering modules the npm package has, so an
 * element hydrates the server-rendered shadow DOM it finds exactly as with the all-in-one file.
 * Lit's hydration support (2 KB) is a chunk of its own too, loaded first and only on a page whose
 * elements came server-rendered: a page that renders them in the browser does not pay for it.
 * The chunks come in two sets, and a page uses one, picked by the first elements the loader sees.
 * A page with server-rendered elements gets the set whose elements leave their styles and the
 * content client to chunks loaded on demand: they hydrate from the styles and data the page
 * carries, and need those only when they change (a visitor pages, filters, retries). A page
 * rendered in the browser gets the set in which they come with each element's code.
 *
 * ```html
 * <script type="module" src="https://cdn.jsdelivr.net/npm/newsroom-elements@0.1/dist/loader.js"></script>
 * ```
 *
 * A server-rendered page may take `dist/loader-on-interaction.js` instead, which holds each
 * element's code back until a visitor reaches for it (`src/loader-on-interaction.ts`).
 */

import { discover } from './loader/watch.js';

// Importing it in Node (server rendering, tools) does nothing.
if (typeof document !== 'undefined') discover(document);

export { discover };
