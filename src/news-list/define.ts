import '../news-provider/define.js';
import { defineElement } from '../core/define.js';
import { NewsList } from './news-list.js';

defineElement('news-list', NewsList);

export { NewsList };
