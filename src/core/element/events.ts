import type { NewsItem } from '../data/model.js';

export interface NewsroomLoadDetail {
  src: string;
  data: unknown;
}
export interface NewsroomErrorDetail {
  src: string;
  error: Error;
}
export interface NewsSelectDetail {
  item: NewsItem;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'newsroom-load': CustomEvent<NewsroomLoadDetail>;
    'newsroom-error': CustomEvent<NewsroomErrorDetail>;
    'news-select': CustomEvent<NewsSelectDetail>;
  }
}

/** The names of the events in the global map that carry a detail: the library's own. */
type CustomEventName = {
  [K in keyof GlobalEventHandlersEventMap]: GlobalEventHandlersEventMap[K] extends CustomEvent<unknown> ? K : never;
}[keyof GlobalEventHandlersEventMap];

/**
 * Every library event bubbles out of shadow roots to the host page. Keyed by the global event
 * map, as Shoelace's `emit`: a name not declared there, or a detail of another type, does not
 * compile, and what is emitted is what a host's `addEventListener` is typed to receive.
 */
export function emit<K extends CustomEventName>(
  target: EventTarget,
  type: K,
  detail: GlobalEventHandlersEventMap[K]['detail'],
  cancelable = false,
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}
