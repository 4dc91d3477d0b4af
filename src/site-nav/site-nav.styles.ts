import { css } from 'lit';
import { baseStyles, containerStyles } from '../core/ui/styles.js';

const own = css`
  :host {
    --_width: 60rem;
  }
  ul,
  ol {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .heading {
    margin: 0;
    font-size: 1.1em;
    line-height: 1.4;
  }

  /* bar: the header menu; a sub-menu drops down from its entry */
  .bar {
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-text);
  }
  .tree {
    display: flex;
    flex-wrap: wrap;
  }
  .tree > li {
    position: relative;
    display: flex;
  }
  .tree > li > a,
  .tree > li > [part='label'],
  .tree > li > .labelled {
    padding: 0.75em;
    color: inherit;
    font-weight: 600;
  }
  .tree > li > .toggle:not(.labelled) {
    margin-left: -0.6em;
  }
  .tree > [part~='active'],
  .tree > li:hover {
    background: color-mix(in srgb, var(--_accent) 78%, #000);
  }
  /* the shared accent focus ring would vanish on the accent bar */
  .tree > li > :focus-visible,
  .menu-toggle:focus-visible {
    outline-color: var(--_accent-text);
    outline-offset: -4px;
  }
  .tree > li > [aria-current='page'] {
    box-shadow: inset 0 -3px 0 var(--_accent-text);
  }
  .toggle {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    padding: 0 0.6em;
    border: 0;
    background: none;
  }
  .chevron {
    width: 0.45em;
    height: 0.45em;
    margin-top: -0.2em;
    border-right: 2px solid currentColor;
    border-bottom: 2px solid currentColor;
    transform: rotate(45deg);
    transition: transform 0.15s;
  }
  [aria-expanded='true'] > .chevron {
    margin-top: 0.2em;
    transform: rotate(-135deg);
  }
  .tree ul {
    flex-basis: 100%;
    padding-left: 1em;
    color: var(--_text);
  }
  .tree > li > ul {
    position: absolute;
    top: 100%;
    left: 0;
    z-index: 10;
    min-width: max(100%, 11rem);
    padding: 0.3rem 0;
    border: 1px solid var(--_border);
    border-radius: 0 0 var(--_radius) var(--_radius);
    background: Canvas;
    box-shadow: 0 8px 20px rgb(0 0 0 / 0.14);
  }
  .tree ul li {
    display: flex;
    flex-wrap: wrap;
  }
  .tree ul a,
  .tree ul [part='label'],
  .tree ul .labelled {
    flex: 1;
    padding: 0.45em 1em;
    color: inherit;
    white-space: nowrap;
  }
  .tree ul .labelled {
    justify-content: space-between;
  }
  .tree ul a:hover,
  .tree ul .toggle:hover {
    background: var(--_surface);
  }
  [hidden] {
    display: none !important;
  }
  .menu-toggle {
    display: none;
    align-items: center;
    gap: 0.6em;
    width: 100%;
    padding: 0.75em 1em;
    border: 0;
    background: none;
    font-weight: 600;
  }
  .burger,
  .burger::before,
  .burger::after {
    display: block;
    width: 1.1em;
    height: 2px;
    background: currentColor;
  }
  .burger {
    position: relative;
  }
  .burger::before,
  .burger::after {
    content: '';
    position: absolute;
  }
  .burger::before {
    top: -0.35em;
  }
  .burger::after {
    top: 0.35em;
  }

  /* narrow: one "Menu" button; the whole tree opens below it as an accordion */
  @container (max-width: 48rem) {
    .menu-toggle {
      display: flex;
    }
    .tree {
      display: none;
      flex-direction: column;
      padding-bottom: 0.4rem;
    }
    .tree.open {
      display: flex;
    }
    .tree > li {
      flex-wrap: wrap;
      border-top: 1px solid color-mix(in srgb, var(--_accent-text) 25%, transparent);
    }
    .tree > li > a,
    .tree > li > [part='label'],
    .tree > li > .labelled {
      flex: 1;
    }
    .tree > li > .toggle:not(.labelled) {
      margin-left: 0;
      padding: 0 1em;
    }
    .tree > li > ul {
      position: static;
      min-width: 0;
      margin: 0 0.5rem 0.5rem;
      border-radius: var(--_radius);
      box-shadow: none;
    }
    .tree ul a,
    .tree ul [part='label'] {
      white-space: normal;
    }
  }

  /* side: the current section's pages */
  .side .heading {
    padding: 0.6em 1em;
    border-radius: var(--_radius) var(--_radius) 0 0;
    background: var(--_accent);
    color: var(--_accent-text);
  }
  .side > ul {
    border: 1px solid var(--_border);
    border-top: 0;
  }
  .side a,
  .side [part='label'] {
    display: block;
    padding: 0.55em 1em;
    border-bottom: 1px dashed var(--_border);
    border-left: 3px solid transparent;
    color: var(--_text);
  }
  .side a:hover,
  .side [aria-current='page'] {
    border-left-color: var(--_accent);
    background: var(--_surface);
    color: var(--_accent);
  }
  .side [aria-current='page'] {
    font-weight: 600;
  }
  .side ul ul a,
  .side ul ul [part='label'] {
    padding-left: 2em;
  }

  /* footer and breadcrumb: inline lists with separators */
  .footer,
  .breadcrumb ol,
  .footer ul {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.2em 0.6em;
  }
  .footer ul,
  .breadcrumb ol {
    gap: 0.2em 0;
  }
  .footer .heading {
    font-size: inherit;
  }
  .footer li + li::before,
  .breadcrumb li + li::before {
    content: '|' / '';
    padding: 0 0.6em;
    color: var(--_muted);
  }
  .breadcrumb li + li::before {
    content: '›' / '';
  }
  .footer a,
  .breadcrumb a {
    color: inherit;
  }
  .tree ul [aria-current='page'],
  .footer [aria-current='page'],
  .breadcrumb [aria-current='page'] {
    color: var(--_accent);
    font-weight: 600;
  }

  .skeleton-bar .skeleton-line {
    height: 3.1em;
    margin: 0;
  }
  /* One line of text (breadcrumb, footer) is 1.6em high: so is its placeholder. */
  .skeleton-lines.inline .skeleton-line {
    margin: 0.3em 0;
  }
  .skeleton-lines .skeleton-line:first-child {
    width: 40%;
  }
`;

/** Everything the element's shadow root is styled with, loaded on demand (`loadStyles`). */
export const styles = [baseStyles, containerStyles, own];
