// dist/loader-on-interaction.js (`npm run build`) on a server-rendered page (renderPage, through
// the test server's /ssr-page/ middleware): a page that is only read runs no element code; a
// visitor reaching for an element brings its code, and what they did meanwhile is not lost.
import { expect, waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { type Frame, openFrame, uniqueKey } from './helpers.js';

type Live = HTMLElement & { hasUpdated?: boolean; updateComplete?: Promise<unknown>; requestUpdate(): void };

const DRAFT_PREFIX = 'newsroom-elements:message-draft:';
const forgetDrafts = () => Object.keys(localStorage).forEach((key) => key.startsWith(DRAFT_PREFIX) && localStorage.removeItem(key));

/**
 * The server-rendered test page in a frame; `before` runs on it before the loader's script is
 * added, which is then given time to do all it does at once.
 */
async function openPage(before: (document: Document) => void = () => {}, page = 'page.html?id=1001'): Promise<Frame> {
  const frame = await openFrame(`/ssr-page/${page}`);
  before(frame.document);
  const script = frame.document.createElement('script');
  script.type = 'module';
  script.src = '/dist/loader-on-interaction.js';
  const ran = new Promise((resolve) => script.addEventListener('load', resolve, { once: true }));
  frame.document.head.append(script);
  await ran;
  // Long enough for a module the loader asked for at once to arrive, on a busy machine too.
  await new Promise((resolve) => setTimeout(resolve, 500));
  return frame;
}

const element = (frame: Frame, selector: string) => frame.document.querySelector(selector) as Live;
const defined = (frame: Frame, tag: string) => frame.window.customElements.get(tag) !== undefined;
const scripts = (frame: Frame) =>
  frame.window.performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.endsWith('.js'));
const hydrated = (el: Live, what: string) => waitUntil(() => el.hasUpdated, `${what} hydrated`, { timeout: 20_000 });

