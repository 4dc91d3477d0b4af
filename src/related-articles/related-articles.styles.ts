import { css } from 'lit';

export const styles = css`
  .heading {
    margin: 0 0 0.5em;
    padding-bottom: 0.4em;
    border-bottom: 2px solid var(--_accent);
    font-size: 1.1em;
    line-height: 1.3;
  }
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
