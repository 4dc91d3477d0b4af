// The demo site's server: pages from demo/ (server-rendered when dist/ssr/ is built), the bundle
// from dist/, and a small message inbox (POST /api/messages, GET /api/messages) that validates
// like a real backend, for JSON clients and for plain HTML form posts.
// Dependency-free on purpose: `node demo/server.mjs` (PORT to change the port, 8000 by default;
// MESSAGES_FILE to keep the inbox somewhere else than demo/data/messages.jsonl).
import { createServer } from 'node:http';
import { createHash, randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { promisify } from 'node:util';

const demoRoot = dirname(fileURLToPath(import.meta.url));
const distRoot = resolve(demoRoot, '../dist');
const messagesFile = resolve(process.env.MESSAGES_FILE || join(demoRoot, 'data', 'messages.jsonl'));
const port = Number(process.env.PORT ?? 8000);

const MAX_BODY = 64 * 1024;

const types = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

// The demo pages run under the strict policy the library promises to work with.
const pagePolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html dompurify newsroom',
].join('; ');

const securityHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Cache-Control': 'no-cache',
};

// ---------------------------------------------------------------- the inbox

/** Idempotency-Key → the id of the message it stored; rebuilt from the inbox file on start. */
const keys = new Map();

function readInbox() {
  if (!existsSync(messagesFile)) return [];
  const messages = [];
  for (const line of readFileSync(messagesFile, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      messages.push(JSON.parse(line));
    } catch {
      // A half-written line (the process died mid-write) costs that line only.
    }
  }
  return messages;
}

for (const message of readInbox()) {
  if (message.idempotencyKey) keys.set(message.idempotencyKey, message.id);
}
// After a half-written last line, the next message starts on a line of its own.
if (existsSync(messagesFile) && !/(^|\n)$/.test(readFileSync(messagesFile, 'utf8'))) appendFileSync(messagesFile, '\n');

// The same limits message-form checks in the browser, so a form that passes there passes here.
const limits = { name: 100, phone: 32, email: 254, subject: 200, message: 5000 };

const texts = {
  en: {
    json: 'The request body is not valid JSON.',
    object: 'The request body must be a JSON object.',
    type: 'Send JSON (Content-Type: application/json) or a form (application/x-www-form-urlencoded).',
    tooLarge: 'The request body is larger than 64 KB.',
    key: 'The Idempotency-Key header must be 1 to 200 printable characters.',
    text: 'Must be text.',
    required: { name: 'Please enter your name.', message: 'Please enter a message.' },
    contact: 'Please give a phone number or an email address.',
    long: 'At most {max} characters.',
    phone: 'Please enter a valid phone number.',
    email: 'Please enter a valid email address.',
  },
  zh: {
    json: '请求内容不是有效的 JSON。',
    object: '请求内容必须是 JSON 对象。',
    type: '请以 JSON（application/json）或表单（application/x-www-form-urlencoded）格式提交。',
    tooLarge: '请求内容超过 64 KB。',
    key: 'Idempotency-Key 请求头须为 1 至 200 个可打印字符。',
    text: '必须是文本。',
    required: { name: '请填写您的姓名。', message: '请填写留言内容。' },
    contact: '请至少填写电话或邮箱中的一项。',
    long: '最多 {max} 个字符。',
    phone: '请填写有效的电话号码。',
    email: '请填写有效的邮箱地址。',
  },
};

/** `?lang=zh` / `?lang=en` on the form's action wins; then the browser's Accept-Language. */
function languageOf(req, url) {
  const lang = url.searchParams.get('lang') ?? req.headers['accept-language'] ?? '';
  return /^zh/i.test(lang) ? texts.zh : texts.en;
}

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const PHONE = /^[+\d\s()（）-]+$/;

/** The accepted message, or `{ errors }` keyed by field. */
function validateMessage(body, text = texts.en) {
  const errors = {};
  const values = {};
  for (const field of Object.keys(limits)) {
    const value = body[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') {
      errors[field] = text.text;
      continue;
    }
    const trimmed = value.trim();
    if (!trimmed) continue;
    if ([...trimmed].length > limits[field]) errors[field] = text.long.replace('{max}', String(limits[field]));
    else values[field] = trimmed;
  }
  for (const field of ['name', 'message']) {
    if (!values[field] && !errors[field]) errors[field] = text.required[field];
  }
  if (values.email && !EMAIL.test(values.email)) errors.email = text.email;
  if (values.phone && (!PHONE.test(values.phone) || values.phone.replace(/\D/g, '').length < 5)) errors.phone = text.phone;
  if (!values.phone && !values.email && !errors.phone && !errors.email) {
    errors.phone = text.contact;
    errors.email = text.contact;
  }
  return Object.keys(errors).length ? { errors } : { message: values };
}

