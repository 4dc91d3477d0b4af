// Every field of every element, fed the public XSS payload lists (../shared/corpus/xss, served by
// the test server at /xss-corpus/): no payload runs, nothing unsafe survives in the rendered DOM,
// and no element throws. Payloads go in batches so the whole corpus renders in seconds.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/all.js';
import { fastClient, imagesSettled, mockUrl, uniqueKey } from './helpers.js';

interface Payload {
  id: number;
  raw: string;
  norm?: string;
}
type Watched = Window & { __xss?: (id: number) => void; __pwned?: unknown };

const CORPORA = ['dompurify-expect', 'h5sc', 'payloadbox', 'payloadsallthethings', 'sonar-mxss'];
const BATCH = 400;
const UNSAFE_TAGS = 'script, iframe, frame, frameset, object, embed, style, base, meta, link, template, svg, math';
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'cite'];

/** What must never be in an element's shadow DOM, whatever the content was. */
function unsafeIn(root: ShadowRoot): string[] {
  const found: string[] = [];
  for (const node of root.querySelectorAll(UNSAFE_TAGS)) found.push(`<${node.localName}>`);
  for (const node of root.querySelectorAll('*')) {
    for (const attribute of node.attributes) {
      if (/^on/i.test(attribute.name)) found.push(`${node.localName}[${attribute.name}]`);
      if (attribute.name === 'srcdoc') found.push(`${node.localName}[srcdoc]`);
      if (URL_ATTRIBUTES.includes(attribute.name) && /^\s*(javascript|vbscript|data|blob|file):/i.test(attribute.value)) {
        found.push(`${node.localName}[${attribute.name}=${attribute.value.slice(0, 40)}]`);
      }
    }
  }
  return found;
}

/** The corpus as strings: each payload as published and, where it has one, its named form. */
async function corpus(name: string): Promise<string[] | undefined> {
  const response = await fetch(`/xss-corpus/${name}.json`);
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`/xss-corpus/${name}.json answered ${response.status}: the corpora must be there on CI`);
  const { payloads } = (await response.json()) as { payloads: Payload[] };
  return payloads.flatMap((p) => (p.norm ? [p.norm, p.raw] : [p.raw]));
}

function batches<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

/** Each element, given a batch of payloads in every field it reads. */
const elements: Record<string, (batch: string[]) => ReturnType<typeof html>> = {
  'site-nav': (batch) => {
    const entry = (p: string, i: number) => ({
      label: p,
      href: p,
      children: [
        { label: p, href: p },
        { label: `c${i}`, href: `/c${i}/` },
      ],
    });
    const site = {
      name: batch[0],
      menus: { main: [{ label: 'Home', href: '/x/', children: batch.map(entry) }, ...batch.map(entry)], footer: batch.map(entry) },
    };
    return html`<div>
      ${['bar', 'side', 'footer', 'breadcrumb'].map((variant) => html`<site-nav variant=${variant} current="/x/" heading=${batch[1] ?? ''} .data=${site}></site-nav>`)}
    </div>`;
  },
  'contact-card': (batch) =>
    html`<div>
      ${batch.map(
        (p) => html`<contact-card
          .data=${{ contact: { title: p, address: p, phone: p, email: p, website: p, fax: p, hours: p, map: p } }}
        ></contact-card>`,
      )}
    </div>`,
  'news-list': (batch) => {
    const items = batch.map((p, i) => ({ id: `${i}`, title: `T${i} ${p}`, summary: p, url: p, image: p, category: p, date: p }));
    const posts = batch.map((p, i) => ({ id: i, title: { rendered: p }, excerpt: { rendered: p }, link: p, date: p }));
    return html`<div>
      <news-list page-size="100000" article-href=${batch[0]} .data=${{ items, categories: batch.map((p) => ({ id: p, label: p })) }}></news-list>
      <news-list layout="cards" page-size="100000" .data=${posts}></news-list>
    </div>`;
  },
  'news-article': (batch) => {
    const link = (p: string) => ({ id: p, title: p, url: p });
    const native = {
      id: batch[0],
      title: batch.join(' '),
      date: batch[0],
      source: batch.join(' '),
      author: batch[1] ?? '',
      editor: batch[2] ?? '',
      category: { id: batch[0], label: batch[0] },
      image: { url: batch[0], alt: batch[1] ?? '', caption: batch[2] ?? '' },
      body: batch.join('\n'),
      prev: link(batch[0]),
      next: link(batch[batch.length - 1]),
      related: batch.map(link),
    };
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      items: [{ id: '1', title: batch[0], content_html: batch.join('\n'), url: batch[1] }],
    };
    const post = { id: 1, title: { rendered: batch.join(' ') }, content: { rendered: batch.join('\n') }, link: batch[0] };
    return html`<div>
      <news-article article-href=${batch[0]} close back-href=${batch[1] ?? ''} .data=${native}></news-article>
      <news-article .data=${feed}></news-article>
      <news-article .data=${post}></news-article>
      ${batch.map((p) => html`<news-article .data=${{ id: '1', title: 'x', body: p }}></news-article>`)}
    </div>`;
  },
  'related-articles': (batch) =>
    html`<related-articles .data=${{ id: '1', title: 'x', body: '', related: batch.map((p) => ({ id: p, title: p, url: p, date: p })) }}></related-articles>`,
};

