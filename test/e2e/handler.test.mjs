// newsroom() from the built package, through node:http (@hono/node-server): pages, posts, stores.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonLinesStore, newsroom } from 'newsroom-elements/server';
import { nodeListener } from 'newsroom-elements/server/node';
import { storedLines } from './files.mjs';
import { message, makeSite } from './handler-site.mjs';
import { rawGet } from './raw-get.mjs';

async function listen(handler) {
  const server = createServer(nodeListener(handler));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    port: server.address().port,
    close: () => new Promise((r) => server.close(r)),
  };
}

const BROWSER = 'text/html,application/xhtml+xml,*/*;q=0.8';
const formKey = (html) => /name="_idempotency" value="([^"]+)"/.exec(html)?.[1];

describe('newsroom() under node:http', () => {
  let site, server, handler;
  const post = (body, headers = {}) =>
    fetch(`${server.url}/api/messages`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body),
    });
  const postForm = (fields, headers = {}) =>
    fetch(`${server.url}/api/messages`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: BROWSER, Referer: `${server.url}/contact.html`, ...headers },
      body: typeof fields === 'string' ? fields : new URLSearchParams(fields).toString(),
    });

  before(async () => {
    site = makeSite();
    handler = newsroom({
      root: site.root,
      messages: site.messagesFile,
      form: { rules: { fields: 'name,email,message', required: 'name,email,message' }, thanks: '/thanks.html' },
      onError: () => {},
    });
    server = await listen(handler);
  });
  after(async () => {
    await server.close();
    await handler.close();
  });

  test('a page is server-rendered under a strict CSP whose style hashes match its styles', async () => {
    const response = await fetch(`${server.url}/index.html`);
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /<news-list[^>]*><template shadowrootmode="open">/);
    assert.match(html, /First news/);
    const csp = response.headers.get('content-security-policy');
    assert.doesNotMatch(csp, /unsafe-inline/);
    const { createHash } = await import('node:crypto');
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
      ([, css]) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`,
    );
    assert.ok(styles.length > 0);
    for (const hash of styles) assert.ok(csp.includes(hash), `${hash} in the policy`);
  });

  test('the render cache answers until the page or a source changes', async () => {
    const first = await fetch(`${server.url}/index.html`);
    await first.text();
    const cached = await fetch(`${server.url}/index.html`);
    assert.match(cached.headers.get('server-timing'), /cache/);
    assert.match(await cached.text(), /First news/);
    writeFileSync(
      join(site.root, 'content', 'news.json'),
      JSON.stringify({ items: [{ id: 'b2', title: 'Changed news', date: '2025-06-02' }] }),
    );
    const changed = await fetch(`${server.url}/index.html`);
    assert.match(changed.headers.get('server-timing'), /render/);
    assert.match(await changed.text(), /Changed news/);
  });

  test('every visitor of a cached page gets a form key of their own', async () => {
    const keys = new Set();
    for (let i = 0; i < 3; i++) keys.add(formKey(await (await fetch(`${server.url}/contact.html`)).text()));
    assert.equal(keys.size, 3);
    assert.ok([...keys].every(Boolean));
  });

  test('no JavaScript: a form post is stored and answered 303; JSON: 201; both read back from the store', async () => {
    const key = formKey(await (await fetch(`${server.url}/contact.html`)).text());
    const form = message();
    const sent = await postForm({ ...form, _idempotency: key, _gotcha: '' });
    assert.equal(sent.status, 303);
    assert.equal(sent.headers.get('location'), '/thanks.html');
    const json = message();
    const created = await post(json, { 'Idempotency-Key': crypto.randomUUID() });
    assert.equal(created.status, 201);
    const stored = await jsonLinesStore(site.messagesFile).list();
    assert.ok(stored.some((record) => record.message.message === form.message && record.idempotencyKey === key));
    assert.ok(stored.some((record) => record.message.message === json.message));
  });

  test('the same key with the same message replays; with a different message it is refused, and the form shows why', async () => {
    const key = crypto.randomUUID();
    const first = message();
    assert.equal((await post(first, { 'Idempotency-Key': key })).status, 201);
    const replay = await post(first, { 'Idempotency-Key': key });
    assert.equal(replay.status, 201);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    const other = await post(message(), { 'Idempotency-Key': key });
    assert.equal(other.status, 422);
    assert.match((await other.json()).errors.form, /different message/);
    // Without JavaScript: the form's page again, the message kept, the reason in the form, a new key.
    const second = message();
    const page = await postForm({ ...second, _idempotency: key });
    assert.equal(page.status, 422);
    const html = await page.text();
    assert.match(html, /part="field-error">(<!--lit-part-->)?[^<]*different message/);
    assert.ok(html.includes(second.message));
    const fresh = formKey(html);
    assert.ok(fresh && fresh !== key);
    assert.equal((await postForm({ ...second, _idempotency: fresh })).status, 303);
    const stored = (await storedLines(site.messagesFile)).filter((line) => [first.message, second.message].includes(line.message));
    assert.equal(stored.length, 2);
  });

  test('two visitors of a prerendered page (`newsroom-elements render`) posting different messages: one stored, one refused, none lost', async () => {
    const { execFileSync } = await import('node:child_process');
    const { readFileSync } = await import('node:fs');
    const out = join(site.dir, 'out');
    execFileSync(process.execPath, ['dist/ssr/cli.js', 'render', join(site.root, 'contact.html'), '--out', out, '--root', site.root], {
      stdio: 'ignore',
    });
    const key = formKey(readFileSync(join(out, 'contact.html'), 'utf8'));
    assert.ok(key, 'the prerendered page carries one key for every visitor');
    const [alice, bob] = [message(), message()];
    const first = await postForm({ ...alice, _idempotency: key });
    const second = await postForm({ ...bob, _idempotency: key });
    console.log(`prerendered key reused: first ${first.status}, second ${second.status}`);
    assert.equal(first.status, 303);
    assert.equal(second.status, 422, 'refused, with the message kept in the form, never a silent 303');
    assert.ok((await second.text()).includes(bob.message));
    const stored = (await storedLines(site.messagesFile)).filter((line) => line.idempotencyKey === key);
    assert.deepEqual(
      stored.map((line) => line.message),
      [alice.message],
    );
  });

  test('bad input gets clear errors and stores nothing', async () => {
    const before = (await storedLines(site.messagesFile)).length;
    const cases = [
      [() => post('{"name":'), 400, /not valid JSON/],
      [() => post('[1]'), 400, /JSON object/],
      [() => post({ ...message(), extra: 1 }), 422, /Unknown fields: extra/],
      [() => post({ ...message(), name: 42 }), 422, /text/],
      [() => post(JSON.stringify(message({ message: 'x'.repeat(70 * 1024) }))), 413, /larger than 64 KB/],
      [() => post('name=a', { 'Content-Type': 'text/plain' }), 415, /Send JSON/],
      [() => postForm('name=%ZZ&email=a%40b.c&message=hi', { Accept: 'application/json' }), 400, /malformed/],
      [() => postForm('name=a&name=b&email=a%40b.c&message=hi', { Accept: 'application/json' }), 400, /more than once/],
      [() => postForm({ ...message(), _idempotency: 'has spaces' }, { Accept: 'application/json' }), 400, /Idempotency-Key/],
      [() => post(Buffer.from([0x7b, 0xff, 0x7d])), 400, /UTF-8/],
    ];
    for (const [send, status, text] of cases) {
      const response = await send();
      const body = await response.text();
      assert.equal(response.status, status, body);
      assert.match(body, text);
    }
    // Chunked, with no Content-Length to refuse up front.
    const big = new TextEncoder().encode(JSON.stringify(message({ message: 'y'.repeat(100 * 1024) })));
    const chunked = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: new ReadableStream({ start: (c) => (c.enqueue(big), c.close()) }),
      duplex: 'half',
    });
    assert.equal(chunked.status, 413);
    assert.equal((await storedLines(site.messagesFile)).length, before);
  });

  test('200 concurrent posts with distinct keys are stored once each; replaying all 200 stores nothing more', async () => {
    const posts = Array.from({ length: 200 }, (_, i) => ({
      key: `burst-${i}-${crypto.randomUUID()}`,
      body: message({ message: `burst ${i}` }),
    }));
    const before = (await storedLines(site.messagesFile)).length;
    const first = await Promise.all(posts.map(({ key, body }) => post(body, { 'Idempotency-Key': key })));
    assert.deepEqual([...new Set(first.map((r) => r.status))], [201]);
    const ids = await Promise.all(first.map((r) => r.json()));
    const again = await Promise.all(posts.map(({ key, body }) => post(body, { 'Idempotency-Key': key })));
    assert.deepEqual(await Promise.all(again.map((r) => r.json())), ids);
    const lines = await storedLines(site.messagesFile);
    assert.equal(lines.length, before + 200);
    for (const { key } of posts) assert.equal(lines.filter((line) => line.idempotencyKey === key).length, 1, key);
  });

  test('the inbox is off unless asked for, and path tricks reach neither it nor the store', async () => {
    assert.equal((await fetch(`${server.url}/api/messages`)).status, 405);
    const tricks = [
      '/data/messages.jsonl',
      '/Data/messages.jsonl',
      '/../data/messages.jsonl',
      '/%2e%2e/data/messages.jsonl',
      '/%2E%2E%2Fdata%2Fmessages.jsonl',
      '//data/messages.jsonl',
      '/content//news.json',
      '/content%5c..%5c..%5cdata%5cmessages.jsonl',
      '/content\\..\\..\\data\\messages.jsonl',
      '/contact.html%00',
      '/%00contact.html',
      '/API/messages',
      '/api//messages',
      '/api/messages/../messages',
      '/api/messages%2f..%2fmessages',
      '/api/messages/',
    ];
    for (const path of tricks) {
      const response = await rawGet(server.port, path);
      // 400: refused by Node's HTTP parser before any handler.
      assert.ok([400, 404, 405].includes(response.status), `${path} → ${response.status}`);
      assert.doesNotMatch(response.body, /Hello|ada@example/, path);
    }
  });
});

describe('the inbox, when asked for', () => {
  test('lists and shows messages, newest first, without their keys', async () => {
    const site = makeSite();
    const handler = newsroom({
      root: site.root,
      messages: site.messagesFile,
      inbox: true,
      form: { rules: { fields: 'name,email,message' } },
    });
    const server = await listen(handler);
    try {
      const body = message();
      const created = await fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'k-1' },
        body: JSON.stringify(body),
      });
      const { id } = await created.json();
      assert.equal(created.headers.get('location'), `/api/messages/${id}`);
      const { items } = await (await fetch(`${server.url}/api/messages`)).json();
      assert.equal(items[0].message, body.message);
      assert.ok(!('idempotencyKey' in items[0]) && !('fingerprint' in items[0]));
      assert.equal((await (await fetch(`${server.url}/api/messages/${id}`)).json()).id, id);
      for (const path of ['/API/messages', `/api/messages/${id}/`, `/api/messages/..%2f${id}`]) {
        assert.equal((await rawGet(server.port, path)).status, 404, path);
      }
    } finally {
      await server.close();
      await handler.close();
    }
  });
});

describe('a busy or failing store', () => {
  const post = (handler, body) =>
    handler.fetch(
      new Request('http://127.0.0.1/api/messages', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        body: JSON.stringify(body),
      }),
    );

  test('posts beyond maxPending are answered 429 with Retry-After, and nothing of them is stored', async () => {
    const site = makeSite();
    const kept = [];
    let release;
    const gate = new Promise((resolve) => (release = resolve));
    const slow = {
      add: async (record) => (await gate, kept.push(record), record),
      list: async () => kept,
      get: async () => undefined,
    };
    const handler = newsroom({ root: site.root, messages: slow, form: { rules: { fields: 'name,email,message' }, maxPending: 2 } });
    const waiting = [post(handler, message()), post(handler, message())];
    const busy = await post(handler, message());
    assert.equal(busy.status, 429);
    assert.equal(busy.headers.get('retry-after'), '1');
    assert.match((await busy.json()).errors.form, /Too many/);
    release();
    assert.deepEqual(
      (await Promise.all(waiting)).map((r) => r.status),
      [201, 201],
    );
    assert.equal(kept.length, 2);
    assert.equal((await post(handler, message())).status, 201, 'taken again once the store caught up');
  });

  test('a store that fails is never acknowledged: 503, which message-form retries', async () => {
    const site = makeSite();
    const errors = [];
    const broken = {
      add: async () => {
        throw new Error('disk full');
      },
      list: async () => [],
      get: async () => undefined,
    };
    const handler = newsroom({
      root: site.root,
      messages: broken,
      form: { rules: { fields: 'name,email,message' } },
      onError: (e) => errors.push(e),
    });
    const response = await post(handler, message());
    assert.equal(response.status, 503);
    assert.equal(response.headers.get('retry-after'), '2');
    assert.match(errors[0].message, /disk full/);
  });
});
