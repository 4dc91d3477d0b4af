// The all-in-one build as the bench measures it (before minifying), and how one package's or
// module's share is minified on its own: shared by `npm run bench` and bench/modules.mjs.
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import { minifyCss, minifyHtml } from '../rollup.config.mjs';

/** `input` bundled with its dependencies, as the shipped bundle is (templates squeezed). */
export const benchBundle = (input) =>
  rollup({
    input,
    plugins: [
      nodeResolve({ exportConditions: ['production'] }),
      typescript({ tsconfig: './tsconfig.json', include: ['src/**/*.ts'], noEmit: false, outputToFilesystem: false }),
      minifyCss(),
      minifyHtml(),
    ],
    onwarn: () => {},
  });

/** terser's options for a piece of a bundle minified alone (no top-level names to mangle). */
export const PART_MINIFY = { module: false, toplevel: false, compress: { passes: 2 }, mangle: true };
