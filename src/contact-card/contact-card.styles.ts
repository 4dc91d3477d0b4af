import { css } from 'lit';
import { baseStyles, containerStyles, headingStyles } from '../core/ui/styles.js';

const own = css`
  :host {
    --_width: 20rem;
  }
  section {
    padding-bottom: 0.5em;
  }
  dl {
    margin: 0;
  }
  .line {
    display: flex;
    gap: 0 0.5em;
    padding: 0.3em 0;
  }
  dt {
    flex: none;
    min-width: 4.5em;
    color: var(--_muted);
  }
  dt::after {
    content: ':' / '';
  }
  .zh dt {
    min-width: 3.2em;
  }
  .zh dt::after {
    content: '：' / '';
  }
  dd {
    flex: 1;
    min-width: 0;
    margin: 0;
    overflow-wrap: anywhere;
  }
  .copy,
  .note {
    margin-left: 0.4em;
    color: var(--_muted);
    font-size: 0.8em;
  }
  .copy {
    padding: 0 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: none;
    line-height: 1.6;
    vertical-align: 0.1em;
  }
  .copy:hover {
    border-color: var(--_accent);
    color: var(--_accent);
  }
  .skeleton-lines .skeleton-line {
    margin: 0.75em 0;
  }
  @container (max-width: 12rem) {
    .line {
      flex-direction: column;
    }
  }
`;

/** Everything the element's shadow root is styled with, loaded on demand (`loadStyles`). */
export const styles = [baseStyles, containerStyles, headingStyles, own];
