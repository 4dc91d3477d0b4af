import { isServer, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
// The static-html `html`, for the textarea's server-rendered text (see renderField).
import { html, unsafeStatic } from 'lit/static-html.js';
import { DEFAULT_TIMEOUT } from '../core/network/content-client.js';
import { ContentError } from '../core/network/content-error.js';
import { emit } from '../core/element/events.js';
import { format } from '../core/locale/locale.js';
import { HydratingElement } from '../core/element/hydrating-element.js';
import { isTransient } from '../core/network/retry.js';
import { safeUrl } from '../core/security/safe-url.js';
import { quietButton } from '../core/ui/quiet-button.js';
import { draftKeyFor, loadDraft, storeDraft } from './draft.js';
import { check, FIELDS, type FieldName, filled, length, parseList, stringValues } from './fields.js';
import { type FormStrings, messages } from './message-form.messages.js';
import { postMessage, uuid } from './post-message.js';

export interface MessageSentDetail {
  /** The values sent, exactly as typed. */
  data: Record<string, string>;
  /** The server's answer: parsed JSON, else its text. */
  response: unknown;
  status: number;
}

/**
 * A message shown again, as a server answers a form post it refused: what the visitor typed, the
 * errors by field, and the `Idempotency-Key` the post carried (so fixing and resending it still
 * stores the message once).
 */
export interface MessageFormData {
  values?: Record<string, string>;
  errors?: Record<string, string | string[]>;
  idempotencyKey?: string;
}

export interface MessageFailedDetail {
  /** A `ContentError` (`kind` `network`, `timeout` or `http`) or, without `action`, an `Error`. */
  error: Error;
  status?: number;
  /** Field errors from a 400 / 422 answer. */
  errors?: Record<string, string>;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'message-sent': CustomEvent<MessageSentDetail>;
    'message-failed': CustomEvent<MessageFailedDetail>;
  }
  interface HTMLElementTagNameMap {
    'message-form': MessageForm;
  }
}

/** On the server there is no page address: relative actions are checked against a stand-in. */
const SERVER_BASE = 'http://server.invalid/';

/** Textarea text as HTML: only `&` and `<` matter inside it (a `</textarea>` must not close it). */
const textareaText = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Text written in whatever language the form speaks when it renders. */
type Text = (t: FormStrings) => string;

/**
 * The "leave us a message" form. It POSTs the fields as JSON to `action` with an
 * `Idempotency-Key` that stays the same across retries, retries network errors, timeouts, 5xx and
 * 429 with backoff, and never loses what a visitor typed: on failure every character stays in the
 * form with a Retry button, and a draft is kept in localStorage until the server accepts it.
 * Controls live in the element's own shadow-root `<form>`, so it may sit anywhere on a page.
 * Server-rendered (declarative shadow DOM), it is also a plain HTML form that works without
 * JavaScript: `method="post"` to `action`, urlencoded fields named as the JSON keys, plus
 * `_idempotency` (the message's key), `_csrf` (from `csrf-token`) and the `_gotcha` honeypot.
 *
 * @fires {CustomEvent<MessageSentDetail>} message-sent - The server accepted the message (detail `{ data, response, status }`).
 * @fires {CustomEvent<MessageFailedDetail>} message-failed - The message was not sent (detail `{ error, status?, errors? }`); the form keeps it.
 * @slot sent - Replaces the thank-you text shown once a message is sent.
 * @csspart form - The form.
 * @csspart field - One field (label, control, count, error); also named after the field: `name`, `phone`, …
 * @csspart name - Added to the name `field`.
 * @csspart phone - Added to the phone `field`.
 * @csspart email - Added to the email `field`.
 * @csspart subject - Added to the subject `field`.
 * @csspart message - Added to the message `field`.
 * @csspart label - A field's label.
 * @csspart control - An input or the textarea.
 * @csspart count - The message's character count.
 * @csspart field-error - A field's error text.
 * @csspart summary - The list of fields to check, after a submit.
 * @csspart draft - The notice that an unsent message was restored.
 * @csspart discard - Its "discard draft" button.
 * @csspart submit - The send button.
 * @csspart error - The panel shown when sending failed.
 * @csspart retry - Its Retry button.
 * @csspart sent - The thank-you panel.
 * @csspart send-another - Its "send another message" button.
 * @cssprop --newsroom-accent - The send button and focus rings.
 * @cssprop --newsroom-danger - Errors.
 * @cssprop --newsroom-border - Control borders.
 * @cssprop --newsroom-surface - Notices and the thank-you panel.
 * @cssprop --newsroom-input-background - Control background (default white).
 * @cssprop --newsroom-font - Font family.
 *
 * @tagname message-form
 */
