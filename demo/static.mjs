// The demo's static files, as Fetch responses: scripts, styles and JSON brotli- or gzip-compressed
// by Accept-Encoding with a strong ETag per representation, so a revisit costs a 304 and no body.
// Files whose name carries a content hash (the lazy loader's chunks, dist/cdn/) never change under
// that name: cached for a year. Everything else is `no-cache`: always revalidated, so a rebuilt
// bundle or edited content shows on the next load. Compressed bodies are made once per file
// version (size, mtime) and kept in memory; pages (generated) are compressed on the fly, faster.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { minify } from 'terser';

export const types = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export const securityHeaders = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'strict-origin-when-cross-origin' };

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml)|image\/svg\+xml)/;
// Bodies up to this size are sent as they are. Brotli still halves a few hundred bytes of script
// (the loader's provider chunk: 767 bytes, 341 compressed), so only the smallest are left alone.
export const COMPRESS_OVER = 256;
/** file → `{ version, hash, content, bodies: Map<encoding, Promise<Buffer>> }` */
const variants = new Map();

/** The best encoding the client accepts: 'br', then 'gzip', else 'identity'. */
function chooseEncoding(acceptEncoding) {
  const accepted = new Map();
  for (const part of String(acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    if (name) accepted.set(name, q ? Number(q[1]) : 1);
  }
  const ok = (name) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : 'identity';
}

function compress(body, encoding, fast) {
  if (encoding === 'br') {
    const quality = fast ? 5 : zlib.BROTLI_MAX_QUALITY;
    return brotli(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: quality, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } });
  }
  return encoding === 'gzip' ? gzipAsync(body, { level: fast ? 6 : 9 }) : Promise.resolve(body);
}

/** True when the request's If-None-Match names `etag` (or `*`). */
const notModified = (request, etag) =>
  String(request.headers.get('if-none-match') ?? '')
    .split(',')
    .some((tag) => {
      const value = tag.trim().replace(/^W\//, '');
      return value === etag || value === '*';
    });

/**
 * The demo's own scripts as a site would deploy them, minified (with terser, as the library's
 * CDN files are): their comments are for the reader of the repository, not the visitor. Top-level
 * names are kept, since theme.js is a classic script.
 */
export async function minifiedScript(file) {
  const { code } = await minify(await readFile(file, 'utf8'), { ecma: 2021, compress: { passes: 2 } });
  return Buffer.from(code);
}

/**
 * A file with compression, a strong ETag and the cache lifetime `immutable` allows; `minified`
 * for the demo's own scripts (see `minifiedScript`).
 */
export async function sendFile(request, file, { immutable = false, minified = false } = {}) {
  const type = types[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const info = await stat(file);
  const version = `${info.size}:${info.mtimeMs}`;
  let entry = variants.get(file);
  if (entry?.version !== version) {
    const content = minified ? await minifiedScript(file) : await readFile(file);
    const hash = createHash('sha256').update(content).digest('base64url').slice(0, 27);
    entry = { version, hash, content, bodies: new Map() };
    variants.set(file, entry);
  }
  const encoding =
    COMPRESSIBLE.test(type) && entry.content.length > COMPRESS_OVER ? chooseEncoding(request.headers.get('accept-encoding')) : 'identity';
  const etag = `"${entry.hash}${encoding === 'identity' ? '' : '-' + encoding}"`;
  const headers = {
    ...securityHeaders,
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    ETag: etag,
    Vary: 'Accept-Encoding',
  };
  if (notModified(request, etag)) return new Response(null, { status: 304, headers });
  if (!entry.bodies.has(encoding)) entry.bodies.set(encoding, compress(entry.content, encoding, false));
  const body = await entry.bodies.get(encoding);
  if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
  return new Response(request.method === 'HEAD' ? null : body, { headers: { ...headers, 'Content-Type': type } });
}

/** A generated response (a page), compressed quickly for this request when the client accepts it. */
export async function compressed(request, response) {
  const type = response.headers.get('content-type') ?? '';
  if (!response.body || response.headers.has('content-encoding') || !COMPRESSIBLE.test(type)) return response;
  const body = Buffer.from(await response.arrayBuffer());
  const headers = new Headers(response.headers);
  headers.set('Vary', 'Accept-Encoding');
  const encoding = body.length > COMPRESS_OVER ? chooseEncoding(request.headers.get('accept-encoding')) : 'identity';
  if (encoding !== 'identity') headers.set('Content-Encoding', encoding);
  return new Response(await compress(body, encoding, true), { status: response.status, headers });
}
