// The demo server as a client sees it: static files, the message API's validation, idempotency,
// the inbox file and a clean stop.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startDemoServer, tempInbox } from './demo-server.mjs';
import { storedLines } from './files.mjs';
import { rawGet } from './raw-get.mjs';

const valid = { name: '王先生', phone: '13800000000', email: 'wang@example.com', message: '想了解大米批发价格。' };

describe('demo server', () => {
  let server;
  const post = (body, headers = {}, path = '/api/messages') =>
    fetch(new URL(path, server.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  before(async () => {
    server = await startDemoServer();
  });
  after(async () => {
    await server?.stop();
  });

  describe('static files', () => {
    test('serves the pages as UTF-8 HTML under a strict CSP', async () => {
      for (const path of ['/', '/index.html', '/news.html', '/en/index.html', '/en/']) {
        const response = await fetch(new URL(path, server.url));
        assert.equal(response.status, 200, path);
        assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8', path);
        const csp = response.headers.get('content-security-policy');
        assert.match(csp, /script-src 'self'(;|$)/, path);
        assert.match(csp, /require-trusted-types-for 'script'/, path);
        assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, path);
        assert.match(await response.text(), /<html (data-ssr )?lang="(zh-CN|en)">/, path);
      }
    });

    test('content types of styles, scripts, JSON and images', async () => {
      const expected = {
        '/site.css': 'text/css; charset=utf-8',
        '/site.js': 'text/javascript; charset=utf-8',
        '/content/site.json': 'application/json; charset=utf-8',
        '/content/en/articles/1001.json': 'application/json; charset=utf-8',
        '/img/logo.svg': 'image/svg+xml; charset=utf-8',
      };
      for (const [path, type] of Object.entries(expected)) {
        const response = await fetch(new URL(path, server.url));
        assert.equal(response.status, 200, path);
        assert.equal(response.headers.get('content-type'), type, path);
        assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
      }
    });

    test('serves the built bundle under /dist/', async () => {
      const response = await fetch(new URL('/dist/newsroom-elements.js', server.url));
      assert.equal(response.status, 200, 'run `npm run build` first');
      assert.equal(response.headers.get('content-type'), 'text/javascript; charset=utf-8');
      assert.match(await response.text(), /customElements/);
    });

    test('compresses scripts, styles, JSON and pages by Accept-Encoding, and answers 304 to a known ETag', async () => {
      const get = (path, headers) => rawGet(server.port, path, headers);
      const files = {
        '/dist/newsroom-elements.js': 'dist/newsroom-elements.js',
        '/site.css': 'demo/site.css',
        '/content/site.json': 'demo/content/site.json',
      };
      const caching = {};
      const plainCache = (path) => caching[path];
      for (const [path, file] of Object.entries(files)) {
        const original = readFileSync(file);
        const plain = await get(path, {});
        caching[path] = plain.headers['cache-control'];
        assert.equal(plain.headers['content-encoding'], undefined, path);
        assert.deepEqual(plain.bytes, original, path);
        const br = await get(path, { 'Accept-Encoding': 'gzip, deflate, br' });
        assert.equal(br.headers['content-encoding'], 'br', path);
        assert.equal(br.headers.vary, 'Accept-Encoding', path);
        assert.deepEqual(brotliDecompressSync(br.bytes), original, path);
        assert.ok(br.bytes.length < original.length / 2, `${path}: ${br.bytes.length} of ${original.length} bytes`);
        const gz = await get(path, { 'Accept-Encoding': 'gzip, br;q=0' });
        assert.equal(gz.headers['content-encoding'], 'gzip', path);
        assert.deepEqual(gunzipSync(gz.bytes), original, path);

        // Each representation has its own strong ETag; a revisit with it costs no body.
        const etag = br.headers.etag;
        assert.match(etag, /^"[^"]+"$/, path);
        assert.notEqual(etag, gz.headers.etag, path);
        assert.match(br.headers['cache-control'], /no-cache|max-age/, path);
        const again = await get(path, { 'Accept-Encoding': 'br', 'If-None-Match': `"other", ${etag}` });
        assert.equal(again.status, 304, path);
        assert.equal(again.bytes.length, 0, path);
        assert.equal(again.headers.etag, etag, path);
        const stale = await get(path, { 'Accept-Encoding': 'br', 'If-None-Match': '"old"' });
        assert.equal(stale.status, 200, path);
      }
      const chunk = (await readdir('dist/cdn')).find((name) => name.endsWith('.js'));
      const hashed = await get(`/dist/cdn/${chunk}`, { 'Accept-Encoding': 'br' });
      assert.equal(hashed.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.equal(plainCache('/dist/newsroom-elements.js'), 'no-cache');
      const page = await get('/news.html', { 'Accept-Encoding': 'br' });
      assert.equal(page.headers['content-encoding'], 'br');
      assert.match(brotliDecompressSync(page.bytes).toString(), /<html (data-ssr )?lang="zh-CN">/);
    });

    test('a missing page is a 404 HTML page', async () => {
      const response = await fetch(new URL('/no-such-page.html', server.url));
      assert.equal(response.status, 404);
      assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
      assert.match(await response.text(), /404/);
    });

    test('no path leaves the demo folder, and the inbox file is not served', async () => {
      const attempts = [
        '/../package.json',
        '/%2e%2e/package.json',
        '/%2E%2E/%2E%2E/etc/passwd',
        '/dist/../package.json',
        '/dist/%2e%2e/package.json',
        '/..%2fpackage.json',
        '/content/..%5c..%5cpackage.json',
        '/%00index.html',
        '/server.mjs',
        '/data/messages.jsonl',
      ];
      for (const path of attempts) {
        const response = await rawGet(server.port, path);
        assert.ok(response.status === 404 || response.status === 400, `${path} → ${response.status}`);
        assert.doesNotMatch(response.body, /"devDependencies"|root:x:0|createServer/, path);
      }
    });

    test('only GET and HEAD on files', async () => {
      const head = await fetch(new URL('/index.html', server.url), { method: 'HEAD' });
      assert.equal(head.status, 200);
      assert.equal(await head.text(), '');
      const put = await fetch(new URL('/index.html', server.url), { method: 'PUT', body: 'x' });
      assert.equal(put.status, 405);
    });
  });

  describe('POST /api/messages', () => {
    test('accepts a valid message: 201 with an id, stored as one JSON line', async () => {
      const message = `${valid.message} ${Date.now()}`;
      const response = await post({ ...valid, subject: '询价', message });
      assert.equal(response.status, 201);
      const { id } = await response.json();
      assert.match(id, /^[0-9a-f-]{36}$/);
      assert.equal(response.headers.get('location'), `/api/messages/${id}`);
      const created = await fetch(new URL(response.headers.get('location'), server.url));
      assert.equal(created.status, 200);
      assert.equal((await created.json()).message, message);
      assert.equal((await fetch(new URL('/api/messages/no-such-id', server.url))).status, 404);
      const stored = (await storedLines(server.messagesFile)).filter((line) => line.id === id);
      assert.equal(stored.length, 1);
      assert.equal(stored[0].message, message);
      assert.equal(stored[0].subject, '询价');
      assert.ok(!Number.isNaN(Date.parse(stored[0].receivedAt)));
    });

    test('an unknown field is refused with a clear error, and nothing is stored', async () => {
      const message = `${valid.message} ${Date.now()}`;
      const response = await post({ ...valid, message, extra: 'x' });
      assert.equal(response.status, 422);
      assert.match((await response.json()).errors.form, /Unknown fields: extra/);
      assert.equal((await storedLines(server.messagesFile)).filter((line) => line.message === message).length, 0);
    });

    test('name and message are required, and one of phone or email: 422 { errors }', async () => {
      const response = await post({});
      assert.equal(response.status, 422);
      const { errors } = await response.json();
      assert.deepEqual(Object.keys(errors).sort(), ['email', 'message', 'name', 'phone']);
      for (const text of Object.values(errors)) assert.equal(typeof text, 'string');

      const withPhone = await post({ name: 'A', message: 'Hello', phone: '020-1234567' });
      assert.equal(withPhone.status, 201, 'a phone number alone is enough');
      const withEmail = await post({ name: 'A', message: 'Hello', email: 'a@example.com' });
      assert.equal(withEmail.status, 201, 'an email address alone is enough');
    });

    test('blank and whitespace-only fields count as missing', async () => {
      const response = await post({ name: '   ', message: '\n\t', email: 'a@example.com' });
      assert.equal(response.status, 422);
      assert.deepEqual(Object.keys((await response.json()).errors).sort(), ['message', 'name']);
    });

    test('email syntax, phone syntax and lengths', async () => {
      const cases = [
        [{ email: 'not-an-email' }, 'email'],
        [{ email: 'a@b' }, 'email'],
        [{ email: 'a b@example.com' }, 'email'],
        [{ phone: 'call me' }, 'phone'],
        [{ phone: '12' }, 'phone'],
        [{ name: 'x'.repeat(101) }, 'name'],
        [{ message: '长'.repeat(5001) }, 'message'],
        [{ subject: 's'.repeat(201) }, 'subject'],
      ];
      for (const [change, field] of cases) {
        const response = await post({ ...valid, ...change });
        assert.equal(response.status, 422, JSON.stringify(change));
        const { errors } = await response.json();
        assert.deepEqual(Object.keys(errors), [field], JSON.stringify(change));
      }
      // Lengths count characters as people do: 5000 Chinese characters or emoji are fine.
      assert.equal((await post({ ...valid, message: '😀'.repeat(5000) })).status, 201);
    });

    test('fields of the wrong type are errors, not crashes', async () => {
      const response = await post({ name: ['a'], message: { text: 'hi' }, email: 42, phone: null });
      assert.equal(response.status, 422);
      const { errors } = await response.json();
      assert.ok(errors.name && errors.message && errors.email);
    });

    test('messages speak the language of ?lang= or Accept-Language', async () => {
      const zh = await (await post({}, {}, '/api/messages?lang=zh')).json();
      assert.match(zh.errors.name, /姓名/);
      const en = await (await post({}, { 'Accept-Language': 'en-GB,en;q=0.9' })).json();
      assert.match(en.errors.name, /name/i);
      const zhHeader = await (await post({}, { 'Accept-Language': 'zh-CN,zh;q=0.9' })).json();
      assert.match(zhHeader.errors.name, /姓名/);
    });

    test('bad JSON and non-object bodies are 400 with { errors }', async () => {
      for (const body of ['{"name":', 'null', '[1,2]', '"text"', '']) {
        const response = await post(body);
        assert.equal(response.status, 400, JSON.stringify(body));
        const { errors } = await response.json();
        assert.equal(typeof errors.form, 'string');
      }
    });

    test('a body over 64 KB is 413, whatever Content-Length says', async () => {
      const big = JSON.stringify({ ...valid, message: 'x'.repeat(70 * 1024) });
      const response = await post(big);
      assert.equal(response.status, 413);
      assert.equal(typeof (await response.json()).errors.form, 'string');
      const before = (await storedLines(server.messagesFile)).length;
      // Chunked, so no Content-Length to refuse up front.
      const stream = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(big));
          controller.close();
        },
      });
      const chunked = await fetch(new URL('/api/messages', server.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: stream,
        duplex: 'half',
      });
      assert.equal(chunked.status, 413);
      assert.equal((await storedLines(server.messagesFile)).length, before);
    });

    test('only JSON and urlencoded forms are accepted: 415 otherwise', async () => {
      for (const type of ['multipart/form-data; boundary=x', 'text/plain']) {
        const response = await fetch(new URL('/api/messages', server.url), {
          method: 'POST',
          headers: { 'Content-Type': type },
          body: 'name=a&message=b&email=a%40example.com',
        });
        assert.equal(response.status, 415, type);
      }
    });

    test('other methods are 405 with Allow', async () => {
      const response = await fetch(new URL('/api/messages', server.url), { method: 'DELETE' });
      assert.equal(response.status, 405);
      assert.match(response.headers.get('allow'), /POST/);
    });

    test('a retry with the same Idempotency-Key returns the first result and stores nothing twice', async () => {
      const key = `retry-${Date.now()}-${Math.random()}`;
      const message = `幂等测试 ${key}`;
      const first = await post({ ...valid, message }, { 'Idempotency-Key': key });
      assert.equal(first.status, 201);
      const { id } = await first.json();
      const second = await post({ ...valid, message }, { 'Idempotency-Key': key });
      assert.equal(second.status, 201);
      assert.deepEqual(await second.json(), { id });
      assert.equal(second.headers.get('idempotent-replayed'), 'true');
      assert.equal((await storedLines(server.messagesFile)).filter((line) => line.message === message).length, 1);

      const other = await post({ ...valid, message }, { 'Idempotency-Key': `${key}-other` });
      assert.notEqual((await other.json()).id, id, 'another key is another message');
    });

    test('concurrent retries with one key store one message', async () => {
      const key = `race-${Date.now()}`;
      const message = `并发测试 ${key}`;
      const responses = await Promise.all(Array.from({ length: 5 }, () => post({ ...valid, message }, { 'Idempotency-Key': key })));
      const ids = new Set(await Promise.all(responses.map(async (response) => (await response.json()).id)));
      assert.equal(ids.size, 1);
      assert.equal((await storedLines(server.messagesFile)).filter((line) => line.message === message).length, 1);
    });

    test('a rejected message does not use up its key: the corrected retry is stored', async () => {
      const key = `fix-${Date.now()}`;
      const rejected = await post({ ...valid, email: 'wrong', phone: '' }, { 'Idempotency-Key': key });
      assert.equal(rejected.status, 422);
      const accepted = await post({ ...valid, message: `修改后 ${key}` }, { 'Idempotency-Key': key });
      assert.equal(accepted.status, 201);
    });

    test('a malformed Idempotency-Key is 400', async () => {
      const response = await post(valid, { 'Idempotency-Key': 'x'.repeat(201) });
      assert.equal(response.status, 400);
    });

    test('a filled honeypot gets a 201 but nothing is stored', async () => {
      const message = `bot ${Date.now()}`;
      const response = await post({ ...valid, message, _gotcha: 'http://spam.example' });
      assert.equal(response.status, 201);
      assert.equal((await storedLines(server.messagesFile)).filter((line) => line.message === message).length, 0);
    });

    test('GET /api/messages lists the inbox, newest first, without the keys', async () => {
      const key = `list-${Date.now()}`;
      await post({ ...valid, message: `最新一条 ${key}` }, { 'Idempotency-Key': key });
      const response = await fetch(new URL('/api/messages', server.url));
      assert.equal(response.status, 200);
      const { items, total } = await response.json();
      assert.equal(total, items.length);
      assert.equal(items[0].message, `最新一条 ${key}`);
      assert.ok(items.every((item) => !('idempotencyKey' in item)));
    });
  });
});

