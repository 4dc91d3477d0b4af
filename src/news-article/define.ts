// First: it applies Lit's hydration support before anything defines LitElement.
import { defineElement } from '../core/element/define.js';
import '../news-provider/define.js';
import { NewsArticle } from './news-article.js';

defineElement('news-article', NewsArticle);

export { NewsArticle };
