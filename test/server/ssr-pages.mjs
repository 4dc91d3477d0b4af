// Server-rendered pages for browser tests: /ssr-page/<name>.html renders test/fixtures/ssr/<name>.html
// with renderPage (the built dist/ssr/ entry), as the page at that address (its query included),
// reading content from the repository's files: the browser then loads a page whose elements carry
// their data, and the test checks that it never asks for any.
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = process.cwd();

const localFetch = (origin) => async (url) => {
  const target = new URL(url);
  const file = normalize(join(root, decodeURIComponent(target.pathname)));
  if (target.origin !== origin || !file.startsWith(join(root, 'test', 'fixtures'))) return new Response('not found', { status: 404 });
  try {
    return new Response(await readFile(file), { headers: { 'Content-Type': 'application/json' } });
  } catch {
    return new Response('not found', { status: 404 });
  }
};

export function ssrPages() {
  let renderPage;
  return async (ctx, next) => {
    const match = /^\/ssr-page\/([\w-]+\.html)$/.exec(ctx.path);
    if (!match) return next();
    renderPage ??= (await import(pathToFileURL(join(root, 'dist', 'ssr', 'index.js')).href)).renderPage;
    const source = await readFile(join(root, 'test', 'fixtures', 'ssr', match[1]), 'utf8');
    const url = new URL(ctx.url, `http://${ctx.host}`);
    ctx.type = 'text/html';
    ctx.body = await renderPage(source, { url: url.href, fetch: localFetch(url.origin) });
  };
}
