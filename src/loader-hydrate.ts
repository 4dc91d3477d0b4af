/**
 * Lit's hydration support as the lazy loader loads it (a chunk of its own, only on a page with
 * server-rendered elements). Lit applies it to LitElement as LitElement is defined; here
 * LitElement (in the shared chunk, built without it) is already defined when this runs, so it is
 * applied by hand, through the same hook, before any element's code runs (the loader waits for it).
 */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { LitElement } from 'lit';

type Hook = (classes: { LitElement: typeof LitElement }) => void;
const hook = (globalThis as { litElementHydrateSupport?: Hook }).litElementHydrateSupport;
if (!hook) throw new Error('newsroom-elements: Lit hydration support did not install itself');
hook({ LitElement });