function readBody(req) {
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length']);
    if (declared > MAX_BODY) return reject(Object.assign(new Error('too large'), { status: 413 }));
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        req.removeAllListeners('data');
        req.resume();
        reject(Object.assign(new Error('too large'), { status: 413 }));
      } else {
        chunks.push(chunk);
      }
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res, status, body, headers = {}) {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    ...securityHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(payload),
    ...headers,
  });
  res.end(payload);
}

async function postMessage(req, res, url) {
  const text = languageOf(req, url);
  const type = String(req.headers['content-type'] ?? '');
  if (!/^application\/json\s*(;|$)/i.test(type)) return sendJson(res, 415, { errors: { form: text.type } });
  const key = req.headers['idempotency-key'];
  if (key !== undefined && !/^[\x21-\x7e]{1,200}$/.test(key)) return sendJson(res, 400, { errors: { form: text.key } });

  let raw;
  try {
    raw = await readBody(req);
  } catch (error) {
    if (error.status === 413) return sendJson(res, 413, { errors: { form: text.tooLarge } }, { Connection: 'close' });
    throw error;
  }
  let body;
  try {
    body = JSON.parse(raw);
  } catch {
    return sendJson(res, 400, { errors: { form: text.json } });
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return sendJson(res, 400, { errors: { form: text.object } });
  }

  // From here on everything is synchronous, so two concurrent retries cannot both store.
  if (key && keys.has(key)) {
    const id = keys.get(key);
    return sendJson(res, 201, { id }, { Location: `/api/messages/${id}`, 'Idempotent-Replayed': 'true' });
  }
  const result = validateMessage(body, text);
  if (result.errors) return sendJson(res, 422, { errors: result.errors });

  const id = storeMessage(result.message, key, body._gotcha);
  sendJson(res, 201, { id }, { Location: `/api/messages/${id}` });
}

/** Appends an accepted message to the inbox and remembers its key; returns its id. */
function storeMessage(message, key, gotcha) {
  const id = randomUUID();
  // A filled honeypot is a bot: answer as if stored, store nothing.
  const isBot = typeof gotcha === 'string' && gotcha.trim() !== '';
  if (!isBot) {
    const record = { id, receivedAt: new Date().toISOString(), ...message };
    if (key) record.idempotencyKey = key;
    mkdirSync(dirname(messagesFile), { recursive: true });
    appendFileSync(messagesFile, JSON.stringify(record) + '\n');
  }
  if (key) keys.set(key, id);
  return id;
}

function listMessages(res) {
  const items = readInbox()
    .map(({ idempotencyKey, ...message }) => message)
    .reverse();
  sendJson(res, 200, { items, total: items.length });
}

// ---------------------------------------------------------------- static files

/** The file a URL path names inside `root`, or undefined when it would leave it. */
async function fileFor(root, path) {
  const target = resolve(root, '.' + path);
  if (target !== root && !target.startsWith(root + sep)) return undefined;
  let file = target;
  let info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    file = join(file, 'index.html');
    info = await stat(file).catch(() => undefined);
  }
  if (!info?.isFile()) return undefined;
  // Symlinks must not lead out of the root either.
  const real = await realpath(file);
  const realRoot = await realpath(root);
  return real.startsWith(realRoot + sep) ? real : undefined;
}

async function notFound(req, res) {
  const page = await readFile(join(demoRoot, '404.html')).catch(() =>
    Buffer.from('<!doctype html><title>404</title><h1>404 Not Found</h1>'),
  );
  res.writeHead(404, { ...securityHeaders, 'Content-Type': types['.html'], 'Content-Security-Policy': pagePolicy });
  res.end(req.method === 'HEAD' ? undefined : page);
}

