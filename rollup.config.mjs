import { nodeResolve } from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';
import minifyTemplates from '@lit-labs/rollup-plugin-minify-html-literals';
import { defaultShouldMinify } from '@lit-labs/rollup-plugin-minify-html-literals/lib/minify-html-literals.js';
import MagicString from 'magic-string';
import { existsSync, readdirSync, rmSync } from 'node:fs';

// Every folder of src/ with a define.ts is an element with its own registering module.
const elements = readdirSync('src').filter((name) => name !== 'core' && existsSync(`src/${name}/define.ts`));

// Source maps carry the TypeScript sources inline (sourcesContent), so they work without src/.
const ts = () => typescript({ tsconfig: './tsconfig.json', include: ['src/**/*.ts'], noEmit: false, sourceMap: true, inlineSources: true });

// Property-safe: terser only mangles what it can prove private (never DOM or Lit names).
export const TERSER_OPTIONS = {
  ecma: 2021,
  module: true,
  compress: { passes: 3, unsafe_arrows: true },
  format: { comments: false },
};

// Lit's maintained minifier for the insides of html`` and css`` (html-minifier-next and
// lightningcss), which bundlers leave as written. It keeps the text of <textarea> and <pre> (the
// message form's textarea holds the text sent back) and Lit's bindings. The npm modules get it
// too, with the same options: the server renders with them, and Lit hydrates a server-rendered
// template only when the browser's copy of it is the same string (its digest is the hash of the
// strings); and their templates' whitespace would be in every server-rendered page otherwise.
const templates = () =>
  minifyTemplates({
    failOnError: true,
    // lit/static-html's `<${tag}>` (a heading level chosen at run time): the HTML minifier cannot
    // parse a tag name it does not know, so such a template is left as written.
    options: { shouldMinify: (template) => defaultShouldMinify(template) && !boundTagName(template) },
  });
const boundTagName = (template) => template.parts.slice(0, -1).some((part) => /<\/?$/.test(part.text));

/**
 * The plugins of the CDN files (the drop-in file, the loader and its chunks), and so of the bench
 * (bench/bundle.mjs), which measures what ships: dependencies bundled, templates minified, terser.
 */
export const cdnPlugins = ({ onDemand = false } = {}) => [
  // Styles and the content client on demand only in the chunks for server-rendered pages.
  ...(onDemand ? [] : [eagerImports()]),
  // Our package.json `sideEffects` describes dist/, not src/: applied to a source file it made
  // the file side-effect free when node-resolve resolved it (an entry) and not when the
  // TypeScript plugin did (an import), so the first resolution to finish decided what a build kept.
  nodeResolve({ exportConditions: ['production'], ignoreSideEffectsForRoot: true }),
  ts(),
  templates(),
  terser(TERSER_OPTIONS),
];

// The drop-in file has no exports, so its whole body can sit behind a guard: a second copy on
// the same page runs nothing, and so never re-creates Lit's and DOMPurify's Trusted Types
// policies (a duplicate policy name throws under `trusted-types lit-html dompurify newsroom`).
// It wraps terser's output, so the bench's build of src/all.ts is the shipped file inside it.
// No plugin we know of wraps a chunk in a condition: rollup's `banner`/`footer` could, but
// would not refuse a chunk with exports (a syntax error inside a block).
const GUARD_KEY = 'Symbol.for("newsroom-elements")';
export const ONCE_PER_PAGE = [`if(!globalThis[${GUARD_KEY}]){globalThis[${GUARD_KEY}]=1;\n`, '\n}'];
const oncePerPage = () => ({
  name: 'once-per-page',
  renderChunk(code, chunk) {
    if (chunk.exports.length) this.error('the drop-in bundle must not export anything');
    const s = new MagicString(code).prepend(ONCE_PER_PAGE[0]).append(ONCE_PER_PAGE[1]);
    return { code: s.toString(), map: s.generateMap({ hires: true }) };
  },
});

// The drop-in file exports nothing, but importing it (`import 'newsroom-elements/newsroom-elements.js'`)
// should still bring the tag and event types: its declaration file points at the registering entry's.
// No maintained plugin writes a declaration that only points at another (rollup-plugin-dts bundles them).
const dropInTypes = () => ({
  name: 'drop-in-types',
  generateBundle() {
    this.emitFile({
      type: 'asset',
      fileName: 'newsroom-elements.d.ts',
      source: "// Types of the self-registering drop-in bundle: every tag in HTMLElementTagNameMap.\nimport './all.js';\nexport {};\n",
    });
  },
});

