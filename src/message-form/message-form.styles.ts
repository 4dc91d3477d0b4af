import { css } from 'lit';
import { baseStyles } from '../core/ui/styles.js';

const own = css`
  form {
    display: grid;
    gap: var(--_space);
  }
  p {
    margin: 0;
  }
  /* Short fields share a row when the container has room; subject and message take a whole row. */
  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 13rem), 1fr));
    gap: calc(var(--_space) * 0.9) var(--_space);
  }
  .subject,
  .message {
    grid-column: 1 / -1;
  }
  label {
    display: block;
    margin-bottom: 0.3rem;
    font-weight: 600;
  }
  .optional {
    font-weight: 400;
    color: var(--_muted);
  }
  input,
  textarea {
    display: block;
    width: 100%;
    padding: 0.5em 0.7em;
    border: 1px solid color-mix(in srgb, var(--_text) 45%, var(--_border));
    border-radius: var(--_radius);
    background: var(--newsroom-input-background, #fff);
    color: inherit;
    font: inherit;
  }
  textarea {
    min-height: 10rem;
    resize: vertical;
  }
  [readonly] {
    background: var(--_surface);
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
    box-shadow: 0 0 0 1px var(--_danger);
  }
  .field-error {
    margin-top: 0.3rem;
    color: var(--_danger);
    font-size: 0.9em;
    font-weight: 600;
  }
  .count {
    margin-top: 0.25rem;
    color: var(--_muted);
    font-size: 0.85em;
    text-align: end;
  }
  .over {
    color: var(--_danger);
    font-weight: 600;
  }
  .summary:not(:empty) {
    padding: 0.6rem 1rem;
    border-left: 4px solid var(--_danger);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_danger) 6%, transparent);
    font-weight: 600;
  }
  /* Out of the grid while empty, but still a live region. */
  .summary:empty {
    position: absolute;
  }
  .draft,
  .sent {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    padding: 0.6rem 1rem;
    border-left: 4px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .draft p,
  .sent ::slotted(*),
  .sent p {
    flex: 1 1 14rem;
    margin: 0;
  }
  .sent {
    padding: 1rem 1.25rem;
  }
  /* Focused by script once sent: a ring only for keyboard users (the shared :focus-visible one). */
  .sent:not(:focus-visible) {
    outline: none;
  }
  .error {
    margin: 0;
  }
  .actions {
    display: flex;
    align-items: center;
    gap: var(--_space);
  }
  .button[aria-disabled='true'] {
    opacity: 0.75;
    cursor: progress;
  }
  .spinner {
    width: 1em;
    height: 1em;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    animation: newsroom-spin 0.8s linear infinite;
  }
  @keyframes newsroom-spin {
    to {
      transform: rotate(360deg);
    }
  }
  /* The honeypot: out of sight and reach, but not display:none, which bots skip. */
  .gotcha {
    position: absolute;
    left: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
`;

/** Everything the element's shadow root is styled with, loaded on demand (`loadStyles`). */
export const styles = [baseStyles, own];
