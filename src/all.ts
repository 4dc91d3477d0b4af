// Registers every element: the entry of the drop-in bundle `dist/newsroom-elements.js`.
// Lit's hydration support must load before LitElement: server-rendered elements keep their DOM.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
// The provider comes first so its children find it as they connect.
import './news-provider/define.js';
import './site-nav/define.js';
import './contact-card/define.js';
import './news-list/define.js';
import './news-article/define.js';
import './related-articles/define.js';
import './message-form/define.js';
