// custom-elements.json: what editors, frameworks and docs read about the elements. The analyzer
// reads the TypeScript sources; the plugin below turns that into the package's public contract:
// shipped dist/*.js paths, no private or static members, no abstract base or helper listed as an
// element, and every element's theme properties with their defaults. Integrations generated from
// the finished manifest are added in scripts/integrations.plugins.mjs. Runs after rollup (`npm run
// build`), so it can tell which dist/ modules exist.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { getTsProgram, typeParserPlugin } from '@wc-toolkit/type-parser';
import { integrationPlugins } from './scripts/integrations.plugins.mjs';

const sourceFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );

/** `--newsroom-x` → its fallback in `var(--newsroom-x, fallback)`, read from every css`` in src/. */
function themeDefaults() {
  const defaults = new Map();
  for (const file of sourceFiles('src')) {
    const code = readFileSync(file, 'utf8');
    for (const [, name, fallback] of code.matchAll(/var\(\s*(--newsroom-[\w-]+)\s*,\s*((?:[^()]|\([^()]*\))*)\)/g)) {
      const value = fallback.replace(/\s+/g, ' ').trim();
      // `var(--x, var(--_private))`: each element documents its own default instead.
      if (!defaults.has(name) && !value.includes('var(')) defaults.set(name, value);
    }
  }
  return defaults;
}

const shipped = (path) => path.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');
const isTagName = (name) => /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/.test(name);
const isPublic = (member) => !member.static && (!member.privacy || member.privacy === 'public') && !/^[#_]/.test(member.name);

/** Rewrites every `path` / `module` that names a source file to the file the package ships. */
function shipPaths(node) {
  if (Array.isArray(node)) return node.forEach(shipPaths);
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'path' || key === 'module') && typeof value === 'string' && value.startsWith('src/')) node[key] = shipped(value);
    else shipPaths(value);
  }
}

export function publicContractPlugin() {
  return {
    name: 'newsroom-public-contract',
    // Private, protected and static members are dropped as each class is read, before the type
    // parser (the next plugin) expands their types: it has nothing to say about what is not documented.
    analyzePhase({ ts, node, moduleDoc }) {
      if (node.kind !== ts.SyntaxKind.ClassDeclaration) return;
      const declaration = moduleDoc.declarations?.find((d) => d.name === node.name?.getText());
      if (declaration?.members) declaration.members = declaration.members.filter(isPublic);
    },
    packageLinkPhase({ customElementsManifest: manifest }) {
      const defaults = themeDefaults();
      const declarations = manifest.modules.flatMap((module) => module.declarations ?? []);
      // The theme every element gets from baseStyles is documented once, on the shared base class.
      const theme = declarations.find((d) => d.name === 'ContentElement')?.cssProperties ?? [];
      for (const module of manifest.modules) {
        // Lit's `static styles` is not in the manifest; the source says whether the shared styles
        // are in: the class's `static styles`, or those of the styles module its `loadStyles` imports.
        const source = readFileSync(module.path, 'utf8');
        const stylesModule = /static\s+(?:override\s+)?loadStyles\s*=\s*\(\)\s*=>\s*import\('\.\/([\w-]+\.styles)\.js'\)/.exec(source)?.[1];
        const usesBaseStyles = stylesModule
          ? /export\s+const\s+styles\s*=\s*\[[^\]]*\bbaseStyles\b/.test(
              readFileSync(join(dirname(module.path), `${stylesModule}.ts`), 'utf8'),
            )
          : /static\s+(override\s+)?styles\s*=\s*\[[^\]]*\bbaseStyles\b/.test(source);
        for (const declaration of module.declarations ?? []) contract(declaration, usesBaseStyles);
      }
      function contract(declaration, usesBaseStyles) {
        if (declaration.customElement && !declaration.tagName) {
          // An abstract base (or any class that never gets a tag) is not an element.
          delete declaration.customElement;
          delete declaration.attributes;
          delete declaration.events;
          delete declaration.slots;
          delete declaration.cssParts;
          delete declaration.cssProperties;
        }
        // The manifest documents values, not source: a module constant's long initializer (a css``
        // block, a table of messages) is left out.
        if (declaration.kind === 'variable' && declaration.default?.length > 80) delete declaration.default;
        if (declaration.tagName && usesBaseStyles) {
          const own = new Set((declaration.cssProperties ?? []).map((p) => p.name));
          declaration.cssProperties = [...(declaration.cssProperties ?? []), ...theme.filter((p) => !own.has(p.name))];
        }
        for (const property of declaration.cssProperties ?? []) {
          property.default ??= defaults.get(property.name);
          delete property.inheritedFrom;
        }
        if (declaration.cssProperties) declaration.cssProperties.sort((a, b) => a.name.localeCompare(b.name));
      }
      for (const module of manifest.modules) {
        // `customElements.define(tag, element)` inside the define helper is not a definition.
        module.exports = module.exports?.filter((e) => e.kind !== 'custom-element-definition' || isTagName(e.name));
      }
      // Element modules are reached only through the package's entries: helpers they export for
      // their own tests (telHref, pageNumbers …) are not public API, so not listed.
      const index = manifest.modules.find((m) => m.path === 'src/index.ts');
      const entryNames = new Set((index?.exports ?? []).map((e) => e.name));
      for (const module of manifest.modules) {
        if (!module.declarations?.some((d) => d.tagName)) continue;
        const isPublicName = (name) => entryNames.has(name);
        module.declarations = module.declarations.filter((d) => d.tagName || isPublicName(d.name));
        module.exports = module.exports?.filter((e) => e.kind !== 'js' || isPublicName(e.name));
      }
      // Each element is registered by the define.ts beside it, through the guarded defineElement().
      for (const module of manifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.tagName) continue;
          const definer = manifest.modules.find((m) => m.path === module.path.replace(/[^/]+$/, 'define.ts'));
          definer?.exports?.push({
            kind: 'custom-element-definition',
            name: declaration.tagName,
            declaration: { name: declaration.name, module: module.path },
          });
        }
      }
      shipPaths(manifest);
      // Type-only modules compile to nothing (their types are in the .d.ts files): not listed.
      manifest.modules = manifest.modules.filter((module) => existsSync(module.path));
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/*.messages.ts', 'src/ssr/**'],
  outdir: '.',
  litelement: true,
  // The type checker lets the type parser expand aliases (`NewsListLayout` → `'list' | 'cards' |
  // 'compact'`) into `parsedType`, which the editor integrations offer as values. Its program starts
  // from the package's entries (tsconfig.manifest.json), not from every source and test file: the
  // parser also expands each type alias of its starting files up front and warns about the ones it
  // cannot (DOM globals, parse5's recursive trees, generic `Record`s), none of which is documented.
  overrideModuleCreation({ ts, globs }) {
    const program = getTsProgram(ts, [], 'tsconfig.manifest.json');
    return program.getSourceFiles().filter((file) => globs.some((path) => file.fileName.endsWith(path.replace(/^\.\//, ''))));
  },
  plugins: [publicContractPlugin(), typeParserPlugin(), ...integrationPlugins()],
};