describe('demo server lifecycle', () => {
  test('keys are remembered across restarts (read back from the inbox file)', async () => {
    const messagesFile = tempInbox();
    const key = `restart-${Date.now()}`;
    const body = JSON.stringify({ ...valid, message: '重启前发送' });
    const headers = { 'Content-Type': 'application/json', 'Idempotency-Key': key };

    const first = await startDemoServer({ messagesFile });
    const { id } = await (await fetch(new URL('/api/messages', first.url), { method: 'POST', headers, body })).json();
    assert.equal(await first.stop(), 0);

    const second = await startDemoServer({ messagesFile });
    try {
      const replay = await fetch(new URL('/api/messages', second.url), { method: 'POST', headers, body });
      assert.equal(replay.status, 201);
      assert.deepEqual(await replay.json(), { id });
      assert.equal((await storedLines(messagesFile)).length, 1);
    } finally {
      await second.stop();
    }
  });

  test('a half-written inbox line does not stop the server', async () => {
    const messagesFile = tempInbox();
    const server = await startDemoServer({ messagesFile });
    await fetch(new URL('/api/messages', server.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(valid),
    });
    await server.stop();
    const { appendFileSync } = await import('node:fs');
    appendFileSync(messagesFile, '{"id":"cut-o');
    const again = await startDemoServer({ messagesFile });
    try {
      const after = await fetch(new URL('/api/messages', again.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...valid, message: '之后的留言' }),
      });
      assert.equal(after.status, 201);
      const { items } = await (await fetch(new URL('/api/messages', again.url))).json();
      assert.deepEqual(
        items.map((item) => item.message),
        ['之后的留言', valid.message],
      );
    } finally {
      await again.stop();
    }
  });

  test('prints its URL and stops cleanly on SIGINT and SIGTERM', async () => {
    for (const signal of ['SIGINT', 'SIGTERM']) {
      const server = await startDemoServer();
      assert.match(server.output(), new RegExp(`http://localhost:${server.port}/`));
      // An open keep-alive connection must not hold the process.
      await fetch(new URL('/index.html', server.url));
      assert.equal(await server.stop(signal), 0, signal);
    }
  });
});
