// Server-rendered pages for browser tests: /ssr-page/<name>.html renders test/fixtures/ssr/<name>.html
// with renderPage (the built dist/ssr/ entry), as the page at that address (its query included),
// reading content from the repository's files: the browser then loads a page whose elements carry
// their data, and the test checks that it never asks for any.
import { readFile } from 'node:fs/promises';
import { join, normalize, resolve } from 'node:path';
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

// /ssr-sanitize/<corpus>.json?href=…&base=…&step=N: the XSS corpus (every Nth payload) through
// sanitizeHtml in Node, on a jsdom window, as the page at `href` — what server rendering embeds.
// The browser test runs the same payloads through the browser's sanitizer and compares.
const corpusDir = resolve(process.env.XSS_CORPUS_DIR ?? join(root, '..', 'shared', 'corpus', 'xss'));

export function serverSanitizer() {
  let sanitize;
  return async (ctx, next) => {
    const match = /^\/ssr-sanitize\/([\w-]+\.json)$/.exec(ctx.path);
    if (!match) return next();
    sanitize ??= (async () => {
      const dist = (path) => import(pathToFileURL(join(root, 'dist', path)).href);
      const [{ JSDOM }, { useSanitizerWindow, sanitizeHtml }, { withPage }] = await Promise.all([
        import('jsdom'),
        dist('core/security/sanitize.js'),
        dist('core/page/address.js'),
      ]);
      useSanitizerWindow(new JSDOM('').window);
      return { sanitizeHtml, withPage };
    })();
    const { sanitizeHtml, withPage } = await sanitize;
    let corpus;
    try {
      corpus = JSON.parse(await readFile(join(corpusDir, match[1]), 'utf8'));
    } catch {
      ctx.status = 404;
      return;
    }
    const { href, base } = ctx.query;
    const step = Math.max(1, Number(ctx.query.step) || 1);
    const outputs = {};
    withPage({ href, base }, () => {
      corpus.payloads.forEach(({ id, raw }, i) => {
        if (i % step) return;
        const holder = sanitizeHtml('').ownerDocument.createElement('div');
        holder.append(sanitizeHtml(raw, base));
        outputs[id] = holder.innerHTML;
      });
    });
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(outputs);
  };
}
