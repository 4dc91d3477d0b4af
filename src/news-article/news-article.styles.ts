import { css } from 'lit';
import { baseStyles, containerStyles } from '../core/ui/styles.js';

const own = css`
  :host {
    --_width: 42rem;
  }
  article,
  .placeholder {
    max-width: var(--newsroom-measure, 42rem);
    margin-inline: auto;
  }
  header {
    margin-bottom: calc(var(--_space) * 1.5);
    padding-bottom: var(--_space);
    border-bottom: 1px solid var(--_border);
  }
  .category {
    margin: 0 0 0.5rem;
    color: var(--_accent);
    font-size: 0.875em;
    font-weight: 600;
    letter-spacing: 0.02em;
  }
  .headline {
    margin: 0 0 0.75rem;
    font-size: clamp(1.4rem, 1.1rem + 2cqi, 2.1rem);
    line-height: 1.35;
    font-weight: 700;
    text-wrap: balance;
    overflow-wrap: break-word;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.25rem;
    margin: 0 0 0.75rem;
  }
  .meta,
  .controls,
  .editor {
    font-size: 0.875em;
  }
  .meta,
  .share-label,
  .editor,
  figcaption,
  .body caption {
    color: var(--_muted);
  }
  .controls,
  .share {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
  }
  .controls .button {
    min-height: 2rem;
    padding: 0.2em 0.8em;
    font-weight: 500;
  }
  .status:empty {
    display: none;
  }
  .status {
    color: var(--_text);
    overflow-wrap: anywhere;
  }
  .lead {
    margin: 0 0 calc(var(--_space) * 1.5);
  }
  .lead img {
    display: block;
    width: 100%;
    height: auto;
    border-radius: var(--_radius);
  }

  /* The body: long Chinese and English text */
  .body {
    font-size: 1.0625em;
    line-height: 1.9;
    overflow-wrap: break-word;
    line-break: strict;
    hanging-punctuation: allow-end;
  }
  .body.long > * {
    content-visibility: auto;
    contain-intrinsic-size: auto 6em;
  }
  .body > :first-child {
    margin-top: 0;
  }
  .body :is(p, ul, ol, dl, blockquote, figure, pre, .table, hr) {
    margin: 0 0 1.1em;
  }
  .body :is(blockquote, li, td, th, figure) > :last-child {
    margin-bottom: 0;
  }
  .body :is(h2, h3, h4, h5, h6) {
    margin: 1.6em 0 0.6em;
    line-height: 1.4;
  }
  .body h2 {
    font-size: 1.3em;
  }
  .body h3 {
    font-size: 1.15em;
  }
  .body :is(h4, h5, h6) {
    font-size: 1em;
  }
  .body :is(ul, ol) {
    padding-inline-start: 1.6em;
  }
  .body li + li {
    margin-top: 0.3em;
  }
  .body :is(img, canvas) {
    max-width: 100%;
    height: auto;
  }
  .body img {
    border-radius: calc(var(--_radius) / 2);
  }
  .body figure {
    margin-inline: 0;
  }
  figcaption {
    margin-top: 0.4em;
    font-size: 0.875em;
    line-height: 1.6;
    text-align: center;
  }
  .body blockquote {
    margin-inline: 0;
    padding: 0.5em 1em;
    border-inline-start: 4px solid var(--_accent);
    background: var(--_surface);
    color: var(--_text);
  }
  .body :is(code, kbd, samp) {
    padding: 0.1em 0.3em;
    border-radius: 3px;
    background: var(--_surface);
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, 'Noto Sans Mono CJK SC', monospace;
    font-size: 0.9em;
  }
  .body pre {
    padding: 0.75em 1em;
    border-radius: var(--_radius);
    background: var(--_surface);
    line-height: 1.6;
    white-space: pre-wrap;
  }
  .body pre code {
    padding: 0;
    background: none;
  }
  .body hr {
    border: 0;
    border-top: 1px solid var(--_border);
  }
  .body .table {
    max-width: 100%;
    overflow-x: auto;
  }
  .body table {
    min-width: 100%;
    border-collapse: collapse;
    font-size: 0.9375em;
    line-height: 1.6;
  }
  .body :is(th, td) {
    padding: 0.45em 0.75em;
    border: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }
  .body th {
    background: var(--_surface);
    white-space: nowrap;
  }
  .body td {
    min-width: 5.5em;
  }
  .body caption {
    padding-bottom: 0.4em;
    text-align: start;
  }
  .editor {
    margin: calc(var(--_space) * 1.5) 0 0;
    text-align: end;
  }
  .pager {
    display: grid;
    gap: 0.5rem;
    margin-top: var(--_space);
    padding-top: var(--_space);
    border-top: 1px solid var(--_border);
  }
  .pager p {
    margin: 0;
    overflow-wrap: break-word;
  }

  .skeleton-title {
    height: 2.2rem;
    margin: 0 0 1rem;
  }
  .short {
    width: 45%;
  }
  .placeholder .body {
    margin-top: 2rem;
  }

  @container (max-width: 30rem) {
    .body {
      font-size: 1em;
      line-height: 1.8;
    }
    .meta {
      gap: 0.1rem 0.9rem;
    }
    .editor {
      text-align: start;
    }
  }

  @media print {
    :host {
      --_text: #000;
      --_muted: #333;
      --_accent: #000;
      color: #000;
      background: none;
    }
    article {
      max-width: none;
    }
    .controls,
    .pager {
      display: none;
    }
    header {
      border-bottom-color: #999;
    }
    .lead img {
      width: auto;
      max-width: 100%;
      max-height: 9cm;
    }
    .body {
      font-size: 11pt;
      line-height: 1.7;
    }
    .body a {
      color: #000;
    }
    .body a[href^='http']::after {
      content: ' (' attr(href) ')';
      font-size: 0.85em;
      overflow-wrap: anywhere;
    }
    .body .table {
      overflow: visible;
    }
    .body :is(img, figure, blockquote, pre, tr) {
      break-inside: avoid;
    }
    .body :is(h2, h3, h4) {
      break-after: avoid;
    }
  }
`;

/** Everything the element's shadow root is styled with, loaded on demand (`loadStyles`). */
export const styles = [baseStyles, containerStyles, own];
