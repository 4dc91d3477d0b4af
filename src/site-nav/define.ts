// Lit's hydration support must load before LitElement: server-rendered elements keep their DOM.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import '../news-provider/define.js';
import { defineElement } from '../core/element/define.js';
import { SiteNav } from './site-nav.js';

defineElement('site-nav', SiteNav);

export { SiteNav };