async function serveStatic(req, res, url) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...securityHeaders, Allow: 'GET, HEAD', 'Content-Type': types['.txt'] });
    return res.end('Method Not Allowed');
  }
  let path;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    res.writeHead(400, { ...securityHeaders, 'Content-Type': types['.txt'] });
    return res.end('Bad Request');
  }
  if (path.includes('\0') || path.includes('\\')) return notFound(req, res);
  let file;
  if (path.startsWith('/dist/')) file = await fileFor(distRoot, path.slice('/dist'.length));
  else if (!path.startsWith('/data/')) file = await fileFor(demoRoot, path);
  if (!file || file === fileURLToPath(import.meta.url)) return notFound(req, res);

  const type = types[extname(file).toLowerCase()] ?? 'application/octet-stream';
  if (type === types['.html']) return servePage(req, res, url, file);
  return sendCacheable(req, res, file, type);
}

// ---------------------------------------------------------------- compression and caching
// Scripts, styles and JSON go out brotli- or gzip-compressed (by Accept-Encoding) with a strong
// ETag per representation, so a revisit costs a 304 and no body. Files whose name carries a
// content hash (the lazy loader's chunks) never change under that name: they are cached for a
// year without revalidation. Everything else is `no-cache`: always revalidated, so a rebuilt
// bundle or edited content shows on the next load. Compressed bodies are made once per file
// version (path, size, mtime) and kept in memory; pages are compressed on the fly, faster.

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const COMPRESSIBLE = /^(text\/|application\/(json|javascript)|image\/svg\+xml)/;
// The lazy loader's chunks (dist/cdn/) carry a content hash in their names.
const isHashed = (file) => file.startsWith(join(distRoot, 'cdn') + sep);
/** `${file}` → `{ version, etag, bodies: Map<encoding, Promise<Buffer>> }` */
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
const notModified = (req, etag) =>
  String(req.headers['if-none-match'] ?? '')
    .split(',')
    .some((tag) => {
      const value = tag.trim().replace(/^W\//, '');
      return value === etag || value === '*';
    });

/** A file with compression, a strong ETag and the cache lifetime its name allows. */
async function sendCacheable(req, res, file, type) {
  const info = await stat(file);
  const version = `${info.size}:${info.mtimeMs}`;
  let entry = variants.get(file);
  if (entry?.version !== version) {
    const content = await readFile(file);
    const hash = createHash('sha256').update(content).digest('base64url').slice(0, 27);
    entry = { version, hash, content, bodies: new Map() };
    variants.set(file, entry);
  }
  const encoding = COMPRESSIBLE.test(type) && entry.content.length > 1024 ? chooseEncoding(req.headers['accept-encoding']) : 'identity';
  const etag = `"${entry.hash}${encoding === 'identity' ? '' : '-' + encoding}"`;
  const headers = {
    ...securityHeaders,
    'Cache-Control': isHashed(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
    ETag: etag,
    Vary: 'Accept-Encoding',
  };
  if (notModified(req, etag)) {
    res.writeHead(304, headers);
    return res.end();
  }
  if (!entry.bodies.has(encoding)) entry.bodies.set(encoding, compress(entry.content, encoding, false));
  const body = await entry.bodies.get(encoding);
  if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
  res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** A generated body (a page), compressed quickly for this request when the client accepts it. */
async function compressedBody(req, body, headers) {
  if (body.length <= 1024) return body;
  const encoding = chooseEncoding(req.headers['accept-encoding']);
  headers.Vary = 'Accept-Encoding';
  if (encoding === 'identity') return body;
  headers['Content-Encoding'] = encoding;
  return compress(body, encoding, true);
}

// ---------------------------------------------------------------- server-rendered pages
// Every HTML page goes through renderPage (`newsroom-elements/ssr`, dist/ssr/index.js) on request:
// the news is in the HTML as declarative shadow DOM, each element's data inline, so a browser
// paints at once and hydrates with no content request, and a reader without JavaScript, a crawler
// or a link preview sees everything. `?ssr=0` serves the page as written (client rendering) for
// comparison; without a built dist/ssr/ every page is served as written.
// A rendered page is kept in memory until a file it was made from (the page, the content JSON it
// read) changes; the library's own code is read once, so rebuild and restart (`npm start`).

const PAGE_CACHE_SIZE = 200;
/** Rendered pages by host, path and query: `{ html, styleHashes, files: Map<file, mtimeMs> }`. */
const pageCache = new Map();
let renderer;

/** `renderPage` from the built SSR entry, or null (logged once) when it cannot be loaded. */
function pageRenderer() {
  renderer ??= import(pathToFileURL(join(distRoot, 'ssr', 'index.js')).href).then(
    (module) => (typeof module.renderPage === 'function' ? module.renderPage : null),
    (error) => {
      console.warn(`Server rendering is off (dist/ssr/index.js: ${error.code ?? error.message}); pages are served as written.`);
      return null;
    },
  );
  return renderer;
}

const mtimeOf = (file) =>
  stat(file).then(
    (info) => info.mtimeMs,
    () => 0,
  );

/**
 * The fetch renderPage gets: this site's own files are read from disk (no request to ourselves),
 * and noted in `files` with their modification times; anything else goes to the network.
 */
function localFetch(origin, files) {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), origin);
    if (url.origin !== origin) return fetch(input, init);
    let path;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return new Response('Bad Request', { status: 400 });
    }
    const target = resolve(demoRoot, '.' + path);
    files.set(target, await mtimeOf(target));
    const file = path.startsWith('/data/') || path.includes('\0') ? undefined : await fileFor(demoRoot, path);
    if (!file) return new Response('Not Found', { status: 404, headers: { 'Content-Type': types['.txt'] } });
    const type = types[extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(await readFile(file), { status: 200, headers: { 'Content-Type': type } });
  };
}

