import { html, isServer, nothing } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { property } from 'lit/decorators.js';
import type { ContentResponse } from '../core/network/content-client.js';
import type { Messages } from '../core/locale/locale.js';
import { pageBase } from '../core/page/address.js';
import { safeUrl } from '../core/security/safe-url.js';
import { contentLink } from '../core/ui/link.js';
import { skeletonLines } from '../core/ui/skeleton.js';
import { headingTag } from '../core/ui/heading.js';
import { CopyController } from '../core/ui/copy.js';
import { ContentElement } from '../core/element/content-element.js';
import { siteOf } from '../core/data/site-format.js';

type Field = 'address' | 'phone' | 'fax' | 'email' | 'website' | 'hours';

const messages: Messages<Record<Field, string> & { heading: string; copy: string; copied: string; copyFailed: string }> = {
  en: {
    heading: 'Contact',
    address: 'Address',
    phone: 'Phone',
    fax: 'Fax',
    email: 'Email',
    website: 'Website',
    hours: 'Hours',
    copy: 'Copy',
    copied: 'Copied',
    copyFailed: 'Could not copy',
  },
  'zh-CN': {
    heading: '联系方式',
    address: '地址',
    phone: '电话',
    fax: '传真',
    email: '邮箱',
    website: '网址',
    hours: '工作时间',
    copy: '复制',
    copied: '已复制',
    copyFailed: '复制失败',
  },
};

/** A `tel:` address from the first phone number in `phone`: digits and a leading `+` only. */
export function telHref(phone: string): string | undefined {
  const number = /\+?\d[\d\s().-]{4,}\d/.exec(phone)?.[0];
  return number ? 'tel:' + number.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '') : undefined;
}

