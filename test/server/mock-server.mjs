// A scriptable endpoint for browser tests: real HTTP responses that fail on demand.
//
//   /mock/<name>?key=K&fail=503,503&then=/test/fixtures/list.json
//     answers each request for key K with the next status in `fail` (an empty body, or `body`;
//     `drop` breaks the connection mid-body: a network error),
//     then serves the `then` file (or `status` + `body`) once the failures are used up.
//   Other parameters: delay=ms (every answer), retryAfter=value, type=content-type, cache=none,
//   h.Header-Name=value (extra response headers), status=201, body=raw text.
//   /mock-log?key=K lists every request seen for K: method, url, headers, body, and `aborted`
//     (the client closed the connection before the answer was sent).
//   /mock-reset?key=K forgets K.
//   /xss-corpus/<file>.json serves the public XSS payload lists from XSS_CORPUS_DIR
//     (default ../shared/corpus/xss beside the repository); 404 when they are not there (500 on CI,
//     where they must be).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

const seen = new Map();

const readBody = (ctx) =>
  new Promise((done) => {
    let text = '';
    ctx.req.setEncoding('utf8');
    ctx.req.on('data', (chunk) => (text += chunk));
    ctx.req.on('end', () => done(text));
  });

export function mockServer() {
  return async (ctx, next) => {
    if (ctx.path === '/mock-log') {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(seen.get(ctx.query.key) ?? []);
      return;
    }
    if (ctx.path === '/mock-reset') {
      seen.delete(ctx.query.key);
      ctx.body = 'ok';
      return;
    }
    const corpus = /^\/xss-corpus\/([\w-]+\.json)$/.exec(ctx.path);
    if (corpus) {
      const dir = process.env.XSS_CORPUS_DIR || resolve(process.cwd(), '../shared/corpus/xss');
      const text = await readFile(resolve(dir, corpus[1]), 'utf8').catch(() => undefined);
      // On CI the corpora must be there: a missing folder fails the corpus tests instead of skipping them.
      ctx.status = text !== undefined ? 200 : process.env.CI ? 500 : 404;
      ctx.type = 'application/json';
      ctx.body = text ?? '{}';
      return;
    }
    if (ctx.path.startsWith('/mock-paged/')) return paged(ctx);
    if (!ctx.path.startsWith('/mock/')) return next();

    const q = ctx.query;
    const key = q.key ?? ctx.path;
    const log = seen.get(key) ?? [];
    seen.set(key, log);
    const body = ctx.method === 'GET' || ctx.method === 'HEAD' ? '' : await readBody(ctx);
    const entry = { method: ctx.method, url: ctx.url, headers: ctx.headers, body, aborted: false };
    log.push(entry);
    // The client gave up before the answer was sent: the request was cancelled on the network.
    ctx.res.on('close', () => {
      if (!ctx.res.writableFinished) entry.aborted = true;
    });

    if (q.delay) await new Promise((r) => setTimeout(r, Number(q.delay)));
    for (const [name, value] of Object.entries(q)) {
      if (name.startsWith('h.')) ctx.set(name.slice(2), String(value));
    }
    // Nothing is reused unless a test asks for it (`h.Cache-Control=max-age=60`), or sends no
    // Cache-Control at all (`cache=none`).
    if (q.cache !== 'none' && !ctx.response.get('Cache-Control')) ctx.set('Cache-Control', 'no-store');

    const failures = q.fail ? String(q.fail).split(',') : [];
    const attempt = log.length - 1;
    if (attempt < failures.length && failures[attempt] === 'drop') {
      // A network error the browser does not retry by itself: the connection breaks mid-body.
      ctx.respond = false;
      ctx.res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
      ctx.res.write('{"items": [');
      setTimeout(() => ctx.res.destroy(), 20);
      return;
    }
    if (attempt < failures.length) {
      ctx.status = Number(failures[attempt]);
      if (q.retryAfter) ctx.set('Retry-After', String(q.retryAfter));
      ctx.type = 'application/json';
      ctx.body = q.failBody ?? JSON.stringify({ error: 'failure ' + (attempt + 1) });
      return;
    }
    if (q.then) {
      const file = resolve(process.cwd(), '.' + String(q.then).split('?')[0]);
      ctx.type = q.type ?? 'application/json';
      ctx.body = await readFile(file, 'utf8');
      return;
    }
    ctx.status = Number(q.status ?? 200);
    ctx.type = q.type ?? 'application/json';
    ctx.body = q.body ?? '{}';
  };
}

/**
 * A server that pages, with its own default page size, logged like /mock/:
 *   /mock-paged/wp?key=K&total=24   WordPress: a posts array, `page` / `per_page` (default 10),
 *                                   totals in X-WP-Total / X-WP-TotalPages.
 *   /mock-paged/native?key=K&total=24&default=7   the native format: `page` / `pageSize`.
 */
function paged(ctx) {
  const q = ctx.query;
  const key = q.key ?? ctx.path;
  const log = seen.get(key) ?? [];
  seen.set(key, log);
  log.push({ method: ctx.method, url: ctx.url, headers: ctx.headers, body: '', aborted: false });
  const wordPress = ctx.path.endsWith('/wp');
  const total = Number(q.total ?? 24);
  const size = Number((wordPress ? q.per_page : q.pageSize) ?? q.default ?? 10);
  const page = Number(q.page ?? 1);
  const ids = Array.from({ length: total }, (_, i) => i + 1).slice((page - 1) * size, page * size);
  ctx.set('Cache-Control', 'no-store');
  ctx.type = 'application/json';
  if (wordPress) {
    ctx.set('X-WP-Total', String(total));
    ctx.set('X-WP-TotalPages', String(Math.ceil(total / size)));
    ctx.body = JSON.stringify(
      ids.map((id) => ({
        id,
        date_gmt: '2025-06-01T00:00:00',
        link: `/news/${id}.html`,
        title: { rendered: `Post ${id}` },
        excerpt: { rendered: '' },
      })),
    );
  } else {
    ctx.body = JSON.stringify({ items: ids.map((id) => ({ id: String(id), title: `Item ${id}` })), page, pageSize: size, total });
  }
}