/** Runs renderPage over `source` as the page at `pageUrl`; undefined when it is not available. */
async function renderSource(source, pageUrl, files) {
  const renderPage = await pageRenderer();
  if (!renderPage) return undefined;
  try {
    const html = await renderPage(source, { url: pageUrl.href, fetch: localFetch(pageUrl.origin, files) });
    // site.css reserves space for elements the browser has yet to render: not on this page.
    return html.replace(/<html\b/i, '<html data-ssr');
  } catch (error) {
    // One page that cannot be rendered is still served, as written, for the browser to render.
    console.error(`Server rendering of ${pageUrl.pathname} failed; serving it as written.`, error);
    return undefined;
  }
}

/**
 * The page at `file`, rendered for `pageUrl`, from the cache while none of its files changed;
 * `timing` says which, for the Server-Timing header.
 */
async function renderedPage(file, pageUrl) {
  const cacheKey = pageUrl.host + pageUrl.pathname + pageUrl.search;
  const cached = pageCache.get(cacheKey);
  if (cached) {
    const changed = await Promise.all([...cached.files].map(async ([path, mtime]) => (await mtimeOf(path)) !== mtime));
    if (!changed.includes(true)) return { ...cached, timing: 'ssr;desc="cache"' };
    pageCache.delete(cacheKey);
  }
  const started = performance.now();
  const files = new Map([[file, await mtimeOf(file)]]);
  const source = await articleSection(followUrl(await readFile(file, 'utf8'), pageUrl), pageUrl, files);
  const html = await renderSource(source, pageUrl, files);
  if (html === undefined) return undefined;
  const page = { html, styleHashes: styleHashes(html), files };
  pageCache.set(cacheKey, page);
  if (pageCache.size > PAGE_CACHE_SIZE) pageCache.delete(pageCache.keys().next().value);
  return { ...page, timing: `ssr;desc="render";dur=${(performance.now() - started).toFixed(1)}` };
}

const escapeAttribute = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * site.js opens a `news-list[data-follow-url]` on the address's `?category=` and `?page=`; the
 * server render does the same, so the browser's first render matches it (no shift, no refetch).
 */
function followUrl(source, pageUrl) {
  const category = pageUrl.searchParams.get('category');
  const page = Number(pageUrl.searchParams.get('page'));
  const wanted =
    (category ? ` category="${escapeAttribute(category)}"` : '') + (Number.isInteger(page) && page > 1 ? ` page="${page}"` : '');
  if (!wanted) return source;
  return source.replace(
    /<news-list\b([^>]*\sdata-follow-url\b[^>]*)>/g,
    (_, attributes) => `<news-list${attributes.replace(/\s(category|page)="[^"]*"/g, '')}${wanted}>`,
  );
}

/**
 * site.js points the breadcrumb and side menu of an article page at the article's category
 * (`current="/news.html?category=…"`) once the article is known. The server render does the same
 * from the article's file, so the menus hydrate as rendered and site.js changes nothing.
 */