// The lazy loader's build (dist/loader.js + dist/cdn/): every element's registering module is an
// entry, split by rollup into content-hashed chunks: lit-html; LitElement with the shared core,
// which every element needs; DOMPurify, which news-article loads only when it has a body to
// sanitize (not when it hydrates a server-rendered one); the content client, which loads with the
// first request (none on a server-rendered page until a visitor asks for more); and Lit's hydration support, which the
// loader imports first and only on a page with server-rendered elements (see `hydrationApart`).
// The loader imports none of them statically: `loaderManifest` writes into it, for each tag, the
// element's file and every chunk it imports, so the loader can preload them all at once instead
// of discovering them one import level at a time.
const sharedChunk = (set) => (id) => {
  // A directive one element uses (live: the form; unsafe-html: the article body) stays with it.
  if (/node_modules\/(lit|lit-html)\/directives\//.test(id)) return undefined;
  if (/node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\//.test(id)) return 'core';
  // DOMPurify with our configuration: loaded by news-article only when it renders a body itself.
  if (/node_modules\/dompurify\//.test(id) || /src\/core\/security\/sanitize\.ts$/.test(id)) return 'sanitizer';
  // The page's content client with its retries: loaded with the first request (page-client.ts),
  // which a server-rendered page does not make until a visitor pages, filters or retries.
  // Pages rendered in the browser need it at once: there it is part of the shared chunk.
  if (/src\/core\/network\/(content-client|retry)\.ts$/.test(id)) return set === 'server' ? 'network' : 'core';
  // The styles every element shares: loaded with an element's own styles, which load on demand
  // (element-styles.ts), not with its code, on a server-rendered page.
  if (/src\/core\/ui\/styles\.ts$/.test(id)) return set === 'server' ? 'styles' : 'core';
  // What (almost) every element stands on is one chunk: one file compresses better than several
  // small ones. Formats (lists and articles) and the sanitizer stay with the elements using them.
  if (/node_modules\/@lit\/context\//.test(id) || /src\/core\/(?!data\/(news-format|html-text)|security\/sanitize\.ts)/.test(id))
    return 'core';
  return undefined;
};

// The elements' registering modules import Lit's hydration support first thing, as the npm
// modules and the all-in-one file must. In the loader's build that import is empty, and
// src/loader-hydrate.ts (the support, applied to the shared chunk's LitElement) is an entry of its
// own, which the loader imports before any element's code when the page has server-rendered
// elements. A plugin, since the same module must stay in for one importer and not for the others
// (@rollup/plugin-alias and `treeshake.moduleSideEffects` apply to every importer of a module).
const HYDRATE_SUPPORT = '@lit-labs/ssr-client/lit-element-hydrate-support.js';
const hydrationApart = () => ({
  name: 'hydration-apart',
  resolveId(source, importer) {
    if (source !== HYDRATE_SUPPORT || !importer?.includes('/src/') || importer.endsWith('/src/loader-hydrate.ts')) return null;
    return '\0no-hydration';
  },
  load(id) {
    return id === '\0no-hydration' ? 'export {};' : null;
  },
});

// Each loader build's chunk set as the loader reads it: the folder of its files, and for each tag
// its file and every chunk it imports (so the loader preloads them all at once instead of
// discovering them one import level at a time), and Lit's hydration support's files; names
// without the folder and `.js`, which the loader adds (loader.js is in every page's budget).
function chunkSet(bundle, folder) {
  const files = Object.values(bundle).filter((file) => file.type === 'chunk');
  const byName = new Map(files.map((chunk) => [chunk.fileName, chunk]));
  const closure = (fileName, seen = new Set()) => {
    if (!seen.has(fileName)) {
      seen.add(fileName);
      for (const dependency of byName.get(fileName).imports) closure(dependency, seen);
    }
    return seen;
  };
  const name = (fileName) => fileName.slice(folder.length + 1, -'.js'.length);
  const set = { folder: `${folder}/`, chunks: {}, hydrate: [] };
  for (const chunk of files) {
    if (!chunk.isEntry || chunk.name === 'loader') continue;
    const imports = [...closure(chunk.fileName)];
    if (chunk.name === 'hydrate') set.hydrate = imports.map(name);
    else set.chunks[chunk.name] = imports.map(name);
  }
  // Only the hydration chunk may bring Lit's hydration support.
  for (const [tag, names] of Object.entries(set.chunks)) {
    if (names.includes(set.hydrate[0])) throw new Error(`<${tag}>'s code must not import the hydration support`);
  }
  return set;
}

// Each set once built, kept for the loaders' builds (rollup builds the configs of this file one
// after the other, in order): dist/loader.js comes with the server set, the on-interaction loader
// last.
const builtSets = {};

/** Writes the chunk sets (JavaScript) into a loader, which must not import any chunk itself. */
function writeSets(plugin, loader, sets) {
  if (!loader.code.includes('NEWSROOM_SETS')) plugin.error(`${loader.fileName} lost its NEWSROOM_SETS placeholder`);
  if (loader.imports.length || loader.dynamicImports.length) plugin.error(`${loader.fileName} must not import any chunk statically`);
  loader.code = loader.code.replaceAll('NEWSROOM_SETS', sets);
}

// No maintained plugin writes each entry's import closure into another chunk (Vite's preload map is Vite's own).
const loaderManifest = (name, folder) => ({
  name: 'loader-manifest',
  // Chunks of earlier builds have other hashes: start from an empty dist/cdn/ (the first build).
  buildStart() {
    if (name === 'browser') rmSync('dist/cdn', { recursive: true, force: true });
  },
  generateBundle(_, bundle) {
    const set = chunkSet(bundle, folder);
    builtSets[name] = set;
    if (name === 'browser') {
      // Every file such a page loads is in the manifest, and so in the budgets: only the
      // sanitizer, which the manifest leaves out, may load on demand.
      for (const chunk of Object.values(bundle)) {
        const onDemand = chunk.type === 'chunk' ? chunk.dynamicImports.filter((file) => !/\/sanitizer-/.test(file)) : [];
        if (onDemand.length) this.error(`${chunk.fileName} imports on demand: ${onDemand.join(', ')}`);
      }
      return;
    }
    if (!builtSets.browser) this.error('the chunks for pages rendered in the browser must be built first');
    writeSets(this, bundle['loader.js'], JSON.stringify(builtSets));
  },
});

// dist/loader-on-interaction.js: for server-rendered pages only, so it carries the server set
// alone (as both: an element rendered in the browser there loads its styles as its code runs).
const onInteractionLoader = {
  input: { 'loader-on-interaction': 'src/loader-on-interaction.ts' },
  output: { dir: 'dist', format: 'es', sourcemap: true, entryFileNames: '[name].js' },
  plugins: [
    ...cdnPlugins({ onDemand: true }),
    {
      name: 'loader-sets',
      generateBundle(_, bundle) {
        if (!builtSets.server) this.error('the chunks for server-rendered pages must be built first');
        // The set written once: 28 bytes brotli less than twice.
        writeSets(this, bundle['loader-on-interaction.js'], `(s=>({browser:s,server:s}))(${JSON.stringify(builtSets.server)})`);
      },
    },
  ],
};

// The set for pages rendered in the browser has what the other loads on demand (each element's
// styles, the content client) in its chunks, as the npm modules had before they learned to load
// them on demand: loaded apart, they cost every such page the files' compression on top
// (site-nav + contact-card through the loader: 21.4 KB brotli instead of 19.8). Here each
// element's `loadStyles` becomes its `static styles`, and the two modules that load on demand
// (element-styles.ts, page-client.ts) are swapped for their eager twins (*.eager.ts). The
// sanitizer stays on demand in both sets. No maintained plugin turns chosen dynamic imports into
// static ones; @rollup/plugin-alias could swap the modules, but not rewrite the class fields.
const EAGER_TWINS = /\/src\/core\/(element\/element-styles|network\/page-client)\.ts$/;
const eagerImports = () => ({
  name: 'eager-imports',
  async resolveId(source, importer, options) {
    if (!importer?.includes('/src/') || !/(element-styles|page-client)\.js$/.test(source)) return null;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    return resolved && EAGER_TWINS.test(resolved.id) ? resolved.id.replace(/\.ts$/, '.eager.ts') : null;
  },
  // Sees TypeScript's output: `static override loadStyles = () => import('./x.styles.js')` is
  // `X.loadStyles = () => import('./x.styles.js');` there.
  transform(code, id) {
    if (!/\/src\/[\w-]+\/[\w-]+\.ts$/.test(id)) return null;
    const field = /\b(\w+)\.loadStyles = \(\) => import\('(\.\/[\w-]+\.styles\.js)'\);/;
    const match = field.exec(code);
    if (!match) return null;
    const [, name, path] = match;
    return { code: `import { styles as __styles } from '${path}';\n` + code.replace(field, `${name}.styles = __styles;`), map: null };
  },
});

const loaderInput = (withLoader) => ({
  ...(withLoader ? { loader: 'src/loader.ts' } : {}),
  hydrate: 'src/loader-hydrate.ts',
  ...Object.fromEntries(elements.map((name) => [name, `src/${name}/define.ts`])),
});

/**
 * One of the loader's two chunk sets. `browser` (dist/cdn/) is for pages whose elements render in
 * the browser: each element's styles and the content client come with its code. `server`
 * (dist/cdn/ssr/, with dist/loader.js) is for pages with server-rendered elements, which hydrate
 * from the styles and data the page carries: their styles and the content client load only when
 * an element changes. The loader picks one for the page by the first elements it sees.
 */
const loaderBuild = (name) => {
  const folder = name === 'browser' ? 'cdn' : 'cdn/ssr';
  return {
    input: loaderInput(name === 'server'),
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      // Six characters of content hash (36 bits) tell a file's versions apart as well as eight, and
      // every page carries each name in the loader's manifest and in the chunks' imports.
      entryFileNames: (chunk) => (chunk.name === 'loader' ? 'loader.js' : `${folder}/[name]-[hash:6].js`),
      chunkFileNames: `${folder}/[name]-[hash:6].js`,
      manualChunks: sharedChunk(name),
    },
    // Each element's registering module imports news-provider's, so that importing one element's
    // npm module also registers the provider it may sit in. The loader loads the provider's code
    // where it sees the tag, so in this build that import is dropped: no element chunk needs it.
    treeshake: { moduleSideEffects: (id) => !id.endsWith('/src/news-provider/define.ts') },
    plugins: [hydrationApart(), ...cdnPlugins({ onDemand: name === 'server' }), loaderManifest(name, folder)],
  };
};

// Entries of the npm build (dist/<name>.js). Each element's registering module is added below.
const npmEntries = {
  index: 'src/index.ts',
  all: 'src/all.ts',
  ...Object.fromEntries(elements.map((name) => [`${name}/define`, `src/${name}/define.ts`])),
  // Node only: server rendering and its command line. No browser entry imports them.
  'ssr/index': 'src/ssr/index.ts',
  'ssr/cli': 'src/ssr/cli.ts',
  // Node, Bun, Deno: the Fetch handler a host server mounts, and its Node adapter.
  'server/index': 'src/server/index.ts',
  'server/node': 'src/server/node.ts',
};

export default [
  // The drop-in file: everything (Lit, @lit/context, DOMPurify) in one minified, self-registering module.
  {
    input: 'src/all.ts',
    output: { file: 'dist/newsroom-elements.js', format: 'es', inlineDynamicImports: true, sourcemap: true },
    // One file: what the lazy loader's chunks load on demand is in it anyway, so it takes the eager
    // twins (in `cdnPlugins`), as the loader's chunks for pages rendered in the browser do.
    plugins: [...cdnPlugins(), oncePerPage(), dropInTypes()],
  },
  // The lazy loader and its two chunk sets, minified for the script-tag path (see `loaderBuild`).
  loaderBuild('browser'),
  loaderBuild('server'),
  onInteractionLoader,
  // The npm build: one readable (unminified) module per source file with its source map, for the
  // user's bundler to minify; dependencies stay imports. Templates are minified as in the CDN
  // files (see `templates`).
  {
    input: npmEntries,
    external: [/^lit(\/|$)/, /^@lit\//, /^@lit-labs\//, /^dompurify$/, /^parse5$/, /^jsdom$/, /^@hono\//, /^node:/],
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      preserveModules: true,
      preserveModulesRoot: 'src',
      // TypeScript's decorator helper (tslib) is bundled, under dist/vendor/ rather than a nested node_modules/.
      entryFileNames: (chunk) => chunk.name.replace(/^.*node_modules\//, 'vendor/') + '.js',
    },
    plugins: [ts(), templates()],
  },
];
