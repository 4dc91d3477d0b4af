import createDOMPurify, { type Config } from 'dompurify';
import { isExternal, safeUrl } from './safe-url.js';

// A private instance: our hooks never touch a DOMPurify the host page uses.
const purify = createDOMPurify(window);

const URL_ATTRIBUTES = ['href', 'src', 'xlink:href', 'action', 'formaction', 'poster', 'cite', 'background'];

let currentBase = '';

purify.addHook('afterSanitizeAttributes', (node) => {
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
});

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
 * The one way content HTML reaches the page: DOMPurify with a strict config, every URL through
 * `safeUrl` (relative ones resolved against `base`), returned as an inert fragment to render as
 * a child — never a string, so Lit's Trusted Types policy is never asked to vouch for it.
 */
export function sanitizeHtml(html: unknown, base: string = document.baseURI): DocumentFragment {
  if (typeof html !== 'string' || !html) return document.createDocumentFragment();
  currentBase = base;
  try {
    // Markup that the parser turns into a frameset document comes back as null: nothing survives.
    return purify.sanitize(html, CONFIG) ?? document.createDocumentFragment();
  } finally {
    currentBase = '';
  }
}
