import '../news-provider/define.js';
import { defineElement } from '../core/define.js';
import { SiteNav } from './site-nav.js';

defineElement('site-nav', SiteNav);

export { SiteNav };
