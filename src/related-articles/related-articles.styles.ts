import { css } from 'lit';
import { baseStyles, headingStyles } from '../core/ui/styles.js';

const own = css`
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  li {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1em;
    align-items: baseline;
    padding: 0.35em 0;
    border-bottom: 1px dashed var(--_border);
  }
  [part~='title'] {
    flex: 1 1 14rem;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  time {
    flex: none;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .skeleton-line {
    width: 100%;
  }
`;

/** Everything the element's shadow root is styled with, loaded on demand (`loadStyles`). */
export const styles = [baseStyles, headingStyles, own];