describe('the public XSS corpora through every field of every element', function () {
  this.timeout(300_000);
  const ran: number[] = [];
  const thrown: string[] = [];
  const onError = (event: ErrorEvent) => thrown.push(event.message);
  const onRejection = (event: PromiseRejectionEvent) => thrown.push(String(event.reason));
  const originals = { alert: window.alert, confirm: window.confirm, prompt: window.prompt, print: window.print };
  const warn = console.warn;
  before(() => {
    // Thousands of "ignored field" warnings would only slow the run: they are tested elsewhere.
    console.warn = () => {};
    (window as Watched).__xss = (id) => ran.push(id);
    for (const name of Object.keys(originals) as Array<keyof typeof originals>) {
      (window as unknown as Record<string, unknown>)[name] = () => ran.push(-1);
    }
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onRejection);
  });
  after(() => {
    console.warn = warn;
    delete (window as Watched).__xss;
    Object.assign(window, originals);
    removeEventListener('error', onError);
    removeEventListener('unhandledrejection', onRejection);
  });

  for (const [tag, template] of Object.entries(elements)) {
    it(`${tag}: renders every payload, runs none, keeps nothing unsafe, throws nothing`, async function () {
      let total = 0;
      for (const name of CORPORA) {
        const payloads = await corpus(name);
        if (!payloads) this.skip(); // the corpora live beside the repository (XSS_CORPUS_DIR to move them)
        for (const batch of batches(payloads!)) {
          const wrapper = await fixture(template(batch));
          const hosts = [...wrapper.querySelectorAll<HTMLElement & { updateComplete: Promise<unknown> }>(tag)];
          if (wrapper.localName === tag) hosts.push(wrapper as never);
          await Promise.all(hosts.map((host) => host.updateComplete));
          for (const host of hosts) {
            const root = host.shadowRoot!;
            expect(unsafeIn(root), `${name}: ${tag}`).to.deep.equal([]);
            expect(root.querySelector('[role=alert]'), `${name}: ${tag} showed an error`).to.equal(null);
            expect(root.textContent, `${name}: ${tag} printed a leak`).to.not.contain('[object Object]');
          }
          await imagesSettled(...hosts.map((host) => host.shadowRoot!));
          total += batch.length;
        }
      }
      expect(total).to.be.above(9000);
      expect(ran, 'payloads that ran').to.deep.equal([]);
      expect((window as Watched).__pwned).to.equal(undefined);
      expect(thrown, 'errors thrown into the page').to.deep.equal([]);
    });
  }

  it('message-form: hostile server replies show as text on the fields and in the failure panel', async function () {
    const payloads = await corpus('payloadbox');
    if (!payloads) this.skip();
    for (const batch of batches(payloads!.slice(0, 1600))) {
      const errors = { name: batch.slice(0, 200), email: batch.slice(200, 400).join(' ') };
      const invalid = mockUrl({ key: uniqueKey('xss'), fail: '422', failBody: JSON.stringify({ errors }) }, 'form');
      const refused = mockUrl(
        { key: uniqueKey('xss'), fail: '403', failBody: JSON.stringify({ message: batch.slice(400).join(' ').slice(0, 290) }) },
        'form',
      );
      for (const action of [invalid, refused]) {
        const wrapper = await fixture(
          html`<news-provider .client=${fastClient()}><message-form action=${action} retries="0"></message-form></news-provider>`,
        );
        const el = wrapper.querySelector('message-form')!;
        await el.updateComplete;
        const root = el.shadowRoot!;
        const set = (name: string, value: string) => {
          const control = root.querySelector<HTMLInputElement>(`[name=${name}]`)!;
          control.value = value;
          control.dispatchEvent(new Event('input'));
        };
        set('name', 'Wang');
        set('phone', '020-1234567');
        set('email', 'a@example.com');
        set('message', 'Hello there');
        await el.updateComplete;
        root.querySelector<HTMLButtonElement>('[part=submit]')!.click();
        await waitUntil(() => root.querySelector('[part=error], [aria-invalid=true]'), 'the reply shown', { timeout: 30_000 });
        const unsafe = unsafeIn(root).filter((found) => found !== '<form>');
        expect(unsafe).to.deep.equal([]);
      }
    }
    expect(ran).to.deep.equal([]);
    expect(thrown).to.deep.equal([]);
  });
});
