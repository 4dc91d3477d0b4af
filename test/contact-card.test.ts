import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ContactCard } from '../src/contact-card/contact-card.js';
import { mailtoHref, telHref } from '../src/contact-card/contact-card.js';
import '../src/contact-card/define.js';
import '../src/site-nav/define.js';
import { fastClient, loaded, mockLog, mockUrl, mount, parts, uniqueKey } from './helpers.js';

const SITE = '/test/fixtures/site.json';
const HOSTILE = '/test/fixtures/site-hostile.json';

const line = (el: ContactCard, field: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~=line][part~=${field}]`);
const value = (el: ContactCard, field: string) => line(el, field)?.querySelector('dd');
/** A value as a visitor reads it: its own text, without button labels or hidden hints. */
const shownValue = (el: ContactCard, field: string) => {
  const dd = value(el, field)!.cloneNode(true) as HTMLElement;
  dd.querySelectorAll('button, .visually-hidden, [role=status]').forEach((node) => node.remove());
  return dd.textContent!.trim();
};
const link = (el: ContactCard, field: string) => value(el, field)?.querySelector('a') ?? null;
const labels = (el: ContactCard) => parts(el, 'label').map((dt) => dt.textContent!.trim());

/** A card in a provider of `locale`; one from plain attributes has nothing to load. */
const mountCard = (template: unknown, locale = 'en') =>
  mount('contact-card', template, { locale, ready: (el) => (el.src ? loaded(el) : el.updateComplete) });

describe('contact-card from site.json', () => {
  it('shows the contact block: labelled lines, map, tel:, mailto: and website links', async () => {
    const el = await mountCard(html`<contact-card src=${SITE}></contact-card>`);
    const heading = parts(el, 'heading')[0];
    expect(heading.textContent).to.equal('联系方式');
    expect(el.shadowRoot!.querySelector('section')!.getAttribute('aria-labelledby')).to.equal(heading.id);
    expect(labels(el)).to.deep.equal(['Address', 'Phone', 'Email', 'Website']);
    expect(shownValue(el, 'address')).to.equal('吉林省长春市朝阳区人民大街 1688 号');
    expect(link(el, 'address')!.href).to.equal('https://maps.example/?q=%E4%BA%BA%E6%B0%91%E5%A4%A7%E8%A1%97');
    expect(link(el, 'address')!.rel).to.equal('noopener noreferrer');
    expect(shownValue(el, 'phone')).to.equal('020-123456789');
    expect(link(el, 'phone')!.getAttribute('href')).to.equal('tel:020123456789');
    expect(shownValue(el, 'email')).to.equal('admin@licheng.example');
    expect(link(el, 'email')!.getAttribute('href')).to.equal('mailto:admin@licheng.example');
    // A bare host is a website, not a path relative to site.json.
    expect(shownValue(el, 'website')).to.equal('www.licheng.example');
    expect(link(el, 'website')!.href).to.equal('https://www.licheng.example/');
    expect(link(el, 'website')!.target).to.equal('_blank');
    // Missing fields draw no line and no empty label.
    expect(!!line(el, 'fax')).to.equal(false);
    expect(!!line(el, 'hours')).to.equal(false);
    expect(el.shadowRoot!.textContent).to.not.match(/undefined|null|NaN|\[object Object\]/);
    await expect(el).to.be.accessible();
  });

  it('speaks Chinese, and defaults the title when site.json has none', async () => {
    const el = await mountCard(
      html`<contact-card .data=${{ contact: { phone: '0431-88881234', hours: '周一至周五 8:30–17:00', fax: '0431-88881235' } }}></contact-card>`,
      'zh-CN',
    );
    expect(parts(el, 'heading')[0].textContent).to.equal('联系方式');
    expect(labels(el)).to.deep.equal(['电话', '传真', '工作时间']);
    expect(shownValue(el, 'fax')).to.equal('0431-88881235');
    expect(!!link(el, 'fax')).to.equal(false);
    expect(shownValue(el, 'hours')).to.equal('周一至周五 8:30–17:00');
    // The label's colon is decoration, not text.
    expect(getComputedStyle(parts(el, 'label')[0], '::after').content).to.contain('：');
    await expect(el).to.be.accessible();

    const en = await mountCard(html`<contact-card .data=${{ contact: { phone: '0431-88881234' } }}></contact-card>`);
    expect(parts(en, 'heading')[0].textContent).to.equal('Contact');
  });

  it('shows a skeleton while loading, and an error with a retry button on failure', async () => {
    const provider = await fixture(
      html`<news-provider .client=${fastClient()}><contact-card src=${mockUrl({ key: uniqueKey(), delay: 400, then: SITE })}></contact-card></news-provider>`,
    );
    const el = provider.querySelector('contact-card')!;
    await el.updateComplete;
    // A title and six lines: the size of a full contact block, so the page does not shift.
    expect(el.shadowRoot!.querySelectorAll('.skeleton').length).to.equal(7);
    expect(parts(el, 'line').length).to.equal(0);
    await loaded(el);
    expect(parts(el, 'line').length).to.equal(4);

    const broken = await mountCard(
      html`<contact-card phone="0431-88881234" src=${mockUrl({ key: uniqueKey(), fail: '500,500,500' })}></contact-card>`,
    );
    expect(!!broken.shadowRoot!.querySelector('[role=alert] [part=retry]')).to.equal(true);
    // What the attributes say still shows under the error.
    expect(shownValue(broken, 'phone')).to.equal('0431-88881234');
    await expect(broken).to.be.accessible();
  });

  it('shares one site.json request with the menus on the page', async () => {
    const key = uniqueKey();
    const src = mockUrl({ key, delay: 100, then: SITE });
    const provider = await fixture(html`<news-provider .client=${fastClient()}>
      <site-nav src=${src}></site-nav>
      <site-nav variant="breadcrumb" src=${src} current="/news/"></site-nav>
      <contact-card src=${src}></contact-card>
    </news-provider>`);
    const el = provider.querySelector('contact-card')!;
    await loaded(el);
    await waitUntil(() => [...provider.querySelectorAll('site-nav')].every((nav) => nav.shadowRoot!.querySelector('nav')));
    expect(shownValue(el, 'phone')).to.equal('020-123456789');
    expect((await mockLog(key)).length).to.equal(1);
  });
});

describe('contact-card from attributes', () => {
  it('works without any src', async () => {
    const el =
      await mountCard(html`<contact-card heading="Get in touch" address="1 People's Street, Changchun" phone="+86 (431) 8888-1234 ext. 8001"
      email="sales@licheng.example" website="https://www.licheng.example/" fax="+86 431 8888 1235" hours="Mon–Fri 8:30–17:00"
      map="https://maps.example/changchun"></contact-card>`);
    expect(parts(el, 'heading')[0].textContent).to.equal('Get in touch');
    expect(labels(el)).to.deep.equal(['Address', 'Phone', 'Fax', 'Email', 'Website', 'Hours']);
    expect(link(el, 'phone')!.getAttribute('href')).to.equal('tel:+8643188881234');
    expect(link(el, 'address')!.href).to.equal('https://maps.example/changchun');
    expect(shownValue(el, 'website')).to.equal('www.licheng.example');
    expect(link(el, 'website')!.href).to.equal('https://www.licheng.example/');
    await expect(el).to.be.accessible();
  });

  it('wins over site.json, field by field', async () => {
    const el = await mountCard(html`<contact-card src=${SITE} phone="0431-1234567" heading="Sales"></contact-card>`);
    expect(parts(el, 'heading')[0].textContent).to.equal('Sales');
    expect(shownValue(el, 'phone')).to.equal('0431-1234567');
    expect(link(el, 'phone')!.getAttribute('href')).to.equal('tel:04311234567');
    expect(shownValue(el, 'email')).to.equal('admin@licheng.example');
  });

  it('renders nothing with nothing to show', async () => {
    const el = await mountCard(html`<contact-card></contact-card>`);
    expect(el.shadowRoot!.textContent!.trim()).to.equal('');
    expect(!!el.shadowRoot!.querySelector('section')).to.equal(false);
  });
});

describe('contact-card copy buttons', () => {
  let original: PropertyDescriptor | undefined;
  let copied: string[];
  let fail: boolean;
  beforeEach(() => {
    original = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
    copied = [];
    fail = false;
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => (fail ? Promise.reject(new Error('denied')) : void copied.push(text)) },
    });
  });
  afterEach(() => {
    if (original) Object.defineProperty(navigator, 'clipboard', original);
    else delete (navigator as { clipboard?: unknown }).clipboard;
  });

  it('copies the phone number and e-mail address, from the keyboard too, and says so', async () => {
    const el = await mountCard(html`<contact-card phone="020-123456789" email="admin@licheng.example" address="Changchun"></contact-card>`);
    const buttons = parts(el, 'copy');
    expect(buttons.map((b) => b.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(['Copy Phone', 'Copy Email']);
    expect(!!line(el, 'address')!.querySelector('button')).to.equal(false);
    buttons[0].click();
    await waitUntil(() => copied.length === 1);
    await el.updateComplete;
    expect(copied).to.deep.equal(['020-123456789']);
    expect(line(el, 'phone')!.querySelector('[role=status]')!.textContent).to.equal('Copied');

    buttons[1].focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => copied.length === 2);
    await el.updateComplete;
    expect(copied[1]).to.equal('admin@licheng.example');
    expect(line(el, 'email')!.querySelector('[role=status]')!.textContent).to.equal('Copied');
    expect(line(el, 'phone')!.querySelector('[role=status]')!.textContent).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('says when copying failed', async () => {
    const el = await mountCard(html`<contact-card phone="020-123456789"></contact-card>`, 'zh-CN');
    fail = true;
    parts(el, 'copy')[0].click();
    await waitUntil(() => line(el, 'phone')!.querySelector('[role=status]')!.textContent === '复制失败');
  });
});

describe('contact-card hostile input', () => {
  it('renders hostile site.json strings as text and unsafe addresses as no link', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(message);
    let el: ContactCard;
    try {
      el = await mountCard(html`<contact-card src=${HOSTILE}></contact-card>`);
    } finally {
      console.warn = original;
    }
    expect(parts(el, 'heading')[0].textContent).to.equal('<h1>Contact</h1>');
    expect(shownValue(el, 'address')).to.equal('<img src=x onerror="window.__pwned=1">');
    expect(!!link(el, 'address')).to.equal(false); // the data: map is dropped
    expect(shownValue(el, 'phone')).to.equal('020-1234<script>alert(1)</script>');
    expect(link(el, 'phone')!.getAttribute('href')).to.equal('tel:0201234');
    // A "valid-looking" address that smuggles headers is text, not a link.
    expect(shownValue(el, 'email')).to.equal('evil@example.com?bcc=everyone@example.com');
    expect(!!link(el, 'email')).to.equal(false);
    expect(!!line(el, 'website')).to.equal(false);
    expect(!!line(el, 'fax')).to.equal(false);
    expect(!!line(el, 'hours')).to.equal(false);
    expect(el.shadowRoot!.querySelectorAll('img, script, h1').length).to.equal(0);
    expect(el.shadowRoot!.textContent).to.not.match(/undefined|NaN|\[object Object\]/);
    expect(warnings.some((w) => w.includes('contact.website'))).to.equal(true);
    expect(warnings.some((w) => w.includes('contact.fax'))).to.equal(true);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('renders hostile attributes as text: script: websites, bad e-mail addresses, numberless phones', async () => {
    for (const website of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java&#x09;script:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:x',
    ]) {
      const el = await mountCard(html`<contact-card website=${website} map="javascript:alert(1)" address="Here"></contact-card>`);
      expect(!!link(el, 'website'), website).to.equal(false);
      expect(!!link(el, 'address'), website).to.equal(false);
      expect(shownValue(el, 'website')).to.equal(website.trim());
    }
    const el = await mountCard(html`<contact-card email="<b>x</b>@licheng.example" phone="call us"></contact-card>`);
    expect(!!link(el, 'email')).to.equal(false);
    expect(shownValue(el, 'email')).to.equal('<b>x</b>@licheng.example');
    expect(!!link(el, 'phone')).to.equal(false);
    expect(shownValue(el, 'phone')).to.equal('call us');
  });

  it('builds tel: and mailto: addresses strictly', () => {
    expect(telHref('020-123456789')).to.equal('tel:020123456789');
    expect(telHref('+86 (431) 8888-1234 转 8001')).to.equal('tel:+8643188881234');
    expect(telHref('400 800 1234 / 0431-1234567')).to.equal('tel:4008001234');
    expect(telHref('12')).to.equal(undefined);
    expect(telHref('javascript:alert(1)')).to.equal(undefined);
    expect(mailtoHref('admin@licheng.example')).to.equal('mailto:admin@licheng.example');
    expect(mailtoHref('销售@利诚.中国')).to.equal(undefined); // non-ASCII local parts are not offered as links
    expect(mailtoHref('info@利诚.中国')).to.equal('mailto:info@%E5%88%A9%E8%AF%9A.%E4%B8%AD%E5%9B%BD');
    for (const bad of [
      'admin',
      'a@b',
      'a@b.com?subject=x',
      'a@b.com&bcc=c@d.com',
      'a b@c.com',
      'a@b.com\nbcc: c@d.com',
      '"a"@b.com',
      'a@b.com#x',
      'a%0a@b.com',
      'x'.repeat(250) + '@b.com',
    ]) {
      expect(mailtoHref(bad), bad).to.equal(undefined);
    }
  });
});

describe("contact-card: in the host page's layout", () => {
  it('is not collapsed in a flex row, in an auto grid column or inline-block', async () => {
    const page = await fixture(html`<div>
      <div style="display:flex;width:800px"><contact-card phone="020-123456789" email="info@example.com"></contact-card></div>
      <div style="display:grid;grid-template-columns:auto 1fr;width:800px"><contact-card phone="020-123456789"></contact-card><div>x</div></div>
      <div style="width:800px"><span style="display:inline-block"><contact-card phone="020-123456789"></contact-card></span></div>
    </div>`);
    const cards = [...page.querySelectorAll('contact-card')];
    for (const card of cards) await card.updateComplete;
    for (const card of cards) {
      const width = card.getBoundingClientRect().width;
      expect(width).to.be.above(200);
      expect(width).to.be.at.most(800);
      const phone = card.shadowRoot!.querySelector('[part~=phone] dd')!;
      expect(phone.getBoundingClientRect().width).to.be.above(50);
    }
    expect(
      getComputedStyle(cards[0]).getPropertyValue('contain-intrinsic-inline-size') || getComputedStyle(cards[0]).containIntrinsicWidth,
    ).to.match(/320px|20rem/);
  });

  it('--newsroom-width sets the width it asks for', async () => {
    const row = await fixture(
      html`<div style="display:flex;width:800px"><contact-card style="--newsroom-width: 500px" phone="020-123456789"></contact-card></div>`,
    );
    expect(Math.round(row.firstElementChild!.getBoundingClientRect().width)).to.equal(500);
  });
});
