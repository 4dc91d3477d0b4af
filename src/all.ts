// Registers every element: the entry of the drop-in bundle `dist/newsroom-elements.js`.
// The provider comes first so its children find it as they connect; its registering module
// applies Lit's hydration support before Lit loads (core/element/define.ts).
import './news-provider/define.js';
import './site-nav/define.js';
import './contact-card/define.js';
import './news-list/define.js';
import './news-article/define.js';
import './related-articles/define.js';
import './message-form/define.js';
