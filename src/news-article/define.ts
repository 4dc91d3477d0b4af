import '../news-provider/define.js';
import { defineElement } from '../core/define.js';
import { NewsArticle } from './news-article.js';

defineElement('news-article', NewsArticle);

export { NewsArticle };
