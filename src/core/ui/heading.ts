import { literal, type StaticValue } from 'lit/static-html.js';

const TAGS = [literal`h1`, literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];

/**
 * The heading tag for an element's `heading-level` (1–6), or its own default when the level is
 * missing or out of range: a host page fits the element into its outline.
 */
export function headingTag(level: number | undefined, fallback: number): StaticValue {
  return TAGS[(Number.isInteger(level) && level! >= 1 && level! <= 6 ? level! : fallback) - 1];
}
