/**
 * Every tag of the library, the one list: the server renderer's page parser and classes, the
 * docs (`scripts/docs.mjs`, in this order: the provider first, then as a page uses them) and the
 * tests read it. Each tag has its registering module `newsroom-elements/<tag>.js`
 * (`src/<tag>/define.ts`); a test checks that those, the package's exports and `all.ts` list the
 * same tags. Names only: importing this loads no element code, so the lazy loader and the
 * browser bundles never pay for the classes of tags a page does not use.
 */
export const TAGS = ['news-provider', 'site-nav', 'news-list', 'news-article', 'related-articles', 'contact-card', 'message-form'] as const;

export type NewsroomTag = (typeof TAGS)[number];

/** True for one of the library's tags. */
export const isNewsroomTag = (name: string): name is NewsroomTag => (TAGS as readonly string[]).includes(name);