describe('dist/loader-on-interaction.js on a server-rendered page', () => {
  beforeEach(forgetDrafts);
  afterEach(() => {
    document.querySelectorAll('iframe').forEach((frame) => frame.remove());
    forgetDrafts();
  });

  it('runs no element code while the page is only read: the server HTML shows, its links work', async () => {
    const frame = await openPage();
    const tags = ['news-provider', 'site-nav', 'news-article', 'related-articles', 'news-list', 'contact-card', 'message-form'];
    expect(tags.filter((tag) => defined(frame, tag))).to.deep.equal([]);
    expect(scripts(frame)).to.deep.equal(['/dist/loader-on-interaction.js']);
    expect(element(frame, 'news-article').shadowRoot!.querySelector('[part~=title]')!.textContent).to.equal(
      '利诚商贸与长春物流园签署战略合作协议',
    );
    const link = element(frame, 'news-list').shadowRoot!.querySelector<HTMLAnchorElement>('[part~=item] a[href]')!;
    expect(new URL(link.href).pathname).to.equal('/ssr-page/page.html');
    expect(frame.problems).to.deep.equal([]);
  });

  it('loads a menu once a button of it is clicked, and opens the sub-menu the click was for', async () => {
    const frame = await openPage();
    const nav = element(frame, 'site-nav');
    const toggle = nav.shadowRoot!.querySelector<HTMLButtonElement>('button.toggle')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    // A click with no pointer before it (a tap the code has not caught up with, an assistive
    // technology's click): replayed once the menu has hydrated.
    toggle.click();
    await hydrated(nav, 'site-nav');
    await waitUntil(() => toggle.getAttribute('aria-expanded') === 'true', 'the sub-menu opened', { timeout: 10_000 });
    expect(toggle.isConnected, 'hydrated, not rendered again').to.equal(true);
    // Every menu is one tag: the footer's came with it. The rest still wait.
    expect(element(frame, 'site-nav[variant=footer]').hasUpdated).to.equal(true);
    expect(['news-list', 'news-article', 'contact-card', 'message-form'].filter((tag) => defined(frame, tag))).to.deep.equal([]);
    // Clicked again now, the menu's own code takes the click: it closes, once.
    toggle.click();
    await element(frame, 'site-nav').updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(frame.problems).to.deep.equal([]);
  });

  it("opens a sub-menu once, whichever comes first, the menu's code or a real mouse's click", async () => {
    const frame = await openPage();
    const nav = element(frame, 'site-nav');
    // The first sub-menu's toggle in the bar (the Menu button is for narrow bars).
    const toggle = nav.shadowRoot!.querySelector<HTMLButtonElement>('button.toggle')!;
    const outer = frame.window.frameElement!.getBoundingClientRect();
    const box = toggle.getBoundingClientRect();
    // The mouse comes over the toggle, presses and releases: the click may land before the code.
    await sendMouse({
      type: 'click',
      position: [Math.round(outer.x + box.x + box.width / 2), Math.round(outer.y + box.y + box.height / 2)],
    });
    await hydrated(nav, 'site-nav');
    await waitUntil(() => toggle.getAttribute('aria-expanded') === 'true', 'the sub-menu opened', { timeout: 10_000 });
    // Opened once, not opened by the code and closed again by the replay.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    await sendMouse({ type: 'move', position: [0, 0] });
    expect(frame.problems).to.deep.equal([]);
  });

  it('loads an element when a pointer comes over it or focus comes into it', async () => {
    const frame = await openPage();
    const list = element(frame, 'news-list');
    list.shadowRoot!.querySelector('[part~=item] a')!.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await hydrated(list, 'news-list');
    const card = element(frame, 'contact-card');
    expect(defined(frame, 'contact-card')).to.equal(false);
    card.shadowRoot!.querySelector<HTMLElement>('a[href]')!.focus();
    await hydrated(card, 'contact-card');
    expect(frame.problems).to.deep.equal([]);
  });

  it('loads an element whose attribute, or whose language, changed: it shows the change', async () => {
    const frame = await openPage();
    const card = element(frame, 'contact-card');
    expect(card.shadowRoot!.textContent).to.contain('电话');
    card.setAttribute('locale', 'en');
    await hydrated(card, 'contact-card');
    await waitUntil(() => card.shadowRoot!.textContent!.includes('Phone'), 'the card in English', { timeout: 10_000 });

    const related = element(frame, 'related-articles');
    frame.document.querySelector('.col')!.setAttribute('lang', 'en');
    await hydrated(related, 'related-articles');
  });

  it('keeps what a visitor typed into the form before its code came, and saves it as a draft', async () => {
    const frame = await openPage();
    const form = element(frame, 'message-form');
    expect(defined(frame, 'message-form')).to.equal(false);
    const name = form.shadowRoot!.querySelector<HTMLInputElement>('#name')!;
    const message = form.shadowRoot!.querySelector<HTMLTextAreaElement>('#message')!;
    // Typed with no code on the page: the server's controls are plain HTML.
    name.value = '张三';
    message.value = '早到的留言';
    name.focus();
    await hydrated(form, 'message-form');
    // A render after hydrating writes the form's values into its controls: they are the typed ones.
    form.requestUpdate();
    await form.updateComplete;
    expect([name.value, message.value]).to.deep.equal(['张三', '早到的留言']);
    expect(name.isConnected).to.equal(true);
    await waitUntil(() => Object.keys(frame.window.localStorage).some((key) => key.startsWith(DRAFT_PREFIX)), 'the draft saved', {
      timeout: 5000,
    });
    const key = Object.keys(frame.window.localStorage).find((k) => k.startsWith(DRAFT_PREFIX))!;
    expect(JSON.parse(frame.window.localStorage.getItem(key)!).values).to.include({ name: '张三', message: '早到的留言' });
    expect(frame.problems).to.deep.equal([]);
  });

  it("loads the form at once where a visitor's draft is stored, and shows it", async () => {
    const first = await openPage();
    const form = element(first, 'message-form');
    form.shadowRoot!.querySelector<HTMLInputElement>('#name')!.focus();
    await hydrated(form, 'message-form');
    const name = form.shadowRoot!.querySelector<HTMLInputElement>('#name')!;
    name.value = '李四';
    name.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await waitUntil(() => Object.keys(localStorage).some((key) => key.startsWith(DRAFT_PREFIX)), 'the draft saved', { timeout: 5000 });

    const again = await openPage();
    const restored = element(again, 'message-form');
    await hydrated(restored, 'message-form');
    await waitUntil(
      () => restored.shadowRoot!.querySelector<HTMLInputElement>('#name')!.value === '李四',
      'the draft shown without a visitor reaching for the form',
      { timeout: 10_000 },
    );
    expect(defined(again, 'news-list')).to.equal(false);
  });

  it('loads at once an element whose source failed on the server, which shows why instead of its skeleton', async () => {
    // No article 9999: the server rendered the article's skeleton, its host aria-busy.
    const frame = await openPage(() => {}, 'page.html?id=9999');
    const article = element(frame, 'news-article');
    await hydrated(article, 'news-article');
    await waitUntil(() => article.shadowRoot!.querySelector('[role=alert]'), 'the error panel', { timeout: 10_000 });
    expect(article.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('404');
    expect(article.hasAttribute('aria-busy')).to.equal(false);
    // The rest of the page, filled by the server, still waits for a visitor.
    expect(['site-nav', 'news-list', 'contact-card', 'message-form'].filter((tag) => defined(frame, tag))).to.deep.equal([]);
  });

  it('loads at once the related links of an article the server could not read, which follow it once the browser reads it', async () => {
    const frame = await openPage(() => {}, `article-later.html?id=${uniqueKey('article-later')}`);
    const related = element(frame, 'related-articles');
    await waitUntil(() => related.shadowRoot!.querySelector('[part~=item]'), 'the related links', { timeout: 20_000 });
    expect(related.shadowRoot!.textContent).to.contain('全力保障残运会接待基地食品安全');
    expect(defined(frame, 'contact-card'), 'the rest still waits').to.equal(false);
    expect(frame.problems).to.deep.equal([]);
  });

  it('hydrates an element with hydrate="load" on it, or on an element around it, at once', async () => {
    const frame = await openPage((document) => {
      document.querySelector('contact-card')!.setAttribute('hydrate', 'load');
    });
    await hydrated(element(frame, 'contact-card'), 'contact-card');
    expect(defined(frame, 'news-list')).to.equal(false);

    const all = await openPage((document) => document.querySelector('news-provider')!.setAttribute('hydrate', 'load'));
    for (const tag of ['site-nav', 'news-article', 'related-articles', 'news-list', 'contact-card', 'message-form']) {
      await hydrated(element(all, tag), tag);
    }
    expect(all.problems).to.deep.equal([]);
  });
});
