import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MessageForm } from '../src/message-form/message-form.js';
import '../src/message-form/define.js';
import { mockLog, mockUrl, mount, uniqueKey, until } from './helpers.js';

const $ = <T extends Element = HTMLElement>(el: MessageForm, selector: string) =>
  el.shadowRoot!.querySelector<T & Element>(selector) as T | null;
const control = (el: MessageForm, name: string) => $<HTMLInputElement>(el, `[name="${name}"]`)!;
const submitButton = (el: MessageForm) => $<HTMLButtonElement>(el, '[part=submit]')!;
const fieldError = (el: MessageForm, name: string) => {
  const ids = control(el, name).getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids
    .map((id) => el.shadowRoot!.getElementById(id))
    .find((node) => node?.matches('[part=field-error]'))
    ?.textContent?.trim();
};
const text = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const focused = (el: MessageForm) => el.shadowRoot!.activeElement as HTMLElement | null;

/** As a visitor types (or pastes): the value changes and an `input` event fires. */
async function type(el: MessageForm, name: string, value: string): Promise<void> {
  const input = control(el, name);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function fill(el: MessageForm, values: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(values)) await type(el, name, value);
}

const GOOD = { name: '王小明', phone: '+86 (020) 1234-5678', email: 'xiaoming@example.com', message: '你好，想了解贵公司的产品。' };

/** A form on its own: message-form needs no provider. */
const mountForm = (template: unknown) => mount('message-form', template, { alone: true, ready: (el) => el.updateComplete });

/** An endpoint for `key`; `retry-delay` is tiny so retries take milliseconds. */
const form = (action: string, extra: Record<string, string> = {}) => {
  const el = document.createElement('message-form');
  el.setAttribute('action', action);
  el.setAttribute('retry-delay', '5');
  for (const [name, value] of Object.entries(extra)) el.setAttribute(name, value);
  return mountForm(el);
};

/** The form has answered a submit: sent, failed, or back from the server with field errors. */
const answered = (el: MessageForm) =>
  until(
    () =>
      !!$(el, '[part=sent], [part=error]') ||
      (!!$(el, 'form') && $(el, 'form')!.getAttribute('aria-busy') === 'false' && !!$(el, '[aria-invalid=true]')),
    'form answered',
  );

const submit = async (el: MessageForm) => {
  submitButton(el).click();
  await el.updateComplete;
};

const draftKeys = () => Object.keys(localStorage).filter((key) => key.startsWith('newsroom-elements:message-draft:'));

afterEach(() => {
  for (const key of draftKeys()) localStorage.removeItem(key);
  document.querySelectorAll('meta[name=csrf-token]').forEach((meta) => meta.remove());
});

