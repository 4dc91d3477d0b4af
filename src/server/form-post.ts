import { format, type Locale } from '../core/locale/locale.js';
import { FIELDS, type FieldName } from '../message-form/fields.js';
import type { MessageFormData } from '../message-form/message-form.js';
import { type MessageRules, readRules, validateMessage } from '../message-form/validate.js';
import type { MessageRecord, MessageStore } from './stores.js';
import { localeOf, texts } from './texts.js';

export interface FormPostOptions {
  store: MessageStore;
  rules?: MessageRules;
  /** Bytes a body may have (default 64 KB); more is a 413. */
  limit?: number;
  /** Where a browser goes once its message is stored (303): a path, or one per language. */
  thanks?: string | Partial<Record<Locale, string>>;
  /** Where the inbox lists a stored message (the `Location` of a 201), when there is an inbox. */
  location?: (id: string) => string;
  /** The form's page again, with the message and its errors: for a browser without JavaScript. */
  showAgain: (request: Request, locale: Locale, data: MessageFormData) => Promise<Response>;
  onError?: (error: Error) => void;
}

const KEY = /^[\x21-\x7e]{1,200}$/;
/** Fields a plain form post carries beside the message (see message-form). */
const FORM_CONTROLS = new Set(['_idempotency', '_csrf', '_gotcha']);
const JSON_CONTROLS = new Set(['_gotcha']);

class Refused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Sent with every answer of the handler. */
export const HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Cache-Control': 'no-cache',
};

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { ...HEADERS, 'Content-Type': 'application/json; charset=utf-8', ...headers } });

/**
 * A message posted as JSON (message-form with script, any client) or as a plain urlencoded form
 * (message-form server-rendered, without script). Checked by message-form's own rules and
 * words; stored once per `Idempotency-Key` (`_idempotency` in a form); the same key with a
 * different message is refused (422, per the IETF Idempotency-Key draft), never answered with a
 * silent success; acknowledged only once stored. A browser's form post is answered with a 303 to
 * the thank-you page, or its page again with the errors; any other client gets JSON.
 */
