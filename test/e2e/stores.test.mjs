// The message stores: Postgres (PGlite, real Postgres), the webhook forwarder against a real
// node:http server, and the JSON-lines file under a SIGKILL in the middle of a burst of posts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { jsonLinesStore, newsroom, postgresStore, webhookStore } from 'newsroom-elements/server';
import { storedLines } from './files.mjs';
import { makeSite, message } from './handler-site.mjs';

const record = (key, text = `m ${Math.random()}`) => ({
  id: crypto.randomUUID(),
  receivedAt: new Date().toISOString(),
  message: { name: 'Ada', message: text },
  idempotencyKey: key,
  fingerprint: text,
});

test('postgresStore: one message per key, under concurrency, through the handler', async () => {
  const db = new PGlite();
  const store = postgresStore((text, params) => db.query(text, params));
  const site = makeSite();
  const handler = newsroom({ root: site.root, messages: store, form: { rules: { fields: 'name,email,message' } } });
  const post = (body, key) =>
    handler.fetch(
      new Request('http://127.0.0.1/api/messages', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
        body: JSON.stringify(body),
      }),
    );
  const body = message();
  const answers = await Promise.all(Array.from({ length: 10 }, () => post(body, 'pg-key')));
  assert.deepEqual([...new Set(answers.map((r) => r.status))], [201]);
  assert.equal(new Set(await Promise.all(answers.map(async (r) => (await r.json()).id))).size, 1);
  assert.equal((await post(message(), 'pg-key')).status, 422, 'another message under the same key is refused');
  const stored = await store.list();
  assert.equal(stored.length, 1);
  assert.equal(stored[0].message.message, body.message);
  assert.equal((await store.get(stored[0].id)).idempotencyKey, 'pg-key');
  await db.close();
});

test('webhookStore: forwards each new message once, retries, and keeps a failed one in the primary store', async () => {
  const received = [];
  let failFirst = 2;
  const hook = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (failFirst-- > 0) return res.writeHead(503).end();
      received.push(JSON.parse(body));
      res.writeHead(204).end();
    });
  });
  hook.listen(0, '127.0.0.1');
  await once(hook, 'listening');
  const url = `http://127.0.0.1:${hook.address().port}/robot`;
  const site = makeSite();
  const forwarded = [];
  const primary = jsonLinesStore(site.messagesFile);
  const store = webhookStore(primary, { url, retryDelay: 10, onForward: (r) => forwarded.push(r.id) });
  const first = record('hook-1');
  await store.add(first);
  // A retry: the same key, a new id (as the handler makes one per request); nothing to forward.
  assert.equal((await store.add({ ...first, id: crypto.randomUUID() })).id, first.id);
  while (!forwarded.length) await new Promise((r) => setTimeout(r, 10));
  assert.equal(received.length, 1, 'forwarded once after two 503s');
  assert.deepEqual(received[0].message, first.message);

  // The robot is gone: the message stays in the primary store, and the failure is reported.
  hook.close();
  const errors = [];
  const down = webhookStore(primary, { url, retries: 1, retryDelay: 10, onError: (error) => errors.push(error) });
  const second = record('hook-2');
  assert.equal((await down.add(second)).id, second.id);
  while (!errors.length) await new Promise((r) => setTimeout(r, 10));
  assert.match(errors[0].message, /could not be reached/);
  assert.ok((await primary.list()).some((r) => r.id === second.id));
  await primary.close();
});

test('jsonLinesStore: a server SIGKILLed during a burst of posts loses no acknowledged message and leaves a readable store', async () => {
  const site = makeSite();
  // The handler under node:http in a process of its own, killed while posts are in flight.
  const script = `
    import { createServer } from 'node:http';
    import { newsroom } from 'newsroom-elements/server';
    import { nodeListener } from 'newsroom-elements/server/node';
    const site = newsroom({ root: ${JSON.stringify(site.root)}, messages: ${JSON.stringify(site.messagesFile)}, form: { rules: { fields: 'name,email,message' } } });
    const server = createServer(nodeListener(site)).listen(0, '127.0.0.1', () => console.log(server.address().port));`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    cwd: join(import.meta.dirname, '../..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [port] = await once(child.stdout, 'data');
  const url = `http://127.0.0.1:${String(port).trim()}/api/messages`;
  const acknowledged = [];
  let sent = 0;
  const poster = async () => {
    for (;;) {
      const key = crypto.randomUUID();
      sent++;
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
          body: JSON.stringify(message({ message: `burst ${key} ${'m'.repeat(1000)}` })),
        });
        if (response.status === 201) acknowledged.push(key);
      } catch {
        return; // The server is gone.
      }
    }
  };
  const posters = Array.from({ length: 32 }, poster);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  child.kill('SIGKILL');
  await Promise.all(posters);
  const lines = await storedLines(site.messagesFile);
  const keys = new Set(lines.map((line) => line.idempotencyKey));
  const lost = acknowledged.filter((key) => !keys.has(key));
  console.log(
    `crash test: ${sent} posts sent, ${acknowledged.length} acknowledged (201), ${lines.length} readable lines, ${lost.length} acknowledged and lost`,
  );
  assert.ok(acknowledged.length > 20, `only ${acknowledged.length} acknowledged before the kill`);
  assert.deepEqual(lost, []);
  // The store opens again after the crash and takes new messages on lines of their own.
  const again = jsonLinesStore(site.messagesFile);
  const next = record('after-crash');
  await again.add(next);
  assert.equal((await again.list()).at(-1).id, next.id);
  assert.equal((await again.list()).length, lines.length + 1);
  await again.close();
});