// No `?`, `&`, `%` or `#`: an address must not smuggle extra headers (`?bcc=`) into the mailto: link.
const EMAIL = /^[\w.!$'*+=^`{|}~-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u;

/** A `mailto:` address for a syntactically valid e-mail address, else `undefined`. */
export function mailtoHref(email: string): string | undefined {
  return email.length <= 254 && EMAIL.test(email) ? safeUrl('mailto:' + email) : undefined;
}

/** A website's link: `www.example.com` is read as a host (https), not as a path relative to the page. */
function websiteHref(value: string, base: string): string | undefined {
  const host =
    !/^[a-z][\w+.-]*:/i.test(value) && /^[\w-]+(\.[\w-]+)*\.(?!html?\b|php\b|aspx?\b|jsp\b)[a-z]{2,}(:\d+)?([/?#]|$)/i.test(value);
  return safeUrl(host ? 'https://' + value : value, base);
}

/**
 * The contact block: address (a map link when `map` is given), phone as a `tel:` link, e-mail as
 * a `mailto:` link, website, fax and opening hours, each line labelled, with copy buttons for
 * the phone number and e-mail address. Reads `contact` from `site.json` at `src`; the plain
 * attributes win over it, and work without any `src`.
 *
 * @fires {CustomEvent<NewsroomLoadDetail>} newsroom-load - `site.json` loaded (detail `{ src, data }`).
 * @fires {CustomEvent<NewsroomErrorDetail>} newsroom-error - `site.json` failed to load (detail `{ src, error }`).
 * @csspart heading - The card's title.
 * @csspart list - The list of contact lines.
 * @csspart line - One line; also named after its field: `address`, `phone`, `fax`, `email`, `website`, `hours`.
 * @csspart address - Added to the address `line`.
 * @csspart phone - Added to the phone `line`.
 * @csspart fax - Added to the fax `line`.
 * @csspart email - Added to the email `line`.
 * @csspart website - Added to the website `line`.
 * @csspart hours - Added to the opening hours `line`.
 * @csspart label - A line's label ("Phone").
 * @csspart value - A line's value.
 * @csspart link - A value's link (map, tel:, mailto:, website).
 * @csspart copy - A copy button.
 * @csspart error - The error panel.
 * @csspart retry - The error panel's retry button.
 * @cssprop --newsroom-accent - Links and the title rule.
 * @cssprop --newsroom-muted - Labels.
 * @cssprop --newsroom-border - The card's frame.
 * @cssprop --newsroom-surface - The card's background.
 * @cssprop --newsroom-font - Font family.
 * @cssprop [--newsroom-width=20rem] - The width asked for where the page leaves it to the content (a flex row, an `auto` grid column).
 *
 * @tagname contact-card
 */
export class ContactCard extends ContentElement {
  static override loadStyles = () => import('./contact-card.styles.js');

  /** The card's title; defaults to `contact.title`, then "Contact" / "联系方式". */
  @property() heading?: string;

  /** Postal address (wins over `site.json`). */
  @property() address?: string;

  /** Phone number, shown as given and dialled with digits and `+` only. */
  @property() phone?: string;

  /** E-mail address; a link only when it is a valid address. */
  @property() email?: string;

  /** The company's website. */
  @property() website?: string;

  /** Fax number, shown as text. */
  @property() fax?: string;

  /** Opening hours, shown as text. */
  @property() hours?: string;

  /** A map page for the address; the address becomes its link. */
  @property() map?: string;

  private readonly clipboard = new CopyController(this);

  override render() {
    return this.content.render({
      initial: () => this.renderCard(),
      pending: () => this.renderSkeleton(),
      error: (error) => [this.renderError(error), this.renderCard()],
      complete: (response) => this.renderCard(response),
    });
  }

  /** Each line: the attribute if set, else `site.json`'s `contact`. */
  private renderCard(response?: ContentResponse) {
    const t = messages[this.resolvedLocale];
    const data = response ? (siteOf(response).contact ?? {}) : {};
    const raw = response?.data as { contact?: { website?: unknown } } | undefined;
    const rawWebsite = typeof raw?.contact?.website === 'string' ? raw.contact.website.trim() : undefined;
    // Shown as typed (less its scheme); `data.website` only says the URL passed the safety check.
    const [website, base] = this.website ? [this.website, pageBase()] : data.website && rawWebsite ? [rawWebsite, response!.url] : [];
    const phone = this.phone || data.phone;
    const email = this.email || data.email;
    const rows = [
      this.line('address', this.address || data.address, this.map ? safeUrl(this.map) : data.map),
      this.line('phone', phone, phone && telHref(phone)),
      this.line('fax', this.fax || data.fax),
      this.line('email', email, email && mailtoHref(email)),
      this.line('website', website?.replace(/^https?:\/\//i, '').replace(/\/$/, ''), website && websiteHref(website, base!)),
      this.line('hours', this.hours || data.hours),
    ].filter((row) => row !== nothing);
    if (!rows.length) return nothing;
    const tag = headingTag(this.headingLevel, 2);
    return html`<section aria-labelledby="heading" class=${this.resolvedLocale === 'zh-CN' ? 'zh' : ''}>
      ${staticHtml`<${tag} id="heading" class="heading" part="heading">${this.heading || data.title || t.heading}</${tag}>`}
      <dl part="list">${rows}</dl>
    </section>`;
  }

  /** A labelled line, its value a link when there is a safe `href`; nothing without `text`. */
  private line(field: Field, text: string | undefined, href?: string) {
    if (!text) return nothing;
    const t = messages[this.resolvedLocale];
    const copyable = (field === 'phone' || field === 'email') && this.live && !!navigator.clipboard;
    // A server-rendered card holds the button's place, unseen, from the start: when the button
    // appears after hydration (or never, without a clipboard), no line moves.
    const placeholder = !copyable && (field === 'phone' || field === 'email') && (isServer || this.fromServer);
    const copied = this.clipboard.result(field);
    return html`<div part="line ${field}" class="line">
      <dt part="label">${t[field]}</dt>
      <dd part="value">${this.link(text, href)}${
        copyable || placeholder
          ? html` <button type="button" part="copy" class=${copyable ? 'copy' : 'copy waiting'} ?disabled=${!copyable}
              @click=${() => this.clipboard.copy(field, text)}
            >${t.copy}<span class="visually-hidden"> ${t[field]}</span></button><span class="note" role="status"
            >${copied === undefined ? '' : copied ? t.copied : t.copyFailed}</span>`
          : nothing
      }</dd>
    </div>`;
  }

  private link(text: string, href: string | undefined) {
    if (!href) return text;
    return contentLink(href, text, this.resolvedLocale);
  }

  private renderSkeleton() {
    return html`<div aria-hidden="true">
      <div class="heading">${skeletonLines(1)}</div>
      <div class="skeleton-lines">${skeletonLines(6)}</div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'contact-card': ContactCard;
  }
}
