import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { mockServer } from './test/server/mock-server.mjs';
import { serverSanitizer, ssrPages } from './test/server/ssr-pages.mjs';
import { findBrowser } from './test/browser.mjs';

const { executablePath, args } = await findBrowser();

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testsFinishTimeout: 10 * 60 * 1000,
  testFramework: { config: { timeout: 20000 } },
  browsers: [chromeLauncher({ launchOptions: { executablePath, headless: true, args } })],
  middleware: [mockServer(), ssrPages(), serverSanitizer()],
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2021' })],
};
