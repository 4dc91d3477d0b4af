import { css } from 'lit';
import { baseStyles, containerStyles } from '../core/ui/styles.js';

const own = css`
  :host {
    --_width: 40rem;
  }
  .heading {
    margin: 0 0 calc(var(--_space) * 0.75);
    font-size: 1.25em;
    line-height: 1.3;
  }
  /* Focused by script after a page change: a ring only for keyboard users (the shared :focus-visible one). */
  .heading:not(:focus-visible) {
    outline: none;
  }

  /* Category tabs */
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin: 0 0 var(--_space);
    border-bottom: 1px solid var(--_border);
  }
  [role='tab'] {
    margin-bottom: -1px;
    padding: 0.45em 0.9em;
    border: 1px solid transparent;
    border-radius: var(--_radius) var(--_radius) 0 0;
    background: none;
    color: var(--_muted);
  }
  [role='tab']:hover {
    color: var(--_text);
  }
  [role='tab'][aria-selected='true'] {
    border-color: var(--_border) var(--_border) transparent;
    background: var(--_background);
    color: var(--_accent);
    font-weight: 600;
    box-shadow: inset 0 2px 0 var(--_accent);
  }

  /* Items */
  .items {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .items.stale {
    opacity: 0.55;
  }
  .item {
    display: flex;
    gap: var(--_space);
    align-items: flex-start;
  }
  .text {
    flex: 1;
    min-width: 0;
  }
  .title {
    font-weight: 600;
    line-height: 1.4;
    overflow-wrap: anywhere;
  }
  time {
    display: block;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .summary {
    margin: 0.35em 0 0;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  img,
  .image-placeholder {
    display: block;
    flex: none;
    width: 9rem;
    height: auto;
    aspect-ratio: 4 / 3;
    object-fit: cover;
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .skeleton-line.short {
    width: 35%;
  }

  /* list: the seed's list page, a rule between items */
  .list .item {
    padding: var(--_space) 0;
    border-bottom: 1px solid var(--_border);
  }
  .list .item:first-child {
    padding-top: 0;
  }
  @container (max-width: 30rem) {
    .list img,
    .list .image-placeholder {
      width: 5.5rem;
    }
  }

  /* cards: a grid sized by the element's own width */
  .cards {
    display: grid;
    grid-template-columns: 1fr;
    gap: var(--_space);
  }
  @container (min-width: 34rem) {
    .cards {
      grid-template-columns: repeat(2, 1fr);
    }
  }
  @container (min-width: 52rem) {
    .cards {
      grid-template-columns: repeat(3, 1fr);
    }
  }
  .cards .item {
    flex-direction: column;
    gap: 0;
    overflow: hidden;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .cards img,
  .cards .image-placeholder {
    width: 100%;
    aspect-ratio: 16 / 9;
    border-radius: 0;
  }
  .cards .item:not(:has(img, .image-placeholder)) {
    border-top: 3px solid var(--_accent);
  }
  .cards .text {
    width: 100%;
    padding: calc(var(--_space) * 0.75);
  }

  /* compact: title and date on one line */
  .compact .item {
    align-items: baseline;
    padding: 0.35em 0;
    border-bottom: 1px dashed var(--_border);
  }
  .compact .text {
    display: flex;
    gap: 0.75em;
    align-items: baseline;
  }
  .compact .title {
    flex: 1;
    min-width: 0;
    overflow: hidden;
    font-weight: 400;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .compact time {
    flex: none;
  }
  .compact .skeleton-line {
    flex: 1;
    margin: 0.2em 0;
  }
  @container (max-width: 18rem) {
    .compact .text {
      display: block;
    }
    .compact .title {
      white-space: normal;
    }
  }

  .empty {
    margin: 0;
    padding: calc(var(--_space) * 1.5) var(--_space);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    color: var(--_muted);
    text-align: center;
  }

  /* Pager */
  .pager {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    align-items: center;
    gap: 0.35rem;
    margin-top: calc(var(--_space) * 1.25);
  }
  .page {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    box-sizing: border-box;
    min-width: 2.25rem;
    min-height: 2.25rem;
    padding: 0.2em 0.7em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    color: inherit;
    text-decoration: none;
  }
  .page[href]:hover {
    border-color: var(--_accent);
    color: var(--_accent);
  }
  .page[aria-current='page'] {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_accent-text);
    font-weight: 600;
  }
  .page[aria-disabled='true'] {
    opacity: 0.45;
    cursor: default;
  }
  @container (max-width: 24rem) {
    .word {
      display: none;
    }
  }
  .gap {
    padding: 0 0.25rem;
    color: var(--_muted);
  }
`;

/** Everything the element's shadow root is styled with, loaded on demand (`loadStyles`). */
export const styles = [baseStyles, containerStyles, own];
