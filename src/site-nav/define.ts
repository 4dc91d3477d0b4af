// First: it applies Lit's hydration support before anything defines LitElement.
import { defineElement } from '../core/element/define.js';
import '../news-provider/define.js';
import { SiteNav } from './site-nav.js';

defineElement('site-nav', SiteNav);

export { SiteNav };
