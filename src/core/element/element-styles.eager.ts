// The twin of element-styles.ts in the lazy loader's chunks for pages rendered in the browser
// (rollup.config.mjs, `eagerImports`): there every element declares its `static styles`, so
// nothing is ever waited for.
export type { LazyStyled } from './element-styles.js';

export const whenStyled = (_element: unknown): Promise<void> | undefined => undefined;
export const stylesSoon = (_element: unknown): void => undefined;
export const whenNear = (_element: unknown, then: () => void): void => then();
