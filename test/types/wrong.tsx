// Each marked line must fail to type-check: wrong prop types and unknown events.
import type {} from 'newsroom-elements/jsx';
import { NewsList } from 'newsroom-elements/react';

export const a = <news-list page="two" />; // error: page is a number
export const b = <news-list layout="grid" />; // error: not a layout
export const c = <NewsList page="two" />; // error: page is a number
export const d = <NewsList onNewsSelect={(event: CustomEvent<{ id: number }>) => event} />; // error: wrong detail
