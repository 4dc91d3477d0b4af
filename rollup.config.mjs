import { nodeResolve } from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';
import { existsSync, readdirSync } from 'node:fs';

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

const ts = () => typescript({ tsconfig: './tsconfig.json', include: ['src/**/*.ts'], noEmit: false });

// The drop-in file has no exports, so its whole body can sit behind a guard: a second copy on
// the same page runs nothing, and so never re-creates Lit's and DOMPurify's Trusted Types
// policies (a duplicate policy name throws under `trusted-types lit-html dompurify newsroom`).
const oncePerPage = () => ({
  name: 'once-per-page',
  renderChunk(code, chunk) {
    if (chunk.exports.length) this.error('the drop-in bundle must not export anything');
    const key = 'Symbol.for("newsroom-elements")';
    return `if(!globalThis[${key}]){globalThis[${key}]=1;\n${code}\n}`;
  },
});

// Lit's css`` blocks ship as written; squeeze their comments and whitespace. Conservative: a
// space is only dropped next to braces, semicolons, commas and after a colon, never inside
// values such as calc(a + b), and never where it separates selectors.
export const minifyCss = () => ({
  name: 'minify-css',
  transform(code, id) {
    if (!id.endsWith('.ts') || !/css\s*`/.test(code)) return null;
    return {
      code: code.replace(
        /css\s*`([^`]*)`/g,
        (_, body) =>
          'css`' +
          body
            .replace(/\/\*[^]*?\*\//g, '')
            .replace(/\s+/g, ' ')
            .replace(/\s*([{};])\s*/g, '$1')
            .replace(/,\s+/g, ',')
            .replace(/:\s+/g, ':')
            .replace(/;}/g, '}')
            .trim() +
          '`',
      ),
      map: null,
    };
  },
});

// Indentation inside Lit html`` templates is only line breaks and spaces between tags and
// attributes, which HTML collapses anyway (no template holds a <pre> or text in a <textarea>):
// a run of whitespace that contains a line break becomes one space.
export const minifyHtml = () => ({
  name: 'minify-html',
  transform(code, id) {
    if (!id.endsWith('.ts') || !/html\s*`/.test(code)) return null;
    const edits = [];
    const visit = (node) => {
      if (!node || typeof node.type !== 'string') return;
      if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && node.tag.name === 'html') {
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
    let out = code;
    for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end);
    return { code: out, map: null };
  },
});

export default [
  // The drop-in file: everything (Lit, @lit/context, DOMPurify) in one self-registering module.
  {
    input: 'src/all.ts',
    output: { file: 'dist/newsroom-elements.js', format: 'es', inlineDynamicImports: true },
    plugins: [nodeResolve({ exportConditions: ['production'] }), ts(), minifyCss(), minifyHtml(), oncePerPage(), minify()],
  },
  // The npm build: one module per source file, dependencies left to the user's bundler.
  {
    input: {
      index: 'src/index.ts',
      all: 'src/all.ts',
      ...Object.fromEntries(elements.map((name) => [`${name}/define`, `src/${name}/define.ts`])),
    },
    external: [/^lit(\/|$)/, /^@lit\//, /^dompurify$/],
    output: { dir: 'dist', format: 'es', preserveModules: true, preserveModulesRoot: 'src' },
    plugins: [ts(), minifyCss(), minifyHtml(), minify()],
  },
];
