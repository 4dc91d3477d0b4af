// First: it applies Lit's hydration support before anything defines LitElement.
import { defineElement } from '../core/element/define.js';
import { NewsProvider } from './news-provider.js';

defineElement('news-provider', NewsProvider);

export { NewsProvider };
