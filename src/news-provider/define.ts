// Lit's hydration support must load before LitElement: server-rendered elements keep their DOM.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { defineElement } from '../core/element/define.js';
import { NewsProvider } from './news-provider.js';

defineElement('news-provider', NewsProvider);

export { NewsProvider };
