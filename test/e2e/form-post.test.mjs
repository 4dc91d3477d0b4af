// The message endpoint as a browser without JavaScript uses it: urlencoded form posts answered
// with a redirect to the thank-you page, or the form's page again with the errors and the input;
// clients that do not ask for HTML get the JSON answers.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoServer } from './demo-server.mjs';
import { storedLines } from './files.mjs';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** The message-form's inline JSON in a page (what the element shows again). */
function embeddedData(html) {
  const match =
    /<message-form\b[^>]*>(?:<template shadowrootmode[\s\S]*?<\/template>)?\s*<script type="application\/json">([\s\S]*?)<\/script>/.exec(
      html,
    );
  assert.ok(match, 'message-form carries the message as inline JSON');
  return JSON.parse(match[1]);
}

describe('plain HTML form posts to /api/messages', () => {
  let server;
  const postForm = (fields, { accept = BROWSER_ACCEPT, path = '/api/messages?lang=zh', headers = {} } = {}) =>
    fetch(new URL(path, server.url), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: accept, ...headers },
      body: new URLSearchParams(fields).toString(),
    });
  const valid = () => ({
    name: '王先生',
    phone: '13800000000',
    email: '',
    subject: '',
    message: `表单留言 ${Math.random()}`,
    _gotcha: '',
    _idempotency: crypto.randomUUID(),
  });

  before(async () => {
    server = await startDemoServer();
  });
  after(async () => {
    await server?.stop();
  });

  test('a valid post is stored once and answered 303 to the thank-you page; a resubmission stores nothing', async () => {
    const fields = valid();
    const first = await postForm(fields);
    assert.equal(first.status, 303);
    assert.equal(first.headers.get('location'), '/thanks.html');
    const again = await postForm(fields);
    assert.equal(again.status, 303);
    const stored = (await storedLines(server.messagesFile)).filter((line) => line.message === fields.message);
    assert.equal(stored.length, 1);
    assert.equal(stored[0].name, '王先生');
    assert.equal(stored[0].idempotencyKey, fields._idempotency);
    assert.equal(stored[0]._gotcha, undefined);
    assert.equal(stored[0]._idempotency, undefined);

    const thanks = await fetch(new URL('/thanks.html', server.url));
    assert.equal(thanks.status, 200);
    assert.match(await thanks.text(), /留言已收到/);
  });

  test("a textarea's CRLF line breaks are stored as typed (LF), as from JSON", async () => {
    const fields = { ...valid(), message: `第一行\r\n第二行 ${Math.random()}` };
    assert.equal((await postForm(fields)).status, 303);
    const stored = (await storedLines(server.messagesFile)).find((line) => line.idempotencyKey === fields._idempotency);
    assert.equal(stored.message, fields.message.replace('\r\n', '\n'));
  });

  test('the English form leads to the English thank-you page', async () => {
    const response = await postForm(valid(), { path: '/api/messages?lang=en' });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/en/thanks.html');
    assert.match(await (await fetch(new URL('/en/thanks.html', server.url))).text(), /Message received/);
  });

  test('errors: 422 with the form page again, the input kept and the errors, under the strict policy', async () => {
    const fields = { ...valid(), name: '', email: 'not-an-address', message: '第一行\n</script><script>alert(1)</script> & <!--' };
    const before = (await storedLines(server.messagesFile)).length;
    const response = await postForm(fields, { headers: { Referer: new URL('/contact.html', server.url).href } });
    assert.equal(response.status, 422);
    assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
    const csp = response.headers.get('content-security-policy');
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    const html = await response.text();
    assert.match(html, /<title>联系我们/);
    const data = embeddedData(html);
    assert.deepEqual(data.values, { name: '', phone: fields.phone, email: 'not-an-address', subject: '', message: fields.message });
    assert.deepEqual(Object.keys(data.errors).sort(), ['email', 'name']);
    // message-form's own words, from the module the element and the server share.
    assert.equal(data.errors.name, '请填写姓名。');
    assert.equal(data.idempotencyKey, fields._idempotency);
    // The typed text cannot end the data block or open markup.
    assert.doesNotMatch(html, /<script>alert/);
    assert.equal((await storedLines(server.messagesFile)).length, before);
  });

  test('errors from the English page come back on the English page', async () => {
    const response = await postForm(
      { ...valid(), name: '' },
      { path: '/api/messages?lang=en', headers: { Referer: new URL('/en/contact.html', server.url).href } },
    );
    assert.equal(response.status, 422);
    const html = await response.text();
    assert.match(html, /<html (data-ssr )?lang="en">/);
    assert.equal(embeddedData(html).errors.name, 'Enter your name.');
  });

  test('a Referer on another site or without a form falls back to the contact page', async () => {
    for (const referer of ['https://elsewhere.example/contact.html', new URL('/about.html', server.url).href]) {
      const response = await postForm({ ...valid(), name: '' }, { headers: { Referer: referer } });
      assert.equal(response.status, 422, referer);
      assert.match(await response.text(), /<title>联系我们/, referer);
    }
  });

  test('a filled honeypot is thanked and not stored', async () => {
    const fields = { ...valid(), _gotcha: 'http://spam.example/' };
    const response = await postForm(fields);
    assert.equal(response.status, 303);
    assert.equal((await storedLines(server.messagesFile)).filter((line) => line.message === fields.message).length, 0);
  });

  test('a bad _idempotency is refused', async () => {
    const response = await postForm({ ...valid(), _idempotency: 'has spaces' });
    assert.equal(response.status, 400);
  });

  test('a client that does not ask for HTML gets the JSON answers', async () => {
    const fields = valid();
    const created = await postForm(fields, { accept: 'application/json' });
    assert.equal(created.status, 201);
    const { id } = await created.json();
    assert.match(id, /^[0-9a-f-]{36}$/);
    const replay = await postForm(fields, { accept: '*/*' });
    assert.equal(replay.status, 201);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal((await replay.json()).id, id);
    const invalid = await postForm({ message: 'x' }, { accept: 'application/json' });
    assert.equal(invalid.status, 422);
    assert.deepEqual(Object.keys((await invalid.json()).errors).sort(), ['email', 'name', 'phone']);
  });

  test('JSON posts are answered exactly as before, whatever they accept', async () => {
    const response = await fetch(new URL('/api/messages', server.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: BROWSER_ACCEPT },
      body: JSON.stringify({}),
    });
    assert.equal(response.status, 422);
    assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
  });
});
