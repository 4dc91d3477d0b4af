// Plain DOM code: the drop-in module's types give every tag and event.
import type {} from 'newsroom-elements/newsroom-elements.js';

const list = document.createElement('news-list');
list.page = 2;
list.addEventListener('news-select', (event) => console.log(event.detail.item.title));
document.querySelector('message-form')?.addEventListener('message-sent', (event) => console.log(event.detail.status));
list.addEventListener('newsroom-load', (event) => console.log(event.detail.src, event.detail.data));
document.addEventListener('newsroom-error', (event) => console.log(event.detail.error.message));
// @ts-expect-error: a load's detail has no `error`
list.addEventListener('newsroom-load', (event) => console.log(event.detail.error));

// The lazy loader's module, for shadow roots it cannot see by itself.
import { discover } from 'newsroom-elements/loader.js';
import { discover as discoverHeld } from 'newsroom-elements/loader-on-interaction.js';
discover(document);
discoverHeld(document);
