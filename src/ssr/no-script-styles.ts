import { css } from 'lit';
import type { NewsroomTag } from '../core/element/tags.js';

/**
 * Rules a server-rendered shadow root carries for a visitor without JavaScript, beside the rules
 * its DOM uses (`usedStyles` prunes these the same way). They apply only under
 * `@media (scripting: none)`, so they are inert once script runs; and an element rendered in the
 * browser needs none (without script it never shows), so they live in the server renderer and
 * cost the browser's bundles nothing; the build minifies them as it does every element's css``.
 * What they do: no control that only script can work shows. (The article's and the contact
 * card's copy and print buttons wait unseen in every render before the element runs in the
 * browser, so they need nothing here.)
 */
export const noScriptStyles: Partial<Record<NewsroomTag, string>> = {
  // The toggles cannot open anything: hidden, and the narrow bar lists its entries. (A server
  // renders no sub-menu's entries, as it renders none open: each section's page lists its own,
  // in its side menu.)
  'site-nav': css`@media (scripting: none) {
    .menu-toggle, .toggle:not(.labelled) { display: none !important; }
    @container (max-width: 48rem) {
      .tree { display: block !important; }
    }
  }`.cssText,
  // A tab cannot switch categories: only the selected one shows, naming the category listed.
  'news-list': css`@media (scripting: none) {
    [role='tab'][aria-selected='false'] { display: none; }
  }`.cssText,
};

/**
 * For any element whose source failed on the server (render-page.ts, `withoutScript`): without
 * script its skeleton would wait for good, so everything but its `<noscript>` message is hidden.
 */
export const noScriptPending = '@media (scripting:none){:host>:not(noscript){display:none!important}}';
