// First: it applies Lit's hydration support before anything defines LitElement.
import { defineElement } from '../core/element/define.js';
import '../news-provider/define.js';
import { RelatedArticles } from './related-articles.js';

defineElement('related-articles', RelatedArticles);

export { RelatedArticles };