export class MessageForm extends HydratingElement {
  static override loadStyles = () => import('./message-form.styles.js');

  /** The URL messages are POSTed to (resolved against the page; http and https only). */
  @property() action = '';

  /** The fields to show, in order: a comma list of `name`, `phone`, `email`, `subject`, `message`. */
  @property() fields = 'name,phone,email,message';

  /** The fields a visitor must fill: a comma list of names. The others are marked optional. */
  @property() required = 'name,email,message';

  /** Sent as `X-CSRF-Token`; defaults to the page's `<meta name="csrf-token">`. */
  @property({ attribute: 'csrf-token' }) csrfToken?: string;

  /** Cookies to send: `same-origin` (default), `include` (another origin's session) or `omit`. */
  @property() credentials: RequestCredentials = 'same-origin';

  /** Milliseconds before one attempt gives up (default 10 000). */
  @property({ type: Number }) timeout?: number;

  /** Extra attempts after a network error, timeout, 5xx or 429 (default 2). */
  @property({ type: Number }) retries = 2;

  /** First backoff step in milliseconds, doubling with each retry (default 1000). */
  @property({ type: Number, attribute: 'retry-delay' }) retryDelay = 1000;

  /** Keep no draft in localStorage (a shared computer, a form with sensitive fields). */
  @property({ type: Boolean, attribute: 'no-draft' }) noDraft = false;

  /**
   * A message to show again: `{ values, errors, idempotencyKey }`, as a server sends back a form
   * post it refused. Also read from a child `<script type="application/json">`. Not content as
   * on the other elements (nothing is loaded): the form's own state, handed back.
   */
  @property({ attribute: false }) data?: MessageFormData;

  @state() private values: Record<string, string> = {};
  /** By field: the form's own words follow a language change, a server's stay as it sent them. */
  @state() private errors: Partial<Record<FieldName, Text>> = {};
  @state() private phase: 'editing' | 'sending' | 'failed' | 'sent' = 'editing';
  @state() private failure: Text = () => '';
  /** A polite announcement: sending, draft discarded. */
  @state() private notice = '';
  @state() private restored = false;
  /** The key a plain form post carries as `_idempotency`: one per message, new once one is sent. */
  @state() private formKey = uuid();

  /** The fields shown, known names only: set from `fields` before each render. */
  private names: FieldName[] = [];
  /** Since the first submit, a field is checked as it is left and the summary lists what to fix. */
  private submitted = false;
  private pending?: { key: string; body: string };
  private draftKey?: string;
  private saveTimer?: ReturnType<typeof setTimeout>;
  private controller?: AbortController;
  /** The textarea's server-rendered text, fixed for the element's life (see renderField). */
  private messageText?: string;

  private get strings(): FormStrings {
    return messages[this.resolvedLocale];
  }

  private get actionUrl(): string | undefined {
    const url = safeUrl(this.action, isServer ? SERVER_BASE : undefined);
    return url && /^https?:/.test(url) ? url : undefined;
  }

  private isRequired(name: FieldName): boolean {
    return parseList(this.required).includes(name);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('pagehide', this.saveDraft);
    // A child `<script type="application/json">` holding a message to show again.
    const script = this.data === undefined && this.querySelector(':scope > script[type="application/json"]');
    if (script) {
      try {
        this.data = JSON.parse(script.textContent ?? '') as MessageFormData;
      } catch (error) {
        console.warn(`message-form: inline JSON ignored (${(error as Error).message})`);
      }
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('pagehide', this.saveDraft);
    this.saveDraft();
    // The draft keeps the message and its key: a later send of it is still recognised.
    this.controller?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('fields')) {
      const listed = parseList(this.fields);
      const unknown = listed.filter((name) => !(name in FIELDS));
      if (unknown.length) console.warn(`message-form: unknown fields ignored: ${unknown.join(', ')}`);
      const known = listed.filter((name): name is FieldName => name in FIELDS);
      this.names = known.length ? known : ['name', 'phone', 'email', 'message'];
    }
    if (changed.has('data')) this.showAgain(this.data);
    this.messageText ??= this.values.message ?? '';
    if (this.hydrating) {
      // What a visitor typed into the server's form before its code came is taken over (and saved
      // as the draft), before the render that hydrates it writes the form's values into the controls.
      for (const control of this.renderRoot.querySelectorAll<HTMLInputElement>('[part=control]')) {
        if (control.value != (this.values[control.name] ?? '')) this.onInput({ target: control } as unknown as Event);
      }
    } else if (changed.has('action') || changed.has('noDraft')) {
      // A server-rendered form hydrates as the server drew it; a saved draft comes back after it
      // (afterHydration), unless the visitor has typed.
      this.restoreDraft();
    }
  }

