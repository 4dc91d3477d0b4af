import type { NewsItem } from './model.js';

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

/** Every library event bubbles out of shadow roots to the host page. */
export function emit<T>(target: EventTarget, type: string, detail: T, cancelable = false): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}
