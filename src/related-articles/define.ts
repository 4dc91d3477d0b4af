import '../news-provider/define.js';
import { defineElement } from '../core/define.js';
import { RelatedArticles } from './related-articles.js';

defineElement('related-articles', RelatedArticles);

export { RelatedArticles };
