// The CDN build as the bench measures it, with the plugins the shipped files are built with
// (rollup.config.mjs `cdnPlugins`: templates and code minified), and how one package's or
// module's share is minified on its own: shared by `npm run bench` and bench/modules.mjs.
import { rollup } from 'rollup';
import { cdnPlugins } from '../rollup.config.mjs';

/**
 * `input` bundled with its dependencies, as the shipped files are. Each output module's `code` is
 * its tree-shaken code before terser runs (templates already minified); the chunk's is minified.
 */
export const benchBundle = (input) => rollup({ input, plugins: cdnPlugins(), onwarn: () => {} });

/** terser's options for a piece of a bundle minified alone (no top-level names to mangle). */
export const PART_MINIFY = { module: false, toplevel: false, compress: { passes: 2 }, mangle: true };