async function articleSection(source, pageUrl, files) {
  const id = pageUrl.searchParams.get('id');
  if (!id || !/<news-article\b/.test(source) || !/^[\w-]{1,64}$/.test(id)) return source;
  const english = pageUrl.pathname.startsWith('/en/');
  const response = await localFetch(pageUrl.origin, files)(`/content/${english ? 'en/' : ''}articles/${id}.json`);
  const category = response.ok ? (await response.json().catch(() => undefined))?.category?.id : undefined;
  if (typeof category !== 'string' || !category) return source;
  const current = escapeAttribute(`${english ? '/en' : ''}/news.html?category=${encodeURIComponent(category)}`);
  return source.replace(
    /<site-nav\b([^>]*\svariant="(breadcrumb|side)"[^>]*)>/g,
    (_, attributes) => `<site-nav${attributes.replace(/\scurrent="[^"]*"/, '')} current="${current}">`,
  );
}

/**
 * Server rendering writes each element's styles as a `<style>` in its declarative shadow root.
 * The strict policy keeps `style-src 'self'` and allows exactly those blocks by their hashes (no
 * 'unsafe-inline'). Inline `<script type="application/json">` and JSON-LD are data, not script:
 * `script-src 'self'` does not apply to them.
 */
function styleHashes(html) {
  const hashes = new Set();
  for (const [, css] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) {
    hashes.add(`'sha256-${createHash('sha256').update(css).digest('base64')}'`);
  }
  return [...hashes];
}

const policyFor = (hashes) => (hashes.length ? pagePolicy.replace("style-src 'self'", `style-src 'self' ${hashes.join(' ')}`) : pagePolicy);

