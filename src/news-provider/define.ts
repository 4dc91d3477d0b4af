import { defineElement } from '../core/define.js';
import { NewsProvider } from './news-provider.js';

defineElement('news-provider', NewsProvider);

export { NewsProvider };