  /** A saved draft comes back once the form has hydrated as the server drew it. */
  protected override afterHydration(): void {
    super.afterHydration();
    this.restoreDraft();
  }

  /** Shows a message a server sent back: its values, its field errors and the summary. */
  private showAgain(data: MessageFormData | undefined): void {
    if (!data || typeof data !== 'object') return;
    this.values = stringValues(data.values);
    this.submitted = Object.keys(this.showFieldErrors(data)).length > 0;
    if (typeof data.idempotencyKey === 'string' && /^[\x21-\x7e]{1,200}$/.test(data.idempotencyKey)) this.formKey = data.idempotencyKey;
  }

  /** Picks up the draft for this `action` and page, unless the visitor has typed already. */
  private restoreDraft(): void {
    if (isServer) return;
    const key = this.noDraft ? undefined : draftKeyFor(this.actionUrl ?? this.action);
    if (key === this.draftKey) return;
    this.draftKey = key;
    if (!key || this.phase !== 'editing' || filled(this.values)) return;
    const draft = loadDraft(key);
    if (!draft || !filled(draft.values)) return;
    this.values = draft.values;
    this.pending = draft.pending;
    this.restored = true;
  }

  /** Stores the draft now (an arrow: it is the `pagehide` listener too). */
  private readonly saveDraft = (): void => {
    clearTimeout(this.saveTimer);
    if (this.draftKey && this.phase !== 'sent') storeDraft(this.draftKey, { values: this.values, pending: this.pending });
  };

  override render() {
    const t = this.strings;
    if (this.phase === 'sent') {
      return html`<div class="sent" role="status" part="sent" tabindex="-1">
        <slot name="sent"><p>${t.sent}</p></slot>
        ${quietButton(t.another, this.startAnother, { part: 'send-another' })}
      </div>`;
    }
    const sending = this.phase === 'sending';
    const invalid = this.names.filter((name) => this.errors[name]);
    // With script the submit handler sends JSON; without (server-rendered), the browser posts the
    // form itself, so it carries everything the JSON request carries in headers.
    return html`<form part="form" method="post" action=${this.actionUrl ? this.action : nothing} novalidate
      aria-busy=${sending ? 'true' : 'false'} @submit=${this.onSubmit}>
      <input type="hidden" name="_idempotency" value=${this.pending?.key ?? this.formKey} />
      ${this.csrfToken ? html`<input type="hidden" name="_csrf" value=${this.csrfToken} />` : nothing}
      ${
        this.restored
          ? html`<div class="draft" part="draft">
            <p>${t.restored}</p>
            ${quietButton(t.discard, this.discard, { part: 'discard' })}
          </div>`
          : nothing
      }
      <div class="summary" part="summary" role="status">${
        this.submitted && invalid.length ? t.summary + invalid.map((name) => t.labels[name]).join(t.listSeparator) : ''
      }</div>
      <div class="fields">${this.names.map((name) => this.renderField(name, t, sending))}</div>
      <div class="gotcha" aria-hidden="true">
        <label>${t.honeypot} <input name="_gotcha" tabindex="-1" autocomplete="off" /></label>
      </div>
      ${
        this.phase === 'failed'
          ? html`<div class="error" role="alert" part="error">
            <p>${this.failure(t)} ${t.kept}</p>
            ${quietButton(t.retry, this.retry, { part: 'retry' })}
          </div>`
          : nothing
      }
      <div class="actions">
        <button class="button" part="submit" aria-disabled=${sending ? 'true' : 'false'}>
          ${sending ? html`<span class="spinner" aria-hidden="true"></span>${t.sending}` : t.send}
        </button>
        <span class="visually-hidden" role="status">${this.notice}</span>
      </div>
    </form>`;
  }

