// First: it applies Lit's hydration support before anything defines LitElement.
import { defineElement } from '../core/element/define.js';
import '../news-provider/define.js';
import { NewsList } from './news-list.js';

defineElement('news-list', NewsList);

export { NewsList };
