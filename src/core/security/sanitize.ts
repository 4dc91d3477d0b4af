import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';
import { pageBase } from '../page/address.js';
import { isExternal, safeUrl } from './safe-url.js';

/** The window DOMPurify parses in: the page's own, or (in Node) a standard DOM such as jsdom's. */
type DomWindow = Window & typeof globalThis;

let domWindow: DomWindow | undefined;
// A private instance, made on first use: our hooks never touch a DOMPurify the host page uses,
// and importing this module never needs a DOM (it runs in Node for server rendering).
let purify: DOMPurify | undefined;

/**
 * Gives the sanitizer a window to work in where there is no global one (server rendering hands
 * it a jsdom window). The configuration and hooks stay the same, so server and browser agree.
 */
export function useSanitizerWindow(window: DomWindow): void {
  domWindow = window;
  purify = undefined;
}

/** The document sanitized content is built in (jsdom's on the server). */
export function contentDocument(): Document {
  return (domWindow ?? window).document;
}

function purifier(): DOMPurify {
  if (!purify) {
    purify = createDOMPurify(domWindow ?? window);
    purify.addHook('afterSanitizeAttributes', checkUrls);
  }
  return purify;
}

const URL_ATTRIBUTES = ['href', 'src', 'xlink:href', 'action', 'formaction', 'poster', 'cite', 'background'];

let currentBase = '';

/** Every URL attribute through `safeUrl`; external links open apart, images load lazily. */
function checkUrls(node: Element): void {
  for (const name of URL_ATTRIBUTES) {
    if (!node.hasAttribute(name)) continue;
    const url = safeUrl(node.getAttribute(name), currentBase);
    if (url) node.setAttribute(name, url);
    else node.removeAttribute(name);
  }
  node.removeAttribute('target');
  if (node.localName === 'a') {
    const href = node.getAttribute('href');
    if (href && isExternal(href)) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    } else {
      node.removeAttribute('rel');
    }
  } else if (node.localName === 'img') {
    node.setAttribute('loading', 'lazy');
    node.setAttribute('decoding', 'async');
  }
}

const CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    'style',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'option',
    'iframe',
    'frame',
    'object',
    'embed',
    'base',
    'link',
    'meta',
    'template',
    'slot',
    'dialog',
    'audio',
    'video',
    'source',
    'track',
  ],
  // `class`: content must not take on the element's own chrome (`.error`, `.button`, …); the
  // body's styles select tags, never content classes.
  FORBID_ATTR: [
    'style',
    'class',
    'srcset',
    'ping',
    'formaction',
    'action',
    'autofocus',
    'tabindex',
    'slot',
    'part',
    'is',
    'popover',
    'contenteditable',
  ],
  ALLOW_DATA_ATTR: false,
  SANITIZE_DOM: true,
  SANITIZE_NAMED_PROPS: true,
  RETURN_DOM_FRAGMENT: true,
};

/**
 * How deep content may nest. Browsers' parsers stop nesting at different depths (WebKit's at
 * 512, counted from the page's root), and past that they re-parent elements: markup that is inert
 * at one depth becomes different markup at another, the stuff of mutation XSS. No article nests
 * anywhere near this deep; what does is dropped, so that every engine and the server (jsdom)
 * build the same tree from the same body, wherever the host page puts it.
 */
const MAX_DEPTH = 128;

/** Removes every element nested deeper than MAX_DEPTH in `fragment` (an iterative walk). */
function limitDepth(fragment: DocumentFragment): DocumentFragment {
  const stack: Array<[Element, number]> = [...fragment.children].map((child) => [child, 1]);
  while (stack.length) {
    const [element, depth] = stack.pop()!;
    if (depth > MAX_DEPTH) element.remove();
    else for (const child of element.children) stack.push([child, depth + 1]);
  }
  return fragment;
}

/**
 * The one way content HTML reaches the page: DOMPurify with a strict config, every URL through
 * `safeUrl` (relative ones resolved against `base`), returned as an inert fragment to render as
 * a child — never a string, so Lit's Trusted Types policy is never asked to vouch for it.
 */
export function sanitizeHtml(html: unknown, base: string = pageBase()): DocumentFragment {
  if (typeof html !== 'string' || !html) return contentDocument().createDocumentFragment();
  const purify = purifier();
  currentBase = base;
  try {
    // Markup that the parser turns into a frameset document comes back as null: nothing survives.
    return limitDepth(purify.sanitize(html, CONFIG) ?? contentDocument().createDocumentFragment());
  } finally {
    currentBase = '';
  }
}
