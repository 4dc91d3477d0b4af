/**
 * What both loaders (`dist/loader.js`, `dist/loader-on-interaction.js`) do: watch the document and
 * our elements' shadow roots, and load each tag's code, with its chunks preloaded in parallel, the
 * first time it is needed. See `src/loader.ts`.
 */

/** One of the build's two chunk sets (rollup.config.mjs, `loaderBuild`). */
interface ChunkSet {
  /** Where its files are, relative to this file. */
  folder: string;
  /** For each tag, its module first, then every chunk that module imports (names without `.js`). */
  chunks: Record<string, string[]>;
  /** Lit's hydration support, the same way. */
  hydrate: string[];
}

// Filled in by the build: `browser` for a page whose elements render here (their styles and the
// content client come with their code), `server` for a page with server-rendered elements, which
// hydrate from the styles and data on the page and load those only when they change. (An element
// rendered here on such a page loads them as its code runs: one round trip more, that page only.)
declare const NEWSROOM_SETS: { browser: ChunkSet; server: ChunkSet };

const sets = NEWSROOM_SETS;
const tags = Object.keys(sets.browser.chunks);
const selector = tags.join(',');
/** The page's set: picked by the first elements seen, then kept (a page loads one copy of Lit). */
let set: ChunkSet | undefined;
/** Tags whose code was asked for. */
export const requested = new Set<string>();
const preloaded = new Set<string>();
const watched = new WeakSet<Node>();

let observer: MutationObserver | undefined;

const url = (file: string) => new URL(set!.folder + file + '.js', import.meta.url).href;

function preload(file: string): void {
  if (preloaded.has(file)) return;
  preloaded.add(file);
  const link = document.createElement('link');
  link.rel = 'modulepreload';
  link.href = url(file);
  document.head.append(link);
}

const PROVIDER = 'news-provider';
const loading = new Map<string, Promise<boolean>>();

/**
 * Lit's hydration support, once a server-rendered element is seen: every element's code loaded
 * from then on waits for it, so their tags hydrate. Usually that is before any element's code
 * (the server rendered the page); when server-rendered elements are added to a page later, it
 * applies from then on, and an element whose tag was defined before renders afresh instead
 * (HydratingElement). A page whose elements render in the browser never asks for it.
 */
let hydration: Promise<unknown> | undefined;
const importModule = (file: string) => import(/* @vite-ignore */ url(file));

/** Imports a tag's module once; resolves to whether that worked. */
function load(tag: string): Promise<boolean> {
  let done = loading.get(tag);
  if (!done) {
    const [module, ...imports] = set!.chunks[tag];
    imports.forEach(preload);
    // Registered already (the all-in-one file, or a bundle): nothing to fetch.
    done = customElements.get(tag)
      ? Promise.resolve(true)
      : Promise.resolve(hydration)
          .then(() => importModule(module))
          .then(
            () => true,
            (error: unknown) => (console.error(`newsroom-elements: could not load <${tag}>.`, error), false),
          );
    loading.set(tag, done);
  }
  return done;
}

/** A `news-provider` around `element` (across shadow roots) whose code has not run yet. */
function providerPending(element: Element): boolean {
  if (customElements.get(PROVIDER)) return false;
  for (let node: Element | undefined = element; node; node = (node.getRootNode() as ShadowRoot).host) {
    if (node.parentElement?.closest(PROVIDER)) return true;
  }
  return false;
}

/**
 * Elements seen in this task, loaded together in a microtask: a server-rendered one anywhere
 * among them turns hydration support on before the first element's code is imported.
 */
const seen: Element[] = [];

/** Loads `element`'s code, with the others asked for in this task. */
export function request(element: Element): void {
  if (!seen.length) queueMicrotask(loadSeen);
  seen.push(element);
}

/**
 * The on-interaction loader's hook: takes an element whose code may wait, and calls `request`
 * for it once it is needed. The plain loader has none.
 */
let holder: ((element: Element) => boolean) | undefined;
export const holdWith = (take: (element: Element) => boolean): void => void (holder = take);

/** One of our elements: its code is loaded (or held back), and its shadow root watched once it has one. */
function found(element: Element): void {
  if (!holder?.(element)) request(element);
  if (element.shadowRoot) discover(element.shadowRoot);
  else void customElements.whenDefined(element.localName).then(() => element.shadowRoot && discover(element.shadowRoot));
}

/**
 * An element inside a `news-provider` is defined only after the provider, as the all-in-one file
 * does: its `src` resolves against the provider's `base`, and a server-rendered one hydrates with
 * the provider's config, so an element that ran first would ask the page for a wrong URL. Its
 * chunks are still fetched at once, in parallel with the provider's.
 */
function loadSeen(): void {
  const elements = seen.splice(0);
  const fromServer = (element: Element) => element.shadowRoot && !customElements.get(element.localName);
  const fromServerNow = elements.some(fromServer);
  set ??= fromServerNow ? sets.server : sets.browser;
  if (!hydration && fromServerNow) {
    set.hydrate.forEach(preload);
    hydration = importModule(set.hydrate[0]).catch((error: unknown) =>
      console.error('newsroom-elements: could not load hydration support; server-rendered elements render again.', error),
    );
  }
  for (const element of elements) {
    const tag = element.localName;
    if (requested.has(tag)) continue;
    requested.add(tag);
    if (tag !== PROVIDER && providerPending(element)) {
      set.chunks[tag].forEach(preload);
      // If the provider's code fails to load, the element still comes (and says what it misses).
      void load(PROVIDER)
        .then((loaded) => (loaded ? customElements.whenDefined(PROVIDER) : undefined))
        .finally(() => load(tag));
    } else void load(tag);
  }
}

function scan(root: Element | DocumentFragment | Document): void {
  if (root instanceof Element) {
    if (tags.includes(root.localName)) found(root);
    // A host's own component added with an open shadow root: look inside it too.
    else if (root.shadowRoot) discover(root.shadowRoot);
  }
  for (const element of root.querySelectorAll(selector)) found(element);
}

/**
 * Loads the elements used in `root` and in whatever is added to it later. The document and the
 * shadow roots of our elements are watched already; call it for a shadow root of your own that
 * was attached after its host was added to the page, or a closed one.
 */
export function discover(root: Document | ShadowRoot): void {
  if (watched.has(root)) return;
  watched.add(root);
  observer ??= new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) scan(node);
    }
  });
  observer.observe(root, { childList: true, subtree: true });
  scan(root);
}
