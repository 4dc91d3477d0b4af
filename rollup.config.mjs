import { nodeResolve } from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';
import MagicString from 'magic-string';
import { existsSync, readdirSync, rmSync } from 'node:fs';

// Every folder of src/ with a define.ts is an element with its own registering module.
const elements = readdirSync('src').filter((name) => name !== 'core' && existsSync(`src/${name}/define.ts`));

// Minified, property-safe: only mangle what terser can prove private (never DOM or Lit names).
const minify = () =>
  terser({
    ecma: 2021,
    module: true,
    compress: { passes: 3, unsafe_arrows: true },
    format: { comments: false },
  });

// Source maps carry the TypeScript sources inline (sourcesContent), so they work without src/.
const ts = () => typescript({ tsconfig: './tsconfig.json', include: ['src/**/*.ts'], noEmit: false, sourceMap: true, inlineSources: true });

// The drop-in file has no exports, so its whole body can sit behind a guard: a second copy on
// the same page runs nothing, and so never re-creates Lit's and DOMPurify's Trusted Types
// policies (a duplicate policy name throws under `trusted-types lit-html dompurify newsroom`).
const oncePerPage = () => ({
  name: 'once-per-page',
  renderChunk(code, chunk) {
    if (chunk.exports.length) this.error('the drop-in bundle must not export anything');
    const key = 'Symbol.for("newsroom-elements")';
    const s = new MagicString(code).prepend(`if(!globalThis[${key}]){globalThis[${key}]=1;\n`).append('\n}');
    return { code: s.toString(), map: s.generateMap({ hires: true }) };
  },
});

// The drop-in file exports nothing, but importing it (`import 'newsroom-elements/newsroom-elements.js'`)
// should still bring the tag and event types: its declaration file points at the registering entry's.
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