export async function takeMessage(request: Request, options: FormPostOptions): Promise<Response> {
  const url = new URL(request.url);
  const locale = localeOf(request, url);
  const t = texts[locale];
  const type = request.headers.get('content-type') ?? '';
  const isForm = /^application\/x-www-form-urlencoded\s*(;|$)/i.test(type);
  const browser = isForm && /\btext\/html\b/i.test(request.headers.get('accept') ?? '');
  const limit = options.limit ?? 64 * 1024;
  const fail = (status: number, message: string, headers?: Record<string, string>) =>
    browser
      ? new Response(message, { status, headers: { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...headers } })
      : json(status, { errors: { form: message } }, headers);

  if (!isForm && !/^application\/json\s*(;|$)/i.test(type)) return fail(415, t.type);
  let fields: Record<string, unknown>;
  let key: string | undefined;
  try {
    const text = await readText(request, limit, t);
    fields = isForm ? formFields(text, t) : jsonFields(text, t);
    const raw = isForm ? fields._idempotency : (request.headers.get('idempotency-key') ?? undefined);
    key = raw === '' ? undefined : (raw as string | undefined);
    if (key !== undefined && (typeof key !== 'string' || !KEY.test(key))) throw new Refused(400, t.key);
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    return fail(error.status, error.message);
  }

  const rules = readRules(options.rules);
  const values = Object.fromEntries(
    rules.fields.filter((name) => typeof fields[name] === 'string').map((name) => [name, fields[name] as string]),
  );
  // A browser shows an error about the whole message on a field it has (the message's own).
  const shown = rules.fields.includes('message') ? 'message' : rules.fields[0];
  const whole = (text: string) => (browser ? { [shown]: text } : { form: text });
  const again = (status: number, data: MessageFormData) =>
    browser ? options.showAgain(request, locale, data).then((page) => withStatus(page, status)) : json(status, { errors: data.errors });

  const controls = isForm ? FORM_CONTROLS : JSON_CONTROLS;
  const unknown = Object.keys(fields).filter((name) => !controls.has(name) && !rules.fields.includes(name as FieldName));
  if (unknown.length) return again(422, { values, errors: whole(format(t.unknown, { names: unknown.join(', ') })), idempotencyKey: key });
  const result = validateMessage(fields, options.rules, locale);
  if (result.errors) return again(422, { values, errors: result.errors, idempotencyKey: key });

  const thanks = (id: string, replayed: boolean) =>
    browser
      ? new Response(null, { status: 303, headers: { ...HEADERS, Location: thanksPage(options.thanks, locale, request) } })
      : json(
          201,
          { id },
          { ...(options.location && { Location: options.location(id) }), ...(replayed && { 'Idempotent-Replayed': 'true' }) },
        );
  // A filled honeypot is a bot: it is thanked, and nothing is stored.
  const gotcha = fields._gotcha;
  if (typeof gotcha === 'string' && gotcha.trim()) return thanks(crypto.randomUUID(), false);

  const record: MessageRecord = {
    id: crypto.randomUUID(),
    receivedAt: new Date().toISOString(),
    message: result.message,
    idempotencyKey: key,
    fingerprint: await fingerprint(result.message),
  };
  let stored: MessageRecord;
  try {
    stored = await options.store.add(record);
  } catch (error) {
    // Never acknowledged unless stored: the client (message-form retries a 503) sends it again.
    options.onError?.(error as Error);
    return fail(503, t.failed, { 'Retry-After': '2' });
  }
  if (stored.id === record.id) return thanks(record.id, false);
  if ((stored.fingerprint || (await fingerprint(stored.message))) === record.fingerprint) return thanks(stored.id, true);
  // Another message under this key: refused, with everything typed kept and a fresh key to send it.
  return again(422, { values, errors: whole(t.reused), idempotencyKey: browser ? crypto.randomUUID() : undefined });
}

/** The body as text, at most `limit` bytes (a 413 beyond, whatever Content-Length says). */
async function readText(request: Request, limit: number, t: (typeof texts)[Locale]): Promise<string> {
  const tooLarge = () => new Refused(413, format(t.tooLarge, { limit: Math.round(limit / 1024) }));
  if (Number(request.headers.get('content-length')) > limit) throw tooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Refused(400, t.encoding);
  }
}

function jsonFields(text: string, t: (typeof texts)[Locale]): Record<string, unknown> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Refused(400, t.json);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Refused(400, t.object);
  return body as Record<string, unknown>;
}

/** Urlencoded fields; a broken `%` escape or a field sent twice is refused, not guessed at. */
function formFields(text: string, t: (typeof texts)[Locale]): Record<string, string> {
  if (/%(?![0-9a-f]{2})/i.test(text)) throw new Refused(400, t.form);
  const fields: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(text)) {
    if (Object.hasOwn(fields, name)) throw new Refused(400, format(t.repeated, { name }));
    // Browsers send a textarea's line breaks as CRLF; JSON clients send what was typed (LF).
    fields[name] = value.replace(/\r\n?/g, '\n');
  }
  return fields;
}

/** A digest of the message's fields in a fixed order: the same message gives the same one. */
export async function fingerprint(message: MessageRecord['message']): Promise<string> {
  const canonical = JSON.stringify((Object.keys(FIELDS) as FieldName[]).map((name) => message[name] ?? null));
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

function thanksPage(thanks: FormPostOptions['thanks'], locale: Locale, request: Request): string {
  const page = typeof thanks === 'string' ? thanks : (thanks?.[locale] ?? thanks?.en);
  if (page) return page;
  // Without a thank-you page: back to the page the form is on.
  const referer = request.headers.get('referer');
  try {
    if (referer && new URL(referer).origin === new URL(request.url).origin) return new URL(referer).pathname;
  } catch {
    // Not a URL.
  }
  return '/';
}

const withStatus = (response: Response, status: number) => new Response(response.body, { status, headers: response.headers });
