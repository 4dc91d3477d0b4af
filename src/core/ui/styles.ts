import { css } from 'lit';

/**
 * Shared by every element: the `--newsroom-*` theme with its defaults, links, the skeleton, the
 * error panel and buttons. Elements size to their container, never to the viewport.
 */
export const baseStyles = css`
  :host {
    --_accent: var(--newsroom-accent, #0b5cad);
    --_accent-text: var(--newsroom-accent-text, #fff);
    --_text: var(--newsroom-text, #1f2933);
    --_muted: var(--newsroom-muted, #5f6b7a);
    --_border: var(--newsroom-border, #dde3ea);
    --_surface: var(--newsroom-surface, #f4f6f9);
    --_background: var(--newsroom-background, transparent);
    --_radius: var(--newsroom-radius, 6px);
    --_space: var(--newsroom-spacing, 1rem);
    --_danger: var(--newsroom-danger, #b3261e);
    display: block;
    box-sizing: border-box;
    color: var(--_text);
    background: var(--_background);
    /* Each platform's UI font once, Chinese included: every server-rendered root repeats it. */
    font-family: var(
      --newsroom-font,
      system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC',
      Roboto, Arial, sans-serif
    );
    font-size: var(--newsroom-font-size, 1rem);
    line-height: 1.6;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  a {
    color: var(--_accent);
    text-decoration-thickness: 1px;
    text-underline-offset: 0.18em;
  }
  a:hover {
    text-decoration-thickness: 2px;
  }
  /* Links to content (a "link" part: menus, titles, contact lines) are underlined only under the
     pointer; links in running text (an article's body, whose part attributes the sanitizer
     removes, and its share line) keep the underline. */
  [part~='link'] {
    text-decoration: none;
  }
  [part~='link']:hover {
    text-decoration: underline;
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  .button {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-height: 2.25rem;
    padding: 0.35em 1em;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-text);
    font-weight: 600;
  }
  .button.quiet {
    background: transparent;
    color: var(--_accent);
  }
  /* A control only script can work, before the element runs in the browser: its place kept. */
  .waiting {
    visibility: hidden;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .skeleton {
    display: block;
    border-radius: var(--_radius);
    background: linear-gradient(90deg, var(--_surface) 25%, color-mix(in srgb, var(--_surface) 60%, var(--_border)) 50%, var(--_surface) 75%);
    background-size: 200% 100%;
    animation: newsroom-shimmer 1.4s ease-in-out infinite;
  }
  .skeleton-line {
    height: 1em;
    margin: 0.45em 0;
  }
  @keyframes newsroom-shimmer {
    from { background-position: 100% 0; }
    to { background-position: -100% 0; }
  }
  .error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin: 0 0 var(--_space);
    padding: 0.75rem 1rem;
    border: 1px solid color-mix(in srgb, var(--_danger) 40%, transparent);
    border-left-width: 4px;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_danger) 6%, transparent);
    color: var(--_text);
  }
  .error p {
    margin: 0;
    flex: 1 1 12rem;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
      scroll-behavior: auto !important;
    }
  }
`;

/** The title of a small block (related articles, a contact card), ruled off in the accent colour. */
export const headingStyles = css`
  .heading {
    margin: 0 0 0.5em;
    padding-bottom: 0.4em;
    border-bottom: 2px solid var(--_accent);
    font-size: 1.1em;
    line-height: 1.3;
  }
`;

/**
 * For elements whose layout follows their own width (container queries). A size container's
 * content cannot give it a width, so where the page leaves the width to the content (a flex
 * row, an `auto` grid column, inline-block) the element asks for `--newsroom-width` instead of
 * collapsing to 0, and may shrink below it. Everywhere else it fills its container as a block.
 * Each element sets its own default in `--_width`.
 */
export const containerStyles = css`
  :host {
    container-type: inline-size;
    contain-intrinsic-inline-size: var(--newsroom-width, var(--_width));
    min-inline-size: 0;
  }
`;
