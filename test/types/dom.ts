// Plain DOM code: the drop-in module's types give every tag and event.
import type {} from 'newsroom-elements/newsroom-elements.js';

const list = document.createElement('news-list');
list.page = 2;
list.addEventListener('news-select', (event) => console.log(event.detail.item.title));
document.querySelector('message-form')?.addEventListener('message-sent', (event) => console.log(event.detail.status));

// The lazy loader's module, for shadow roots it cannot see by itself.
import { discover } from 'newsroom-elements/loader.js';
discover(document);