describe('message-form: the form', () => {
  it('renders labelled controls with the right name, type, autocomplete and inputmode, and is accessible', async () => {
    const el = await form('/mock/form?key=unused');
    const names = [...el.shadowRoot!.querySelectorAll('[part~=control]')].map((node) => node.getAttribute('name'));
    expect(names).to.deep.equal(['name', 'phone', 'email', 'message']);
    const expected: Record<string, [string, string | null, string | null]> = {
      name: ['text', 'name', null],
      phone: ['tel', 'tel', 'tel'],
      email: ['email', 'email', 'email'],
    };
    for (const [name, [typeName, autocomplete, inputmode]] of Object.entries(expected)) {
      const input = control(el, name);
      expect(input.type, name).to.equal(typeName);
      expect(input.getAttribute('autocomplete'), name).to.equal(autocomplete);
      expect(input.getAttribute('inputmode'), name).to.equal(inputmode);
      expect(Number(input.getAttribute('maxlength')), name).to.be.greaterThan(0);
      expect(input.labels![0].textContent!.trim(), name).to.match(/^(Name|Phone \(optional\)|Email)$/);
    }
    const message = control(el, 'message');
    expect(message.tagName).to.equal('TEXTAREA');
    expect(message.labels![0].textContent!.trim()).to.equal('Message');
    expect(message.required).to.equal(true);
    expect(control(el, 'phone').required).to.equal(false);
    expect($<HTMLFormElement>(el, 'form')!.noValidate).to.equal(true);
    expect(text(submitButton(el))).to.equal('Send message');
    // The honeypot: hidden from people and assistive technology, out of the tab order.
    const gotcha = control(el, '_gotcha');
    expect(gotcha.tabIndex).to.equal(-1);
    expect(gotcha.getAttribute('autocomplete')).to.equal('off');
    expect(gotcha.closest('[aria-hidden=true]')).to.not.equal(null);
    const box = gotcha.getBoundingClientRect();
    expect(box.right <= 0 || box.width <= 1).to.equal(true);
    expect(el.shadowRoot!.textContent).to.not.match(/undefined|null|NaN|\[object Object\]/);
    await expect(el).to.be.accessible();
  });

  it('counts the message as it is typed, in characters people count (an emoji is one)', async () => {
    const el = await form('/mock/form?key=unused');
    const count = $(el, '[part=count]')!;
    expect(text(count)).to.equal('0 / 5000 characters');
    expect(control(el, 'message').getAttribute('aria-describedby')).to.contain(count.id);
    await type(el, 'message', 'Hi 👋🏽');
    expect(text(count)).to.equal('5 / 5000 characters');
    await type(el, 'message', 'x'.repeat(5001));
    expect(text(count)).to.equal('5001 / 5000 characters');
    expect(count.classList.contains('over')).to.equal(true);
    // Nothing is cut: a long paste stays whole, for the visitor to shorten.
    expect(control(el, 'message').value).to.have.length(5001);
  });

  it('takes its fields and required fields from attributes, and sends exactly those keys', async () => {
    const key = uniqueKey('fields');
    const el = await form(mockUrl({ key, status: 201 }, 'form'), { fields: 'email, subject ,message,bogus', required: 'email' });
    const names = [...el.shadowRoot!.querySelectorAll('[part~=control]')].map((node) => node.getAttribute('name'));
    expect(names).to.deep.equal(['email', 'subject', 'message']);
    expect(control(el, 'subject').labels![0].textContent!.trim()).to.equal('Subject (optional)');
    expect(control(el, 'message').required).to.equal(false);
    await fill(el, { email: 'a@example.com', subject: 'Catalogue' });
    await submit(el);
    await answered(el);
    const log = await mockLog(key);
    expect(JSON.parse(log[0].body)).to.deep.equal({ email: 'a@example.com', subject: 'Catalogue', message: '' });
  });
});

