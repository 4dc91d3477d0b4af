import { createContext } from '@lit/context';
import type { ContentClient } from '../network/content-client.js';

/** What a `news-provider` hands down to every element inside it. */
export interface NewsroomConfig {
  /** Base URL that relative `src` values resolve against. */
  base?: string;
  locale?: string;
  /** Link template for articles, e.g. `article.html?id={id}`. */
  articleHref?: string;
  /** The content client descendants share; without one they use the page's shared client. */
  client?: ContentClient;
}

export const newsroomContext = createContext<NewsroomConfig | undefined>(Symbol.for('newsroom-elements/config'));