// Lit's css`` blocks ship as written; squeeze their comments and whitespace. Conservative: quoted
// strings (generated content, font names, attribute values) stay as written. Elsewhere a space is
// only dropped next to braces, semicolons and child combinators, after a comma, a colon or an
// opening parenthesis and before a closing one: never inside values such as calc(a + b), never
// where it separates selectors. Leading zeros stay: dropping them (0.5em as .5em) saves raw bytes
// but costs gzip ones.
const squeezeCss = (body) =>
  body
    .replace(/\/\*[^]*?\*\//g, '')
    .split(/('[^']*'|"[^"]*")/)
    .map((part, i) =>
      i % 2
        ? part
        : part
            .replace(/\s+/g, ' ')
            .replace(/\s*([{};>])\s*/g, '$1')
            .replace(/([(,:])\s+/g, '$1')
            .replace(/\s+\)/g, ')'),
    )
    .join('')
    .replace(/;}/g, '}')
    .trim();

export const minifyCss = () => ({
  name: 'minify-css',
  transform(code, id) {
    if (!id.endsWith('.ts') || !/css\s*`/.test(code)) return null;
    const s = new MagicString(code);
    for (const { 0: whole, 1: body, index } of code.matchAll(/css\s*`([^`]*)`/g)) {
      s.overwrite(index, index + whole.length, 'css`' + squeezeCss(body) + '`');
    }
    return { code: s.toString(), map: s.generateMap({ hires: true }) };
  },
});

// Indentation inside Lit html`` templates (lit/static-html's too, imported as staticHtml) is only
// line breaks and spaces between tags and attributes, which HTML collapses anyway (no template
// holds a <pre> or text in a <textarea>): a run of whitespace with a line break becomes one space.
export const minifyHtml = () => ({
  name: 'minify-html',
  transform(code, id) {
    if (!id.endsWith('.ts') || !/html\s*`/.test(code)) return null;
    const edits = [];
    const visit = (node) => {
      if (!node || typeof node.type !== 'string') return;
      if (
        node.type === 'TaggedTemplateExpression' &&
        node.tag.type === 'Identifier' &&
        (node.tag.name === 'html' || node.tag.name === 'staticHtml')
      ) {
        for (const quasi of node.quasi.quasis) {
          const raw = code.slice(quasi.start, quasi.end);
          const squeezed = raw.replace(/\s*\n\s*/g, ' ');
          if (squeezed !== raw) edits.push([quasi.start, quasi.end, squeezed]);
        }
      }
      for (const value of Object.values(node)) {
        if (Array.isArray(value)) value.forEach(visit);
        else if (value && typeof value === 'object') visit(value);
      }
    };
    visit(this.parse(code));
    const s = new MagicString(code);
    for (const [start, end, text] of edits) s.overwrite(start, end, text);
    return { code: s.toString(), map: s.generateMap({ hires: true }) };
  },
});

// The lazy loader's build (dist/loader.js + dist/cdn/): every element's registering module is an
// entry, split by rollup into content-hashed chunks: lit-html; LitElement with the shared core,
// which every element needs; DOMPurify, which news-article loads only when it has a body to
// sanitize (not when it hydrates a server-rendered one); and Lit's hydration support, which the
// loader imports first and only on a page with server-rendered elements (see `loaderLeavesOut`).
// The loader imports none of them statically: `loaderManifest` writes into it, for each tag, the
// element's file and every chunk it imports, so the loader can preload them all at once instead
// of discovering them one import level at a time.
const sharedChunk = (id) => {
  // A directive one element uses (live: the form; unsafe-html: the article body) stays with it.
  if (/node_modules\/(lit|lit-html)\/directives\//.test(id)) return undefined;
  if (/node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\//.test(id)) return 'core';
  // DOMPurify with our configuration: loaded by news-article only when it renders a body itself.
  if (/node_modules\/dompurify\//.test(id) || /src\/core\/security\/sanitize\.ts$/.test(id)) return 'sanitizer';
  // What (almost) every element stands on is one chunk: one file compresses better than several
  // small ones. Formats (lists and articles) and the sanitizer stay with the elements using them.
  if (/node_modules\/@lit\/context\//.test(id) || /src\/core\/(?!data\/(news-format|html-text)|security\/sanitize\.ts)/.test(id))
    return 'core';
  return undefined;
};

// The elements' registering modules import two things the loader's build leaves out:
// - Lit's hydration support, first thing, as the npm modules and the all-in-one file must. In the
//   loader's build src/loader-hydrate.ts (the support, applied to the shared chunk's LitElement)
//   is an entry of its own, which the loader imports before any element's code when the page has
//   server-rendered elements.
// - news-provider's registering module, so that importing one element's module also registers
//   the provider it may sit in. The loader loads the provider's code when it sees the tag, so no
//   element chunk needs it. Left to rollup, this import was kept in some builds and dropped in
//   others (our package.json `sideEffects` marks only dist/ files, and whether the module counted
//   as side-effect free depended on which of its resolutions finished first): the chunks' hashes
//   and the element chunks' imports changed from one build of the same sources to the next.
// Both imports resolve to an empty module here, so every build of the same sources is the same.
const HYDRATE_SUPPORT = '@lit-labs/ssr-client/lit-element-hydrate-support.js';
const loaderLeavesOut = () => ({
  name: 'loader-leaves-out',
  resolveId(source, importer) {
    if (!importer?.includes('/src/') || importer.endsWith('/src/loader-hydrate.ts')) return null;
    if (source === HYDRATE_SUPPORT) return '\0left-out';
    if (source === '../news-provider/define.js' && importer.endsWith('/define.ts')) return '\0left-out';
    return null;
  },
  load(id) {
    return id === '\0left-out' ? 'export {};' : null;
  },
});

const loaderManifest = () => ({
  name: 'loader-manifest',
  // Chunks of earlier builds have other hashes: start from an empty dist/cdn/.
  buildStart() {
    rmSync('dist/cdn', { recursive: true, force: true });
  },
  generateBundle(_, bundle) {
    const files = Object.values(bundle).filter((file) => file.type === 'chunk');
    const byName = new Map(files.map((chunk) => [chunk.fileName, chunk]));
    const closure = (fileName, seen = new Set()) => {
      if (!seen.has(fileName)) {
        seen.add(fileName);
        for (const dependency of byName.get(fileName).imports) closure(dependency, seen);
      }
      return seen;
    };
    const manifest = {};
    let hydrate;
    for (const chunk of files) {
      if (!chunk.isEntry || chunk.name === 'loader') continue;
      if (chunk.name === 'hydrate') hydrate = [...closure(chunk.fileName)];
      else manifest[chunk.name] = [...closure(chunk.fileName)];
    }
    const loader = bundle['loader.js'];
    for (const placeholder of ['NEWSROOM_CHUNKS', 'NEWSROOM_HYDRATE']) {
      if (!loader.code.includes(placeholder)) this.error(`the loader lost its ${placeholder} placeholder`);
    }
    if (loader.imports.length || loader.dynamicImports.length) this.error('the loader must not import any chunk statically');
    // Only the hydration chunk may bring Lit's hydration support.
    for (const [tag, files] of Object.entries(manifest)) {
      if (files.includes(hydrate[0])) this.error(`<${tag}>'s code must not import the hydration support`);
    }
    loader.code = loader.code
      .replaceAll('NEWSROOM_CHUNKS', JSON.stringify(manifest))
      .replaceAll('NEWSROOM_HYDRATE', JSON.stringify(hydrate));
  },
});

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
    plugins: [nodeResolve({ exportConditions: ['production'] }), ts(), minifyCss(), minifyHtml(), oncePerPage(), minify(), dropInTypes()],
  },
  // The lazy loader and its chunks, minified for the script-tag path.
  {
    input: {
      loader: 'src/loader.ts',
      hydrate: 'src/loader-hydrate.ts',
      ...Object.fromEntries(elements.map((name) => [name, `src/${name}/define.ts`])),
    },
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      entryFileNames: (chunk) => (chunk.name === 'loader' ? 'loader.js' : 'cdn/[name]-[hash].js'),
      chunkFileNames: 'cdn/[name]-[hash].js',
      manualChunks: sharedChunk,
    },
    plugins: [
      loaderLeavesOut(),
      nodeResolve({ exportConditions: ['production'] }),
      ts(),
      minifyCss(),
      minifyHtml(),
      minify(),
      loaderManifest(),
    ],
  },
  // The npm build: one readable (unminified) module per source file with its source map, for the
  // user's bundler to minify; dependencies stay imports. Template whitespace is still squeezed,
  // since bundlers do not minify the insides of html`` and css`` strings.
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
    plugins: [ts(), minifyCss(), minifyHtml()],
  },
];
