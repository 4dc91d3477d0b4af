#!/usr/bin/env node
// `npx newsroom-elements render <pages…> --out <dir> [--base URL] [--root DIR] [--timeout MS]`:
// prerenders HTML files for static hosting with renderPage.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { siteFetch } from '../server/site-fetch.js';
import { renderPage, type SourceError } from './render-page.js';

const USAGE = `Usage: newsroom-elements render <pages…> --out <dir> [--base URL] [--root DIR] [--timeout MS]

Renders every newsroom tag of each HTML page into declarative shadow DOM, with its data inline.
  --out      where the rendered pages go, at the same paths relative to --root
  --base     the address the pages will be served at (default http://localhost/); each page's
             own address is --base + its path under --root, and relative sources resolve from it
  --root     the folder served at --base (default: the current folder). A source under --base
             whose file exists under --root is read from disk; any other http(s) source is fetched
  --timeout  milliseconds each source may take (default 3000)
A source that fails leaves its elements to the browser; the command then exits with status 1.`;

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        base: { type: 'string', default: 'http://localhost/' },
        root: { type: 'string', default: '.' },
        timeout: { type: 'string', default: '3000' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...pages] = positionals;
  if (values.help) {
    console.error(USAGE);
    return 0;
  }
  const timeout = Number(values.timeout);
  let base: URL | undefined;
  try {
    base = new URL(values.base!.endsWith('/') ? values.base! : values.base + '/');
  } catch {
    base = undefined;
  }
  const problem =
    command !== 'render'
      ? `unknown command ${JSON.stringify(command ?? '')}`
      : !pages.length
        ? 'no pages given'
        : !values.out
          ? '--out is required'
          : !base || !/^https?:$/.test(base.protocol)
            ? `--base must be an http(s) address, not ${JSON.stringify(values.base)}`
            : !(Number.isInteger(timeout) && timeout > 0)
              ? `--timeout must be a positive number of milliseconds, not ${JSON.stringify(values.timeout)}`
              : '';
  if (problem) {
    console.error(`newsroom-elements: ${problem}\n\n${USAGE}`);
    return 2;
  }

  const root = resolve(values.root!);
  const out = resolve(values.out!);
  // The site's own files from disk; a source missing there, or elsewhere, from the network.
  const fetch = siteFetch(root, base!, { network: true });
  let failed = 0;
  for (const page of pages) {
    const file = resolve(page);
    const path = relative(root, file);
    if (path.startsWith('..')) {
      console.error(`✗ ${page}: not under --root ${root}`);
      failed++;
      continue;
    }
    const started = performance.now();
    const errors: SourceError[] = [];
    try {
      const url = new URL(path.split(sep).map(encodeURIComponent).join('/'), base).href;
      const html = await renderPage(await readFile(file, 'utf8'), { url, fetch, timeout, onError: (error) => errors.push(error) });
      const target = join(out, path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, html);
      const ms = Math.round(performance.now() - started);
      console.error(`${errors.length ? '!' : '✓'} ${path} → ${relative(process.cwd(), target)} (${ms} ms)`);
      for (const error of errors) console.error(`  source failed, left to the browser: ${error.message}`);
      if (errors.length) failed++;
    } catch (error) {
      console.error(`✗ ${page}: ${(error as Error).message}`);
      failed++;
    }
  }
  console.error(`${pages.length - failed} of ${pages.length} pages rendered cleanly.`);
  return failed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
