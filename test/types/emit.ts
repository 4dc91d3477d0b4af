// `emit` is keyed by the global event map: the library's events type-check with their details,
// and a name not in the map, a DOM event or a detail of another shape does not compile.
import { emit } from '../../src/core/element/events.js';
import type {} from '../../src/message-form/message-form.js';

const el = document.createElement('div');
emit(el, 'newsroom-load', { src: '/content/news.json', data: { items: [] } });
emit(el, 'newsroom-error', { src: '/content/news.json', error: new Error('503') });
emit(el, 'news-select', { item: { id: '1001', title: 'News' } }, true);
emit(el, 'message-sent', { data: { name: 'Ada' }, response: { ok: true }, status: 201 });
emit(el, 'message-failed', { error: new Error('offline') });

// @ts-expect-error: no event of that name
emit(el, 'newsroom-loaded', { src: '/content/news.json', data: {} });
// @ts-expect-error: a DOM event, not one the library sends
emit(el, 'click', {});
// @ts-expect-error: an error's detail carries `error`, not `message`
emit(el, 'newsroom-error', { src: '/content/news.json', message: '503' });
// @ts-expect-error: the item must be a news item
emit(el, 'news-select', { item: '1001' }, true);
// @ts-expect-error: `status` is a number
emit(el, 'message-sent', { data: { name: 'Ada' }, response: { ok: true }, status: '201' });
