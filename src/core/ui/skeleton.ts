import { html } from 'lit';

/** `count` shimmering placeholder lines (`.skeleton-line`, `.short` ones), for a loading state. */
export const skeletonLines = (count: number, short = false) =>
  Array.from({ length: count }, () =>
    short ? html`<span class="skeleton skeleton-line short"></span>` : html`<span class="skeleton skeleton-line"></span>`,
  );