  private renderField(name: FieldName, t: FormStrings, readonly: boolean) {
    const { type, autocomplete, inputmode, max } = FIELDS[name];
    const required = this.isRequired(name);
    const value = this.values[name] ?? '';
    const error = this.errors[name]?.(t);
    const count = length(value);
    const describedBy = [type === 'textarea' ? 'count' : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || nothing;
    const invalid = error ? 'true' : 'false';
    // The message has no `maxlength`: a browser would silently cut a long paste. The count and
    // the check on submit say how much is too much instead.
    // A server render writes an input's `.value` as its `value` attribute (Lit SSR reflects it).
    // It binds no values inside a `<textarea>`, yet must show the text sent back: that text is part
    // of the template itself, fixed for the element's life so the server's and the browser's
    // templates match (hydration) and typing never rebuilds the control; the live value goes
    // through `.value` as for inputs.
    const control =
      type === 'textarea'
        ? html`<textarea id=${name} name=${name} part="control" rows="7" ?required=${required} ?readonly=${readonly}
            aria-invalid=${invalid} aria-describedby=${describedBy}
            .value=${live(value)} @input=${this.onInput} @blur=${this.onBlur}>${unsafeStatic(textareaText(this.messageText!))}</textarea>`
        : html`<input id=${name} name=${name} part="control" type=${type} autocomplete=${autocomplete ?? nothing}
            inputmode=${inputmode ?? nothing} maxlength=${max} ?required=${required} ?readonly=${readonly}
            aria-invalid=${invalid} aria-describedby=${describedBy}
            .value=${live(value)} @input=${this.onInput} @blur=${this.onBlur} />`;
    return html`<div class="field ${name}" part="field ${name}">
      <label for=${name} part="label">${t.labels[name]}${required ? nothing : html`<span class="optional">${t.optional}</span>`}</label>
      ${control}
      ${
        type === 'textarea'
          ? html`<p id="count" class="count ${count > max ? 'over' : ''}" part="count">${format(t.count, { count, max })}</p>`
          : nothing
      }
      ${error ? html`<p id="${name}-error" class="field-error" part="field-error">${error}</p>` : nothing}
    </div>`;
  }

  private onInput(event: Event): void {
    const { name, value } = event.target as HTMLInputElement;
    this.values = { ...this.values, [name]: value };
    if (this.errors[name as FieldName]) this.validate([name as FieldName]);
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(this.saveDraft, 300);
  }

  private onBlur(event: Event): void {
    if (this.submitted) this.validate([(event.target as HTMLInputElement).name as FieldName]);
  }

  /** Checks `names` by the form's own rules, updates their errors, and returns every field still in error. */
  private validate(names: FieldName[]): FieldName[] {
    const errors = { ...this.errors };
    for (const name of names) {
      const problem = check(name, this.values[name] ?? '', this.isRequired(name));
      delete errors[name];
      if (problem) {
        errors[name] = (t) => {
          const label = t.labels[name];
          return format(t.problems[problem], { label, lower: label.toLowerCase(), max: FIELDS[name].max });
        };
      }
    }
    this.errors = errors;
    return this.names.filter((name) => errors[name]);
  }

  /** Shows `{ "errors": { field: message | [messages] } }` on the fields shown, in the server's words; returns them. */
  private showFieldErrors(body: unknown): Partial<Record<FieldName, string>> {
    // `Object()`: any `errors` value (a string, null, missing) can be looked into.
    const sent = Object((body as { errors?: unknown } | undefined)?.errors) as Record<string, unknown>;
    const found: Partial<Record<FieldName, string>> = {};
    const errors: Partial<Record<FieldName, Text>> = {};
    for (const name of this.names) {
      // A message, or a list of them: anything else is dropped.
      const text = [sent[name]]
        .flat()
        .filter((item) => typeof item === 'string')
        .join(' ');
      if (text.trim()) {
        found[name] = text;
        errors[name] = () => text;
      }
    }
    this.errors = errors;
    return found;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.phase === 'sending') return;
    this.submitted = true;
    const honeypot = (event.target as HTMLFormElement).elements.namedItem('_gotcha') as HTMLInputElement;
    // A bot: it sees success and learns nothing; nothing is sent.
    if (honeypot.value) return this.finish();
    this.errors = {};
    const invalid = this.validate(this.names);
    if (invalid.length) {
      this.phase = 'editing';
      return this.focusAfterUpdate(`#${invalid[0]}`);
    }
    return this.send();
  }

