// Lit's hydration support must load before LitElement: server-rendered elements keep their DOM.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import '../news-provider/define.js';
import { defineElement } from '../core/element/define.js';
import { RelatedArticles } from './related-articles.js';

defineElement('related-articles', RelatedArticles);

export { RelatedArticles };
