/**
 * Lit's hydration support as the lazy loader loads it (a chunk of its own, only on a page with
 * server-rendered elements). Lit applies it to LitElement as LitElement is defined; here
 * LitElement (in the shared chunk, built without it) is already defined when this runs, so it is
 * applied by hand, through the same hook. The loader imports it before the code of the tags it
 * has yet to define. Applied after some elements rendered (server-rendered ones added to the page
 * later), it changes nothing for them: it only patches how a render root is made and hydrated,
 * and their roots are made; `defer-hydration`, which it adds, is only observed by tags defined
 * after it (none of ours uses it).
 */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { LitElement } from 'lit';

type Hook = (classes: { LitElement: typeof LitElement }) => void;
const hook = (globalThis as { litElementHydrateSupport?: Hook }).litElementHydrateSupport;
if (!hook) throw new Error('newsroom-elements: Lit hydration support did not install itself');
hook({ LitElement });
