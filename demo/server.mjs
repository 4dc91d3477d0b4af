// The demo site's server: static files from demo/, the bundle from dist/, and a small message
// inbox (POST /api/messages, GET /api/messages) that validates like a real backend.
// Dependency-free on purpose: `node demo/server.mjs` (PORT to change the port, 8000 by default;
// MESSAGES_FILE to keep the inbox somewhere else than demo/data/messages.jsonl).
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

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
    type: 'Send JSON (Content-Type: application/json).',
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
    type: '请以 JSON 格式提交（Content-Type: application/json）。',
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

  const id = randomUUID();
  // A filled honeypot is a bot: answer as if stored, store nothing.
  const isBot = typeof body._gotcha === 'string' && body._gotcha.trim() !== '';
  if (!isBot) {
    const record = { id, receivedAt: new Date().toISOString(), ...result.message };
    if (key) record.idempotencyKey = key;
    mkdirSync(dirname(messagesFile), { recursive: true });
    appendFileSync(messagesFile, JSON.stringify(record) + '\n');
  }
  if (key) keys.set(key, id);
  sendJson(res, 201, { id }, { Location: `/api/messages/${id}` });
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
  const headers = { ...securityHeaders, 'Content-Type': type };
  if (type.startsWith('text/html')) headers['Content-Security-Policy'] = pagePolicy;
  const content = await readFile(file);
  headers['Content-Length'] = content.length;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : content);
}

// ---------------------------------------------------------------- routing

async function handle(req, res) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/api/messages') {
    if (req.method === 'POST') return postMessage(req, res, url);
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