/** A cached page is shared by every visitor; each visitor's form gets an idempotency key of its own. */
const freshFormKeys = (html) => html.replace(/(name="_idempotency" value=")[^"]*"/g, (_, start) => `${start}${randomUUID()}"`);

/** The page the request's origin and address name (the Host header, as the browser sent it). */
const pageUrlOf = (req, url) => new URL(url.pathname + url.search, `http://${req.headers.host || `localhost:${port}`}`);

async function sendPage(req, res, status, html, hashes = [], timing = 'ssr;desc="off"') {
  const headers = {
    ...securityHeaders,
    'Content-Type': types['.html'],
    'Content-Security-Policy': policyFor(hashes),
    'Server-Timing': timing,
  };
  const body = await compressedBody(req, Buffer.from(html), headers);
  res.writeHead(status, { ...headers, 'Content-Length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** An HTML page: server-rendered unless `?ssr=0` (or rendering is unavailable), else as written. */
async function servePage(req, res, url, file) {
  const page = url.searchParams.get('ssr') === '0' ? undefined : await renderedPage(file, pageUrlOf(req, url));
  if (page) return sendPage(req, res, 200, freshFormKeys(page.html), page.styleHashes, page.timing);
  return sendPage(req, res, 200, await readFile(file, 'utf8'));
}

// ---------------------------------------------------------------- plain form posts
// Without JavaScript, a server-rendered message-form posts itself as a normal HTML form:
// urlencoded fields named as the JSON keys, `_idempotency` carrying the Idempotency-Key, `_gotcha`
// the honeypot. It is validated and stored exactly as a JSON post. A browser (Accept: text/html)
// gets a 303 to the thank-you page, or the form's page again (422) with the errors on the fields
// and everything typed kept: the page is rendered with the message embedded as message-form's
// inline JSON `{ values, errors, idempotencyKey }`, which the element shows on the server and in
// the browser alike. A client that does not ask for HTML gets the JSON answers.

const isFormPost = (req) => /^application\/x-www-form-urlencoded\s*(;|$)/i.test(String(req.headers['content-type'] ?? ''));
const wantsHtml = (req) => /\btext\/html\b/i.test(String(req.headers.accept ?? ''));

/** JSON inside `<script type="application/json">`: no `</script>` or `<!--` can appear in it. */
const inlineJson = (value) => JSON.stringify(value).replace(/</g, '\\u003c');

function redirect(res, location) {
  res.writeHead(303, { ...securityHeaders, Location: location, 'Content-Length': 0 });
  res.end();
}

function sendText(res, status, message, headers = {}) {
  res.writeHead(status, { ...securityHeaders, 'Content-Type': types['.txt'], 'Content-Length': Buffer.byteLength(message), ...headers });
  res.end(message);
}

async function postForm(req, res, url) {
  const text = languageOf(req, url);
  const html = wantsHtml(req);
  let raw;
  try {
    raw = await readBody(req);
  } catch (error) {
    if (error.status !== 413) throw error;
    if (html) return sendText(res, 413, text.tooLarge, { Connection: 'close' });
    return sendJson(res, 413, { errors: { form: text.tooLarge } }, { Connection: 'close' });
  }
  // Browsers send a textarea's line breaks as CRLF; JSON clients send what was typed (LF).
  const form = Object.fromEntries([...new URLSearchParams(raw)].map(([name, value]) => [name, value.replace(/\r\n?/g, '\n')]));
  const key = form._idempotency || undefined;
  if (key !== undefined && !/^[\x21-\x7e]{1,200}$/.test(key)) {
    return html ? sendText(res, 400, text.key) : sendJson(res, 400, { errors: { form: text.key } });
  }
  const thanks = text === texts.zh ? '/thanks.html' : '/en/thanks.html';
  // As for JSON posts: synchronous from here, so a double submit cannot store twice.
  if (key && keys.has(key)) {
    const id = keys.get(key);
    return html ? redirect(res, thanks) : sendJson(res, 201, { id }, { Location: `/api/messages/${id}`, 'Idempotent-Replayed': 'true' });
  }
  const result = validateMessage(form, text);
  if (result.errors) return html ? sendFormAgain(req, res, text, form, result.errors, key) : sendJson(res, 422, { errors: result.errors });
  const id = storeMessage(result.message, key, form._gotcha);
  return html ? redirect(res, thanks) : sendJson(res, 201, { id }, { Location: `/api/messages/${id}` });
}

/** The page the form was posted from (its Referer on this site), else the contact page. */
async function formPageOf(req, text) {
  const fallback = pageUrlOf(req, new URL(text === texts.zh ? '/contact.html' : '/en/contact.html', 'http://localhost'));
  let pageUrl = fallback;
  try {
    const referer = new URL(String(req.headers.referer ?? ''));
    if (referer.host === fallback.host) pageUrl = referer;
  } catch {
    // No Referer (or not a URL): the contact page.
  }
  for (const candidate of [pageUrl, fallback]) {
    let path;
    try {
      path = decodeURIComponent(candidate.pathname);
    } catch {
      continue;
    }
    const file = path.includes('\0') || path.startsWith('/data/') ? undefined : await fileFor(demoRoot, path);
    const source = file && extname(file) === '.html' ? await readFile(file, 'utf8') : '';
    if (/<message-form\b/.test(source)) return { pageUrl: candidate, source };
  }
  throw new Error('no page with a message-form to show the errors on');
}

async function sendFormAgain(req, res, text, form, errors, key) {
  const { pageUrl, source } = await formPageOf(req, text);
  const values = Object.fromEntries(
    Object.keys(limits)
      .filter((name) => typeof form[name] === 'string')
      .map((name) => [name, form[name]]),
  );
  const data = inlineJson({ values, errors, ...(key ? { idempotencyKey: key } : {}) });
  const withData = source.replace(/<message-form\b[^>]*>/, (tag) => `${tag}<script type="application/json">${data}</script>`);
  const rendered = await renderSource(withData, pageUrl, new Map());
  return sendPage(req, res, 422, rendered ?? withData, rendered ? styleHashes(rendered) : []);
}

// ---------------------------------------------------------------- routing

async function handle(req, res) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/api/messages') {
    if (req.method === 'POST') return isFormPost(req) ? postForm(req, res, url) : postMessage(req, res, url);
    if (req.method === 'GET' || req.method === 'HEAD') return listMessages(res);
    return sendJson(res, 405, { errors: { form: 'Method Not Allowed' } }, { Allow: 'GET, HEAD, POST' });
  }
  const one = /^\/api\/messages\/([\w-]{1,64})$/.exec(url.pathname);
  if (one && (req.method === 'GET' || req.method === 'HEAD')) {
    const found = readInbox().find((message) => message.id === one[1]);
    if (found) {
      const { idempotencyKey, ...message } = found;
      return sendJson(res, 200, message);
    }
  }
  if (url.pathname.startsWith('/api/')) return sendJson(res, 404, { errors: { form: 'Not Found' } });
  return serveStatic(req, res, url);
}

const server = createServer((req, res) => {
  handle(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) sendJson(res, 500, { errors: { form: 'Internal Server Error' } });
    else res.destroy();
  });
});

server.listen(port, () => {
  const { port: actual } = server.address();
  console.log(`newsroom-elements demo: http://localhost:${actual}/`);
  if (!existsSync(join(distRoot, 'newsroom-elements.js'))) {
    console.warn('dist/newsroom-elements.js is missing: run `npm run build` (or `npm start`).');
  }
});

function stop() {
  server.close(() => process.exit(0));
  server.closeAllConnections();
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
