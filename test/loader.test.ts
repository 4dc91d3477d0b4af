import { expect, waitUntil } from '@open-wc/testing';
import { until } from './helpers.js';

// dist/loader.js (`npm run build`) in a frame under
// `require-trusted-types-for 'script'; trusted-types lit-html dompurify newsroom`.
type FrameWindow = Window & {
  __report: { violations: string[]; errors: string[] };
  __pwned?: unknown;
  customElements: CustomElementRegistry;
};

let frame: HTMLIFrameElement;
const win = () => frame.contentWindow as FrameWindow;
const doc = () => frame.contentDocument!;
const scripts = () =>
  win()
    .performance.getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.endsWith('.js'));
/** A fixture page in an iframe, once it has loaded. */
async function openFrame(src: string): Promise<HTMLIFrameElement> {
  const iframe = document.createElement('iframe');
  iframe.src = src;
  document.body.append(iframe);
  await new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  return iframe;
}
const shadowText = (el: Element | null | undefined) => el?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('the lazy loader', () => {
  before(async function () {
    // The frame's load waits for every chunk; a busy 2-core machine once took Firefox over 20 s.
    this.timeout(60_000);
    frame = await openFrame('/test/fixtures/loader-page.html');
  });
  after(() => frame.remove());

  it('on a page with only site-nav and contact-card, loads their code and no list, article or form code', async () => {
    await waitUntil(() => shadowText(doc().querySelector('contact-card')).includes('020-123456789'), 'contact-card rendered');
    await waitUntil(() => shadowText(doc().querySelector('site-nav')).includes('新闻动态'), 'site-nav rendered');
    const loaded = scripts();
    expect(loaded.some((path) => /\/dist\/cdn\/site-nav-/.test(path))).to.equal(true);
    expect(loaded.some((path) => /\/dist\/cdn\/contact-card-/.test(path))).to.equal(true);
    expect(loaded.some((path) => /\/dist\/cdn\/core-/.test(path))).to.equal(true); // Lit and the shared core
    expect(
      // Nor Lit's hydration support: nothing on this page came server-rendered.
      loaded.filter((path) => /news-list|news-article|related-articles|message-form|dompurify|hydrate|newsroom-elements\.js/.test(path)),
    ).to.deep.equal([]);
    expect(['news-list', 'news-article', 'message-form'].map((tag) => win().customElements.get(tag))).to.deep.equal([
      undefined,
      undefined,
      undefined,
    ]);
    // Each chunk once, though the loader is on the page twice.
    const chunks = loaded.filter((path) => path.includes('/dist/cdn/'));
    expect(chunks.length).to.equal(new Set(chunks).size);
  });

  it('upgrades a tag added later, in the document and inside shadow roots', async () => {
    // (Data as a property: this page's Trusted Types policy blocks innerHTML and script text.)
    const list = doc().createElement('news-list') as HTMLElement & { data: unknown };
    list.data = { items: [{ id: '1', title: '后来加入的新闻' }] };
    doc().body.append(list);
    await waitUntil(() => shadowText(list).includes('后来加入的新闻'), 'news-list added to the document rendered');

    // A host component's open shadow root, added with our element already inside.
    const host = doc().createElement('div');
    const related = doc().createElement('related-articles') as HTMLElement & { data: unknown };
    related.data = { id: '1', title: '文章', related: [{ id: '9', title: '影子里的相关文章', url: '/news/9.html' }] };
    host.attachShadow({ mode: 'open' }).append(related);
    doc().body.append(host);
    await waitUntil(() => shadowText(related).includes('影子里的相关文章'), 'related-articles inside a shadow root rendered');

    // Added later into the shadow root of one of ours.
    const card = doc().querySelector('contact-card')!;
    const form = doc().createElement('message-form');
    form.setAttribute('action', '/mock/loader-form');
    card.shadowRoot!.append(form);
    await waitUntil(
      () => win().customElements.get('message-form') !== undefined && !!form.shadowRoot?.querySelector('form'),
      'message-form inside a shadow root upgraded',
    );
  });

  it('runs under strict Trusted Types with hostile content inert and no error', async () => {
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(win().__report.violations).to.deep.equal([]);
    expect(win().__report.errors).to.deep.equal([]);
    expect(win().__pwned).to.equal(undefined);
    expect(shadowText(doc().querySelector('site-nav'))).to.not.contain('onerror=window'); // sub-menu closed, label never parsed
  });
});

describe('the lazy loader when the news-provider code comes last', () => {
  let late: HTMLIFrameElement;
  before(async () => {
    late = await openFrame('/test/fixtures/loader-late-provider.html');
  });
  after(() => late.remove());

  it("defines the elements inside it after the provider, so src resolves against the provider's base", async () => {
    const lateDoc = late.contentDocument!;
    await until(() => shadowText(lateDoc.querySelector('site-nav')).includes('新闻动态'), 'site-nav rendered');
    await waitUntil(() => shadowText(lateDoc.querySelector('contact-card')).length > 0, 'contact-card rendered');
    const requested = (late.contentWindow as Window).performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.endsWith('.json'));
    expect(requested).to.deep.equal(['/test/fixtures/site.json']);
    expect(lateDoc.querySelector('site-nav')!.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
  });
});