  private async send(): Promise<void> {
    const url = this.actionUrl;
    if (!url)
      return this.fail({ error: new Error(`message-form: no usable action (${JSON.stringify(this.action)})`) }, (t) => t.failed.setup);
    const data = Object.fromEntries(this.names.map((name) => [name, this.values[name] ?? '']));
    const body = JSON.stringify(data);
    // The same message keeps its key, even across a reload: the server stores it once.
    if (this.pending?.body !== body) this.pending = { key: uuid(), body };
    this.saveDraft();
    this.phase = 'sending';
    this.notice = this.strings.sending;
    const controller = (this.controller = new AbortController());
    try {
      const [response, answer] = await postMessage(url, body, {
        key: this.pending.key,
        csrfToken: this.csrfToken || document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content,
        credentials: (['include', 'omit'] as const).find((value) => value === this.credentials) ?? 'same-origin',
        timeout: this.timeout || DEFAULT_TIMEOUT,
        retries: Math.max(0, this.retries || 0),
        baseDelay: Math.max(0, this.retryDelay || 0),
        maxRetryAfter: 30_000,
        signal: controller.signal,
      });
      if (controller.signal.aborted) return;
      const { status } = response;
      if (response.ok) return this.finish({ data, response: answer, status });
      const error = new ContentError('http', `${url} answered ${status}`, status, url);
      const errors = status === 400 || status === 422 ? this.showFieldErrors(answer) : {};
      const invalid = Object.keys(errors);
      if (invalid.length) {
        this.fail({ error, status, errors });
        return this.focusAfterUpdate(`#${invalid[0]}`);
      }
      const busy = isTransient(status);
      // A 4xx explains what the visitor can change; a 5xx's text is for the server's logs.
      const said = busy ? '' : serverMessage(answer);
      this.fail({ error, status }, (t) => format(busy ? t.failed.busy : t.failed.rejected, { status }) + said);
    } catch (error) {
      if (!controller.signal.aborted)
        this.fail(
          { error: error as Error },
          (t) => t.failed[(error as ContentError | undefined)?.kind === 'timeout' ? 'timeout' : 'network'],
        );
    } finally {
      if (this.phase === 'sending') this.phase = 'editing';
    }
  }

  /** Not sent, and the message stays: the failure panel says `failure`, or the fields show what to fix. */
  private fail(detail: MessageFailedDetail, failure?: Text): void {
    this.phase = failure ? 'failed' : 'editing';
    this.failure = failure ?? this.failure;
    this.notice = '';
    emit(this, 'message-failed', detail);
  }

  /** Accepted (or a bot was fooled): the draft goes, the thank-you panel takes focus. */
  private finish(detail?: MessageSentDetail): Promise<void> {
    this.clear();
    this.phase = 'sent';
    if (detail) emit(this, 'message-sent', detail);
    return this.focusAfterUpdate('.sent');
  }

  /** An empty form with no draft behind it. */
  private clear(): void {
    this.values = {};
    this.errors = {};
    this.notice = '';
    this.pending = undefined;
    this.formKey = uuid();
    this.restored = this.submitted = false;
    this.saveDraft();
  }

  /** Focus moves to the send button first: the Retry button goes away while sending. */
  private retry(): void {
    this.renderRoot.querySelector<HTMLElement>('[part=submit]')?.focus();
    this.renderRoot.querySelector('form')?.requestSubmit();
  }

  private startAnother(): Promise<void> {
    this.phase = 'editing';
    return this.focusAfterUpdate(`#${this.names[0]}`);
  }

  private discard(): Promise<void> {
    this.clear();
    this.notice = this.strings.discarded;
    return this.startAnother();
  }

  private async focusAfterUpdate(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}

/** A short human message from an error answer (`message`, `error` or `detail`, or plain text), after a space; else ''. */
function serverMessage(body: unknown): string {
  const record = Object(body) as Record<string, unknown>;
  const text = [record.message, record.error, record.detail, body].find((value): value is string => typeof value === 'string')?.trim();
  return text && text.length <= 300 && !/^\s*</.test(text) ? ` ${text}` : '';
}