describe('message-form: a plain HTML form too (no script, server-rendered)', () => {
  const formData = (el: MessageForm) =>
    Object.fromEntries(new FormData($<HTMLFormElement>(el, 'form')!) as unknown as Iterable<[string, string]>);

  it('is method=post to action, its fields named as the JSON keys, with _idempotency, _csrf and _gotcha', async () => {
    const el = await form('/api/messages?lang=zh', { 'csrf-token': 'tok-123' });
    const element = $<HTMLFormElement>(el, 'form')!;
    expect(element.getAttribute('method')).to.equal('post');
    expect(element.getAttribute('action')).to.equal('/api/messages?lang=zh');
    expect(element.action).to.equal(new URL('/api/messages?lang=zh', location.href).href);
    await fill(el, GOOD);
    const posted = formData(el);
    expect(posted).to.include({ ...GOOD, _csrf: 'tok-123', _gotcha: '' });
    expect(posted._idempotency).to.match(/^[0-9a-f-]{36}$/);
    expect(Object.keys(posted).sort()).to.deep.equal(['_csrf', '_gotcha', '_idempotency', 'email', 'message', 'name', 'phone']);
  });

  it('has no _csrf field without csrf-token, and no action when the action is not http(s)', async () => {
    const el = await form('javascript:alert(1)');
    expect($(el, 'form')!.hasAttribute('action')).to.equal(false);
    expect(formData(el)).to.not.have.property('_csrf');
  });

  it('keeps one _idempotency key while a message is written, and takes a new one once it is sent', async () => {
    const el = await form(mockUrl({ key: uniqueKey('form-key'), status: 201 }, 'form'));
    const before = formData(el)._idempotency;
    await fill(el, GOOD);
    expect(formData(el)._idempotency).to.equal(before);
    await submit(el);
    await until(() => $(el, '[part=sent]'), 'sent');
    ($(el, '[part=send-another]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(formData(el)._idempotency)
      .to.match(/^[0-9a-f-]{36}$/)
      .and.not.equal(before);
  });

  it('shows a message a server sent back (inline JSON): values, field errors, the summary and its key', async () => {
    const key = uniqueKey('again');
    const host = await fixture(html`<div>
      <message-form action=${mockUrl({ key, status: 201 }, 'form')} retry-delay="5" fields="name,email,message"
        ><script type="application/json">
          {"values":{"name":"王小明","email":"not-an-address","message":"第一行\\n</textarea><b>2</b> & more"},
           "errors":{"email":"Enter a valid email address.","bogus":"ignored"},"idempotencyKey":"key-from-the-post"}
        </script></message-form>
    </div>`);
    const el = host.querySelector('message-form')!;
    await el.updateComplete;
    expect(control(el, 'name').value).to.equal('王小明');
    expect(control(el, 'email').value).to.equal('not-an-address');
    const message = $<HTMLTextAreaElement>(el, 'textarea')!;
    expect(message.value).to.equal('第一行\n</textarea><b>2</b> & more');
    expect(message.defaultValue).to.equal(message.value);
    expect(el.shadowRoot!.querySelector('b')).to.equal(null);
    expect(fieldError(el, 'email')).to.equal('Enter a valid email address.');
    expect(control(el, 'email').getAttribute('aria-invalid')).to.equal('true');
    expect(control(el, 'name').getAttribute('aria-invalid')).to.equal('false');
    expect(text($(el, '[part=summary]'))).to.equal('Please check: Email');
    expect(formData(el)._idempotency).to.equal('key-from-the-post');
    await expect(el).to.be.accessible();

    // Fixed, it is sent as JSON as usual, and typing into the message keeps the same control.
    await type(el, 'email', 'xiaoming@example.com');
    expect(fieldError(el, 'email')).to.equal(undefined);
    await type(el, 'message', 'new text');
    expect($(el, 'textarea')).to.equal(message);
    await submit(el);
    await until(() => $(el, '[part=sent]'), 'sent');
    const log = await mockLog(key);
    expect(JSON.parse(log[0].body)).to.deep.equal({ name: '王小明', email: 'xiaoming@example.com', message: 'new text' });
    expect(log[0].headers['content-type']).to.equal('application/json');
  });

  it('ignores malformed inline JSON with a warning', async () => {
    const host = await fixture(
      html`<div><message-form action="/mock/form?key=unused"><script type="application/json">{oops</script></message-form></div>`,
    );
    const el = host.querySelector('message-form')!;
    await el.updateComplete;
    expect(control(el, 'name').value).to.equal('');
    expect($(el, '[part=summary]')!.textContent).to.equal('');
  });
});

describe('message-form: validation', () => {
  it('on submit: errors tied to their fields, focus on the first, a summary, nothing sent; accessible', async () => {
    const key = uniqueKey('invalid');
    const el = await form(mockUrl({ key, status: 201 }, 'form'));
    await fill(el, { phone: 'call me maybe', email: 'not-an-address' });
    await submit(el);
    expect(fieldError(el, 'name')).to.equal('Enter your name.');
    expect(fieldError(el, 'phone')).to.equal('Enter a phone number using digits, spaces, +, - and brackets.');
    expect(fieldError(el, 'email')).to.equal('Enter an email address like name@example.com.');
    expect(fieldError(el, 'message')).to.equal('Enter your message.');
    for (const name of ['name', 'phone', 'email', 'message']) expect(control(el, name).getAttribute('aria-invalid'), name).to.equal('true');
    expect(focused(el)).to.equal(control(el, 'name'));
    const summary = $(el, '[part=summary]')!;
    expect(summary.getAttribute('role')).to.equal('status');
    expect(text(summary)).to.equal('Please check: Name, Phone, Email, Message');
    await expect(el).to.be.accessible();
    expect(await mockLog(key)).to.have.length(0);
  });

  it('checks a field again when it loses focus after the first submit, and clears errors as they are fixed', async () => {
    const el = await form('/mock/form?key=unused');
    // Before any submit, leaving a field says nothing.
    control(el, 'email').focus();
    await type(el, 'email', 'nope');
    control(el, 'email').blur();
    await el.updateComplete;
    expect(fieldError(el, 'email')).to.equal(undefined);
    await submit(el);
    expect(fieldError(el, 'email')).to.not.equal(undefined);
    await type(el, 'email', 'ok@example.com');
    expect(fieldError(el, 'email')).to.equal(undefined);
    expect(control(el, 'email').getAttribute('aria-invalid')).to.equal('false');
    await type(el, 'phone', '12');
    control(el, 'phone').focus();
    control(el, 'phone').blur();
    await el.updateComplete;
    expect(fieldError(el, 'phone')).to.equal('Enter a phone number using digits, spaces, +, - and brackets.');
    expect(text($(el, '[part=summary]'))).to.equal('Please check: Name, Phone, Message');
  });

  it('rejects a message over the limit, whitespace-only required fields, and accepts phone brackets, + and -', async () => {
    const key = uniqueKey('limits');
    const el = await form(mockUrl({ key, status: 201 }, 'form'));
    await fill(el, { name: '   ', phone: '+1 (555) 010-9999', email: 'a@b.example', message: '长'.repeat(5001) });
    await submit(el);
    expect(fieldError(el, 'name')).to.equal('Enter your name.');
    expect(fieldError(el, 'phone')).to.equal(undefined);
    expect(fieldError(el, 'email')).to.equal(undefined);
    expect(fieldError(el, 'message')).to.equal('Message must be 5000 characters or fewer.');
    expect(await mockLog(key)).to.have.length(0);
  });
});

describe('message-form: sending', () => {
  it('two 503s then 201: three requests with one Idempotency-Key, one message-sent, the thank-you state', async () => {
    const key = uniqueKey('retry');
    const el = await form(mockUrl({ key, fail: '503,503', status: 201, body: '{"id":"m-1"}' }, 'form'));
    await fill(el, GOOD);
    const sent = oneEvent(el, 'message-sent');
    await submit(el);
    const event = await sent;
    expect(event.detail).to.deep.equal({ data: GOOD, response: { id: 'm-1' }, status: 201 });
    expect(event.bubbles && event.composed).to.equal(true);
    const log = await mockLog(key);
    expect(log).to.have.length(3);
    const keys = log.map((request) => request.headers['idempotency-key']);
    expect(keys[0]).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(keys).size).to.equal(1);
    for (const request of log) {
      expect(request.method).to.equal('POST');
      expect(request.headers['content-type']).to.equal('application/json');
      expect(JSON.parse(request.body)).to.deep.equal(GOOD);
    }
    await el.updateComplete;
    const thanks = $(el, '[part=sent]')!;
    expect(thanks.getAttribute('role')).to.equal('status');
    expect(text(thanks)).to.contain('Thank you. Your message has been sent.');
    expect(focused(el)).to.equal(thanks);
    await expect(el).to.be.accessible();

    // "Send another": an empty form, and the next message gets a new key.
    ($(el, '[part=send-another]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(control(el, 'name').value).to.equal('');
    expect(focused(el)).to.equal(control(el, 'name'));
    await fill(el, { ...GOOD, message: 'A second message.' });
    await submit(el);
    await until(() => $(el, '[part=sent]'), 'second message sent');
    const second = (await mockLog(key))[3];
    expect(second.headers['idempotency-key']).to.not.equal(keys[0]);
  });

  it('server down: error with Retry, every character kept, message-failed; Retry resends with the same key', async () => {
    const key = uniqueKey('down');
    const el = await form(mockUrl({ key, fail: '503,503,503', status: 201 }, 'form'));
    await fill(el, GOOD);
    const failed = oneEvent(el, 'message-failed');
    await submit(el);
    const event = await failed;
    expect(event.detail.status).to.equal(503);
    expect(event.detail.error).to.be.instanceOf(Error);
    await el.updateComplete;
    const panel = $(el, '[part=error]')!;
    expect(panel.getAttribute('role')).to.equal('alert');
    expect(text(panel)).to.contain('the server is busy (error 503)');
    expect(text(panel)).to.contain('Everything you typed is still here.');
    for (const [name, value] of Object.entries(GOOD)) expect(control(el, name).value, name).to.equal(value);
    expect(await mockLog(key)).to.have.length(3);
    await expect(el).to.be.accessible();

    ($(el, '[part=retry]') as HTMLButtonElement).click();
    await until(() => $(el, '[part=sent]'), 'sent after retry');
    const log = await mockLog(key);
    expect(log).to.have.length(4);
    expect(new Set(log.map((request) => request.headers['idempotency-key'])).size).to.equal(1);
  });

  it('no server at all (network error): the message stays, the failure is shown and announced', async () => {
    const el = await form('http://127.0.0.1:9/messages', { retries: '1' });
    await fill(el, GOOD);
    const failed = oneEvent(el, 'message-failed');
    await submit(el);
    const event = await failed;
    expect((event.detail.error as Error & { kind?: string }).kind).to.equal('network');
    expect(event.detail.status).to.equal(undefined);
    await el.updateComplete;
    expect(text($(el, '[part=error]'))).to.contain('the server could not be reached');
    expect(control(el, 'message').value).to.equal(GOOD.message);
    expect($(el, '[part=retry]')).to.not.equal(null);
  });

  it('a server that does not answer in time is a timeout, retried, then shown', async () => {
    const key = uniqueKey('slow');
    const el = await form(mockUrl({ key, delay: 1500 }, 'form'), { timeout: '150', retries: '1' });
    await fill(el, GOOD);
    const failed = oneEvent(el, 'message-failed');
    await submit(el);
    await failed;
    await el.updateComplete;
    expect(text($(el, '[part=error]'))).to.contain('the server took too long to answer');
    expect(await mockLog(key)).to.have.length(2);
  });

  it('422 field errors show on their fields, focus the first, and are not retried', async () => {
    const key = uniqueKey('422');
    const body = JSON.stringify({ errors: { email: 'This address bounced.', phone: ['Not a number we can call.', 42], unknown: 'x' } });
    const el = await form(mockUrl({ key, status: 422, body }, 'form'));
    await fill(el, GOOD);
    const failed = oneEvent(el, 'message-failed');
    await submit(el);
    const event = await failed;
    expect(event.detail.status).to.equal(422);
    expect(event.detail.errors).to.deep.equal({ phone: 'Not a number we can call.', email: 'This address bounced.' });
    await el.updateComplete;
    expect(fieldError(el, 'email')).to.equal('This address bounced.');
    expect(fieldError(el, 'phone')).to.equal('Not a number we can call.');
    expect(control(el, 'email').getAttribute('aria-invalid')).to.equal('true');
    expect(focused(el)).to.equal(control(el, 'phone'));
    expect(text($(el, '[part=summary]'))).to.equal('Please check: Phone, Email');
    expect(control(el, 'message').value).to.equal(GOOD.message);
    expect(await mockLog(key)).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it("other 4xx: the server's message as text, not retried; an HTML error page is not shown", async () => {
    const key = uniqueKey('403');
    const el = await form(
      mockUrl({ key, status: 403, body: '{"message":"Session expired <img src=x onerror=alert(1)>, reload the page."}' }, 'form'),
    );
    await fill(el, GOOD);
    await submit(el);
    await answered(el);
    const panel = $(el, '[part=error]')!;
    expect(text(panel)).to.contain(
      'Your message was not accepted (error 403). Session expired <img src=x onerror=alert(1)>, reload the page.',
    );
    expect(panel.querySelector('img')).to.equal(null);
    expect(await mockLog(key)).to.have.length(1);

    const key2 = uniqueKey('404');
    const el2 = await form(mockUrl({ key: key2, status: 404, type: 'text/html', body: '<!doctype html><h1>Not found</h1>' }, 'form'));
    await fill(el2, GOOD);
    await submit(el2);
    await answered(el2);
    expect(text($(el2, '[part=error]'))).to.equal(
      'Your message was not accepted (error 404). Everything you typed is still here. Try again',
    );

    // A 422 whose errors fit no field is still shown, with the message kept.
    const key3 = uniqueKey('422-odd');
    const el3 = await form(mockUrl({ key: key3, status: 422, body: '{"errors":["name"],"message":null}' }, 'form'));
    await fill(el3, GOOD);
    await submit(el3);
    await answered(el3);
    expect(text($(el3, '[part=error]'))).to.contain('Your message was not accepted (error 422).');
    expect(el3.shadowRoot!.querySelector('[aria-invalid=true]')).to.equal(null);
    expect(control(el3, 'message').value).to.equal(GOOD.message);
  });

  it('a 2xx answer that is not JSON still counts as sent', async () => {
    const key = uniqueKey('html-ok');
    const el = await form(mockUrl({ key, status: 200, type: 'text/html', body: '<p>Thanks</p>' }, 'form'));
    await fill(el, GOOD);
    const sent = oneEvent(el, 'message-sent');
    await submit(el);
    expect((await sent).detail.response).to.equal('<p>Thanks</p>');
    expect(draftKeys()).to.have.length(0);
  });

  it('429 with Retry-After waits as asked, then sends; a Retry-After too long is shown instead of waited', async () => {
    const key = uniqueKey('429');
    const el = await form(mockUrl({ key, fail: '429', retryAfter: 1, status: 201 }, 'form'));
    await fill(el, GOOD);
    const started = performance.now();
    await submit(el);
    await until(() => $(el, '[part=sent]'), 'sent after 429');
    // Our own backoff is 5 ms here: only Retry-After explains a second's wait.
    expect(performance.now() - started).to.be.at.least(950);
    expect(await mockLog(key)).to.have.length(2);

    const key2 = uniqueKey('429-long');
    const el2 = await form(mockUrl({ key: key2, fail: '429', retryAfter: 3600, status: 201 }, 'form'));
    await fill(el2, GOOD);
    await submit(el2);
    await answered(el2);
    expect(text($(el2, '[part=error]'))).to.contain('the server is busy (error 429)');
    expect(await mockLog(key2)).to.have.length(1);
  });

  it('one submission at a time: clicks, Enter and requestSubmit() while sending make no second request', async () => {
    const key = uniqueKey('once');
    const el = await form(mockUrl({ key, delay: 400, status: 201 }, 'form'));
    await fill(el, GOOD);
    const button = submitButton(el);
    button.click();
    button.click();
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(text(button)).to.equal('Sending…');
    expect($(el, 'form')!.getAttribute('aria-busy')).to.equal('true');
    expect(control(el, 'name').readOnly).to.equal(true);
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    control(el, 'email').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => $(el, '[part=sent]'), 'sent');
    expect(await mockLog(key)).to.have.length(1);
  });

  it('works by keyboard: typing into the fields and pressing Enter sends', async () => {
    const key = uniqueKey('keys');
    const el = await form(mockUrl({ key, status: 201 }, 'form'), { fields: 'name,email,message' });
    control(el, 'name').focus();
    await sendKeys({ type: 'Ada' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'ada@example.com' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(control(el, 'message'));
    await sendKeys({ type: 'Line one' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: 'Line two' });
    control(el, 'email').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => $(el, '[part=sent]'), 'sent');
    const [request] = await mockLog(key);
    expect(JSON.parse(request.body)).to.deep.equal({ name: 'Ada', email: 'ada@example.com', message: 'Line one\nLine two' });
  });

  it('sends every character exactly as typed: CJK, emoji, RTL override, newlines and 5,000 characters', async () => {
    const key = uniqueKey('unicode');
    const el = await form(mockUrl({ key, status: 201 }, 'form'), { fields: 'name,phone,email,subject,message' });
    const head = '留言：你好！👩🏽‍💻🇨🇳 \u202Eevil.exe\u202C "quoted" \\ back\nslash\ttab\n\n  indented  \n';
    const message = head + 'é'.repeat(5000 - [...head].length);
    expect([...message]).to.have.length(5000);
    const values = {
      name: ' 李\u200D小龙 ',
      phone: '（020）1234 5678',
      email: 'li@例子.公司',
      subject: '<b>Hi</b> & {"json": true}',
      message,
    };
    await fill(el, values);
    expect(text($(el, '[part=count]'))).to.equal('5000 / 5000 characters');
    await submit(el);
    await until(() => $(el, '[part=sent]'), 'sent');
    const [request] = await mockLog(key);
    expect(JSON.parse(request.body)).to.deep.equal(values);
  });
});

describe('message-form: headers', () => {
  it('sends X-CSRF-Token from the page meta, and the attribute wins over it', async () => {
    const meta = Object.assign(document.createElement('meta'), { name: 'csrf-token', content: 'from-meta' });
    document.head.append(meta);
    const key = uniqueKey('csrf');
    const el = await form(mockUrl({ key, status: 201 }, 'form'));
    await fill(el, GOOD);
    await submit(el);
    await answered(el);
    const key2 = uniqueKey('csrf-attr');
    const el2 = await form(mockUrl({ key: key2, status: 201 }, 'form'), { 'csrf-token': 'from-attribute' });
    await fill(el2, GOOD);
    await submit(el2);
    await answered(el2);
    expect((await mockLog(key))[0].headers['x-csrf-token']).to.equal('from-meta');
    expect((await mockLog(key2))[0].headers['x-csrf-token']).to.equal('from-attribute');
  });

  it('sends no X-CSRF-Token without one; credentials="omit" sends no cookies', async () => {
    document.cookie = 'mf-session=1; path=/';
    const key = uniqueKey('plain');
    const el = await form(mockUrl({ key, status: 201 }, 'form'), { credentials: 'omit' });
    await fill(el, GOOD);
    await submit(el);
    await answered(el);
    const key2 = uniqueKey('cookie');
    const el2 = await form(mockUrl({ key: key2, status: 201 }, 'form'));
    await fill(el2, GOOD);
    await submit(el2);
    await answered(el2);
    document.cookie = 'mf-session=; path=/; max-age=0';
    const [omitted] = await mockLog(key);
    expect(omitted.headers).to.not.have.property('x-csrf-token');
    expect(omitted.headers.cookie ?? '').to.not.contain('mf-session');
    expect((await mockLog(key2))[0].headers.cookie).to.contain('mf-session=1');
  });
});

describe('message-form: drafts', () => {
  it('restores a draft after a reload, with a way to discard it', async () => {
    const action = mockUrl({ key: uniqueKey('draft'), status: 201 }, 'form');
    const first = await form(action);
    await fill(first, { name: '草稿 🙂', message: 'half\nwritten' });
    await waitUntil(() => draftKeys().length === 1, 'draft saved', { timeout: 3000 });
    first.parentElement!.remove();

    const el = await form(action);
    expect(control(el, 'name').value).to.equal('草稿 🙂');
    expect(control(el, 'message').value).to.equal('half\nwritten');
    expect(text($(el, '[part=draft]'))).to.contain('We kept the message you had not sent yet.');
    await expect(el).to.be.accessible();
    ($(el, '[part=discard]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(control(el, 'name').value).to.equal('');
    expect(control(el, 'message').value).to.equal('');
    expect($(el, '[part=draft]')).to.equal(null);
    expect(focused(el)).to.equal(control(el, 'name'));
    expect(draftKeys()).to.have.length(0);

    // Another form (another action) does not see this page's drafts.
    await fill(el, { name: 'kept' });
    await waitUntil(() => draftKeys().length === 1, 'draft saved', { timeout: 3000 });
    const other = await form(mockUrl({ key: uniqueKey('other'), status: 201 }, 'form'));
    expect(control(other, 'name').value).to.equal('');
  });

  it('clears the draft once the server accepts the message, and not before', async () => {
    const key = uniqueKey('draft-sent');
    const action = mockUrl({ key, fail: '503,503,503', status: 201 }, 'form');
    const first = await form(action);
    await fill(first, GOOD);
    await submit(first);
    await answered(first);
    expect(draftKeys()).to.have.length(1);
    first.parentElement!.remove();

    // After a reload the same message is resent with the same key: the server can tell it is one message.
    const el = await form(action);
    expect(control(el, 'email').value).to.equal(GOOD.email);
    await submit(el);
    await until(() => $(el, '[part=sent]'), 'sent');
    const log = await mockLog(key);
    expect(log).to.have.length(4);
    expect(new Set(log.map((request) => request.headers['idempotency-key'])).size).to.equal(1);
    expect(draftKeys()).to.have.length(0);
  });

  it('keeps no draft with no-draft', async () => {
    const el = await form('/mock/form?key=nodraft', { 'no-draft': '' });
    await fill(el, GOOD);
    el.parentElement!.remove();
    expect(draftKeys()).to.have.length(0);
  });
});

describe('message-form: spam and the thank-you text', () => {
  it('a filled honeypot sends nothing and shows success', async () => {
    const key = uniqueKey('bot');
    const el = await form(mockUrl({ key, status: 201 }, 'form'));
    await fill(el, GOOD);
    control(el, '_gotcha').value = 'http://spam.example/';
    let events = 0;
    el.addEventListener('message-sent', () => events++);
    await submit(el);
    await el.updateComplete;
    expect(text($(el, '[part=sent]'))).to.contain('Thank you');
    expect(events).to.equal(0);
    // A person's message afterwards is the first thing the server ever sees from this form.
    ($(el, '[part=send-another]') as HTMLButtonElement).click();
    await el.updateComplete;
    await fill(el, GOOD);
    await submit(el);
    await waitUntil(async () => (await mockLog(key)).length > 0, 'the real message sent');
    const log = await mockLog(key);
    expect(log).to.have.length(1);
    expect(log[0].body).to.not.contain('spam.example');
    expect(events).to.equal(1);
  });

  it('the host can replace the thank-you text through the sent slot', async () => {
    const key = uniqueKey('slot');
    const el = await mountForm(
      html`<message-form action=${mockUrl({ key, status: 201 }, 'form')}><p slot="sent">We will call you back within a day.</p></message-form>`,
    );
    await fill(el, GOOD);
    await submit(el);
    await until(() => $(el, '[part=sent]'), 'sent');
    const slot = $<HTMLSlotElement>(el, 'slot[name=sent]')!;
    expect(slot.assignedElements().map((node) => node.textContent)).to.deep.equal(['We will call you back within a day.']);
  });

  it('without a usable action it says so and keeps the message', async () => {
    const el = await form('javascript:alert(1)');
    await fill(el, GOOD);
    const failed = oneEvent(el, 'message-failed');
    await submit(el);
    await failed;
    await el.updateComplete;
    expect(text($(el, '[part=error]'))).to.contain('This form is not set up to send messages.');
    expect(control(el, 'message').value).to.equal(GOOD.message);
  });
});

describe('message-form: languages', () => {
  it('speaks Chinese from its locale, or from the page lang', async () => {
    const el = await form('/mock/form?key=unused', { locale: 'zh-CN' });
    const labels = [...el.shadowRoot!.querySelectorAll('label[for]')].map((label) => label.textContent!.trim());
    expect(labels).to.deep.equal(['姓名', '电话（选填）', '邮箱', '留言内容']);
    expect(text(submitButton(el))).to.equal('提交留言');
    expect(text($(el, '[part=count]'))).to.equal('0 / 5000 字');
    await type(el, 'email', 'x');
    await submit(el);
    expect(fieldError(el, 'name')).to.equal('请填写姓名。');
    expect(fieldError(el, 'email')).to.equal('请输入有效的邮箱地址，例如 name@example.com。');
    expect(text($(el, '[part=summary]'))).to.equal('请检查：姓名、邮箱、留言内容');
    await expect(el).to.be.accessible();

    const inPage = await mountForm(html`<section lang="zh-Hans-CN"><message-form action="/mock/form?key=unused"></message-form></section>`);
    expect(text(submitButton(inPage))).to.equal('提交留言');
  });

  it('shows failures in Chinese too', async () => {
    const key = uniqueKey('zh-fail');
    const el = await form(mockUrl({ key, fail: '500', status: 201 }, 'form'), { locale: 'zh-CN', retries: '0' });
    await fill(el, GOOD);
    await submit(el);
    await answered(el);
    expect(text($(el, '[part=error]'))).to.equal('留言未能发送：服务器繁忙（错误 500）。 您填写的内容都还在。 重试');
  });
});

describe('message-form: the page language changes', () => {
  it('labels, field errors, the summary and the failure panel follow a later lang change', async () => {
    const key = uniqueKey('lang');
    const host = await fixture(
      html`<div lang="en"><message-form required="name,email" action=${mockUrl({ key, fail: '500,500,500,500' }, 'form')} retries="0"></message-form></div>`,
    );
    const el = host.querySelector('message-form')!;
    await el.updateComplete;
    await submit(el);
    await el.updateComplete;
    expect(fieldError(el, 'name')).to.match(/[a-z]/i);
    expect(text($(el, '[part=summary]'))).to.match(/^Please/i);
    host.setAttribute('lang', 'zh-CN');
    await waitUntil(() => /[\u4e00-\u9fff]/.test(fieldError(el, 'name') ?? ''), 'the field error in Chinese');
    expect(text($(el, 'label[for=name]'))).to.contain('姓名');
    expect(text($(el, '[part=summary]'))).to.match(/[\u4e00-\u9fff]/);
    host.setAttribute('lang', 'en');
    await fill(el, GOOD);
    await submit(el);
    await waitUntil(() => $(el, '[part=error]'), 'the failure panel');
    const english = text($(el, '[part=error]'));
    host.setAttribute('lang', 'zh-CN');
    await waitUntil(
      () => text($(el, '[part=error]')) !== english && /[\u4e00-\u9fff]/.test(text($(el, '[part=error]'))),
      'the failure in Chinese',
    );
    expect(control(el, 'message').value).to.equal(GOOD.message);
  });

  it("a server's field errors keep its words while the form's own follow the language", async () => {
    const key = uniqueKey('lang-422');
    const body = JSON.stringify({ errors: { phone: 'Not a number we can call.', email: 'This address bounced.' } });
    const host = await fixture(
      html`<div lang="en"><message-form action=${mockUrl({ key, status: 422, body }, 'form')} retries="0"></message-form></div>`,
    );
    const el = host.querySelector('message-form')!;
    await el.updateComplete;
    await fill(el, GOOD);
    await submit(el);
    await waitUntil(() => fieldError(el, 'email'), "the server's error shown");
    // Leaving the phone (focused as the first in error) checks it again: the form's words now.
    await type(el, 'name', '');
    control(el, 'name').focus();
    control(el, 'name').blur();
    await el.updateComplete;
    expect(fieldError(el, 'name')).to.equal('Enter your name.');
    host.setAttribute('lang', 'zh-CN');
    await waitUntil(() => fieldError(el, 'name') === '请填写姓名。', "the form's own error in Chinese");
    expect(fieldError(el, 'email')).to.equal('This address bounced.');
    expect(text($(el, '[part=summary]'))).to.equal('请检查：姓名、邮箱');
  });
});
