// A server-rendered page (renderPage, through the test server's /ssr-page/ middleware) in a real
// browser: its content is there before any script, the elements hydrate with no content request,
// no layout shift, no re-created DOM and no hydration error, and everything works afterwards.
import { expect, waitUntil } from '@open-wc/testing';
import { type Frame, mockLog, openFrame, uniqueKey } from './helpers.js';

/** Loads a server-rendered page (test/fixtures/ssr/<name>.html) in an iframe, without its script yet. */
const openPage = (query: string, name = 'page'): Promise<Frame> => openFrame(`/ssr-page/${name}.html${query}`);

/** Runs the npm build's registering entry (or `entry`) in the frame (Lit in dev mode: hydration checks on). */
async function hydrate(frame: Frame, entry = '/dist/all.js'): Promise<void> {
  const script = frame.document.createElement('script');
  script.type = 'module';
  script.src = entry;
  const done = new Promise((resolve, reject) => {
    script.addEventListener('load', resolve, { once: true });
    script.addEventListener('error', reject, { once: true });
  });
  frame.document.head.append(script);
  await done;
  const elements = [...frame.document.querySelectorAll('site-nav, news-article, related-articles, news-list, contact-card, message-form')];
  await waitUntil(() => elements.every((el) => (el as unknown as { hasUpdated: boolean }).hasUpdated), 'every element hydrated');
  for (const el of elements) await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
}

const shadow = (frame: Frame, selector: string) => frame.document.querySelector(selector)!.shadowRoot!;
const contentRequests = (frame: Frame) =>
  frame.window.performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.endsWith('.json'));

describe('a server-rendered page', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('shows its content before any script runs: article, menus, list, contact lines, the form', async () => {
    const frame = await openPage('?id=1001');
    expect(frame.window.customElements.get('news-article')).to.equal(undefined);
    expect(shadow(frame, 'news-article').querySelector('[part~=title]')!.textContent).to.equal('利诚商贸与长春物流园签署战略合作协议');
    expect(shadow(frame, 'news-article').querySelectorAll('[part~=body] p').length).to.be.greaterThan(1);
    expect(shadow(frame, 'site-nav').textContent).to.contain('网站首页');
    expect(shadow(frame, 'news-list').querySelectorAll('[part~=item]').length).to.equal(5);
    expect(shadow(frame, 'contact-card').textContent).to.contain('020-123456789');
    expect(shadow(frame, 'related-articles').textContent).to.contain('全力保障残运会接待基地食品安全');
    expect(shadow(frame, 'message-form').querySelector('form')).to.not.equal(null);
    expect(frame.document.title).to.equal('利诚商贸与长春物流园签署战略合作协议');
    expect(contentRequests(frame)).to.deep.equal([]);
  });

  it("keeps what a visitor typed into the server's form before its code came", async () => {
    const frame = await openPage('?id=1001');
    const form = shadow(frame, 'message-form');
    const email = form.querySelector<HTMLInputElement>('#email')!;
    const message = form.querySelector<HTMLTextAreaElement>('#message')!;
    email.value = 'early@example.com';
    message.value = '代码到来前写下的留言';
    await hydrate(frame);
    const el = frame.document.querySelector('message-form') as HTMLElement & { requestUpdate(): void; updateComplete: Promise<unknown> };
    // Any later render writes the form's own values into its controls: they are the typed ones.
    el.requestUpdate();
    await el.updateComplete;
    expect([email.value, message.value]).to.deep.equal(['early@example.com', '代码到来前写下的留言']);
    expect(email.isConnected, 'hydrated, not rendered again').to.equal(true);
    expect(frame.problems).to.deep.equal([]);
    // It was saved as the draft (again as the page goes away): the pages after this one start without it.
    await waitUntil(() => Object.keys(localStorage).some((key) => key.startsWith('newsroom-elements:message-draft:')), 'the draft saved');
    frame.window.frameElement!.remove();
    Object.keys(localStorage).forEach((key) => key.startsWith('newsroom-elements:message-draft:') && localStorage.removeItem(key));
  });

  it('hydrates with no content request, no layout shift, the same DOM and no warning', async () => {
    const frame = await openPage('?id=1001');
    const shifts: number[] = [];
    new frame.window.PerformanceObserver((list) => {
      for (const entry of list.getEntries()) shifts.push((entry as unknown as { value: number }).value);
    }).observe({ type: 'layout-shift', buffered: true }); // Chromium only; the others ignore it
    const headline = shadow(frame, 'news-article').querySelector('[part~=title]');
    const body = shadow(frame, 'news-article').querySelector('[part~=body]');
    const firstItem = shadow(frame, 'news-list').querySelector('[part~=item]');
    const menu = shadow(frame, 'site-nav').querySelector('nav');
    // Where everything sits, for the engines that have no layout-shift entries (Firefox, WebKit).
    const boxes = () =>
      [...frame.document.querySelectorAll('site-nav, news-article, related-articles, news-list, contact-card, message-form')].map((el) => {
        const { top, left, width, height } = el.getBoundingClientRect();
        return `${el.localName} ${top},${left} ${width}x${height}`;
      });
    const before = boxes();

    await hydrate(frame);
    await new Promise((resolve) => frame.window.requestAnimationFrame(() => setTimeout(resolve)));

    expect(frame.problems).to.deep.equal([]);
    expect(contentRequests(frame)).to.deep.equal([]);
    expect(shifts.reduce((sum, value) => sum + value, 0)).to.equal(0);
    expect(boxes()).to.deep.equal(before);
    // The server's nodes are the ones on screen: nothing was rendered again.
    expect(shadow(frame, 'news-article').querySelector('[part~=title]')).to.equal(headline);
    expect(shadow(frame, 'news-article').querySelector('[part~=body]')).to.equal(body);
    expect(shadow(frame, 'news-list').querySelector('[part~=item]')).to.equal(firstItem);
    expect(shadow(frame, 'site-nav').querySelector('nav')).to.equal(menu);
    for (const el of frame.document.querySelectorAll('site-nav, news-article, news-list, contact-card')) {
      expect(el.shadowRoot!.querySelector('.skeleton'), el.localName).to.equal(null);
    }
  });

  it('carries only the styles its DOM uses, looks the same with them as with every style, and has every style once it changes', async () => {
    const frame = await openPage('?id=1001');
    const tags = 'site-nav, news-article, related-articles, news-list, contact-card, message-form';
    const elements = [...frame.document.querySelectorAll(tags)].filter((el) => el.shadowRoot);
    const inline = (el: Element) => el.shadowRoot!.querySelector('style')!.textContent!;
    // A list shown as a list carries neither the cards' rules nor a skeleton's.
    const list = frame.document.querySelector('news-list')!;
    expect(inline(list)).to.not.contain('.cards');
    expect(inline(list)).to.not.contain('.skeleton');
    expect(inline(list)).to.not.contain('@keyframes');
    // Each variant of the menu only its own: the footer's has no bar.
    const footer = frame.document.querySelector('site-nav[variant=footer]')!;
    expect(inline(footer)).to.contain('.footer');
    expect(inline(footer)).to.not.contain('.bar');
    // ...and of the theme, the variables its rules read: no error colour where no error is shown.
    expect(inline(footer)).to.contain('--_muted:').and.contain('var(--_muted)');
    expect(inline(footer)).to.not.contain('--_danger');

    // What the server's DOM looks like with the page's styles, property by property...
    const properties = [
      'display',
      'position',
      'color',
      'background-color',
      'font-size',
      'font-weight',
      'margin-top',
      'padding-left',
      'gap',
      'grid-template-columns',
      'text-decoration-line',
      'visibility',
      'border-bottom-width',
      'clip-path',
      'overflow-x',
    ];
    const looks = (el: Element) =>
      [el, ...el.shadowRoot!.querySelectorAll('*')]
        .filter((node) => node.localName !== 'style')
        .map((node) => {
          const style = frame.window.getComputedStyle(node);
          return [node, properties.map((name) => `${name}: ${style.getPropertyValue(name)}`).join('; ')] as const;
        });
    const before = new Map(elements.flatMap(looks));

    // ...is what it looks like once hydrated, and once the elements with browser-only extras
    // (the card's copy buttons, the article's share button) rendered them, with every rule.
    await hydrate(frame);
    for (const el of elements) {
      for (const [node, look] of looks(el)) {
        const was = before.get(node);
        if (was?.split(' | ')[0] === look.split(' | ')[0]) expect(look, `${el.localName} > ${node.localName}`).to.equal(was);
      }
    }
    // An element that hydrated and did not change since parses none of the rules it does not use...
    expect(footer.shadowRoot!.adoptedStyleSheets, 'footer menu').to.have.length(0);
    expect(list.shadowRoot!.adoptedStyleSheets, 'news list').to.have.length(0);
    // The card's copy buttons (browser-only extras) render, with every rule, once it is near the viewport.
    const card = frame.document.querySelector('contact-card')!;
    card.scrollIntoView();
    await waitUntil(
      () => card.shadowRoot!.querySelector('[part~=copy]') && card.shadowRoot!.adoptedStyleSheets.length > 0,
      'the contact card, rendered again with its copy buttons, has every rule',
    );
    // ...and the rules the server left out apply from its first change on.
    (list as HTMLElement & { layout: string }).layout = 'cards';
    await (list as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(list.shadowRoot!.adoptedStyleSheets.length).to.be.greaterThan(0);
    expect(frame.window.getComputedStyle(list.shadowRoot!.querySelector('[part~=list]')!).display).to.equal('grid');
  });

  it('reads the same before hydration, after it, and as this engine renders the element itself', async () => {
    // Dates and numbers are written by the server (Node) and again by each engine: they must agree,
    // or text would change under the reader's eyes as the page hydrates.
    const frame = await openPage('?id=1001');
    const tags = ['news-article', 'related-articles', 'news-list', 'contact-card'];
    const selector = 'time, [part~=meta], [part~=item], [part~=pager], [part~=title], [part~=line], [part~=link]';
    const texts = (root: ParentNode) =>
      [...root.querySelectorAll(selector)].map((node) => node.textContent!.replace(/\s+/g, ' ').trim()).filter(Boolean);
    const server = Object.fromEntries(tags.map((tag) => [tag, texts(shadow(frame, tag))]));
    expect(
      server['news-article'].some((text) => /2025年/.test(text)),
      JSON.stringify(server['news-article']),
    ).to.equal(true);
    expect(server['news-list'].length).to.be.greaterThan(4);

    await hydrate(frame);
    for (const tag of tags) expect(texts(shadow(frame, tag)), `${tag} after hydration`).to.deep.equal(server[tag]);

    // The same elements rendered by the browser alone: a copy has the attributes and inline data,
    // not the server's shadow root.
    for (const tag of tags) {
      const copy = frame.document.querySelector(tag)!.cloneNode(true) as HTMLElement & { updateComplete: Promise<unknown> };
      copy.removeAttribute('id');
      if (tag === 'related-articles') continue; // it reads the article on the page; checked through hydration above
      frame.document.querySelector('.col')!.append(copy);
      await waitUntil(() => copy.shadowRoot && texts(copy.shadowRoot).length > 0, `${tag} rendered in the browser`);
      await copy.updateComplete;
      expect(texts(copy.shadowRoot!), `${tag} rendered in the browser`).to.deep.equal(server[tag]);
    }
    expect(frame.problems).to.deep.equal([]);
  });

  it('shows the page as the server sent it to a browser without JavaScript: content, real pager links, a real form', async () => {
    // A sandboxed frame runs no script at all; declarative shadow roots are parsed all the same.
    const iframe = document.createElement('iframe');
    iframe.setAttribute('sandbox', 'allow-same-origin allow-forms');
    iframe.style.width = '1000px';
    iframe.style.height = '2400px';
    const load = () => new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
    let loaded = load();
    iframe.src = '/ssr-page/page.html?id=1001';
    document.body.append(iframe);
    await loaded;
    const doc = () => iframe.contentDocument!;
    const root = (tag: string) => doc().querySelector(tag)!.shadowRoot!;
    expect(root('news-article').querySelector('[part~=title]')!.textContent).to.equal('利诚商贸与长春物流园签署战略合作协议');
    const firstPage = [...root('news-list').querySelectorAll('[part~=item]')].map((item) => item.textContent);
    expect(firstPage).to.have.length(5);
    // No article control that needs script shows: copy and print hold their place, unseen.
    const tools = [...root('news-article').querySelectorAll<HTMLButtonElement>('button[data-action]')];
    expect(tools.map((button) => button.dataset.action)).to.include.members(['copy', 'print']);
    for (const button of tools) {
      expect(button.disabled, `${button.dataset.action} disabled`).to.equal(true);
      expect(getComputedStyle(button).visibility, `${button.dataset.action} unseen`).to.equal('hidden');
    }
    // The share links work without script.
    expect(root('news-article').querySelector('a[data-action=weibo]')).to.not.equal(null);
    // The menu's toggles cannot work without script: none shows; its entries are links.
    expect(iframe.contentWindow!.matchMedia('(scripting: none)').matches, 'a frame without script').to.equal(true);
    const menu = root('site-nav');
    const shown = (element: Element) => getComputedStyle(element).display !== 'none';
    expect(menu.querySelectorAll('button').length).to.be.greaterThan(1);
    expect([...menu.querySelectorAll('button')].filter(shown), 'menu buttons shown').to.have.length(0);
    // Category tabs cannot switch: only the selected one shows, naming the category.
    const tabs = [...root('news-list').querySelectorAll('[role=tab]')];
    expect(tabs.length).to.be.greaterThan(1);
    expect(tabs.filter(shown).map((tab) => tab.getAttribute('aria-selected'))).to.deep.equal(['true']);

    // The pager is made of links a browser follows by itself.
    const next = [...root('news-list').querySelectorAll<HTMLAnchorElement>('[part~=pager] a[href]')].find((link) =>
      /page=2\b/.test(link.href),
    )!;
    expect(next, 'a link to page 2').to.not.equal(undefined);
    loaded = load();
    iframe.src = next.href;
    await loaded;
    const secondPage = [...root('news-list').querySelectorAll('[part~=item]')].map((item) => item.textContent);
    expect(secondPage).to.have.length.greaterThan(0);
    expect(secondPage[0]).to.not.equal(firstPage[0]);

    // The form posts, urlencoded, to its action.
    const form = root('message-form').querySelector('form')!;
    expect(form.method).to.equal('post');
    const key = uniqueKey('no-js');
    form.action = `/mock/messages?key=${key}&status=303&h.Location=/test/fixtures/list.json`;
    const fill = (name: string, value: string) => ((form.elements.namedItem(name) as HTMLInputElement).value = value);
    fill('name', '李明');
    fill('phone', '13800138000');
    fill('email', 'li@example.com');
    fill('message', '没有脚本也能留言。');
    loaded = load();
    form.submit();
    await loaded;
    const [post] = await mockLog(key);
    expect(post.method).to.equal('POST');
    expect(post.headers['content-type']).to.match(/^application\/x-www-form-urlencoded/);
    const body = new URLSearchParams(post.body);
    expect(body.get('name')).to.equal('李明');
    expect(body.get('message')).to.equal('没有脚本也能留言。');
    expect(body.get('_idempotency')).to.match(/\S{8,}/);
    iframe.remove();
  });

  it('shows a narrow page its menu without JavaScript: no Menu button, every entry listed', async () => {
    const iframe = document.createElement('iframe');
    iframe.setAttribute('sandbox', 'allow-same-origin');
    iframe.style.width = '400px';
    iframe.style.height = '1600px';
    const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
    iframe.src = '/ssr-page/page.html?id=1001';
    document.body.append(iframe);
    await loaded;
    try {
      const host = iframe.contentDocument!.querySelector('site-nav')!;
      // The test page's layout is 900px wide: the bar is made as narrow as a phone's by hand.
      host.style.width = '360px';
      const menu = host.shadowRoot!;
      const seen = (element: Element) => element.getBoundingClientRect().height > 0;
      expect(seen(menu.querySelector('.menu-toggle')!), 'the Menu button').to.equal(false);
      const links = [...menu.querySelectorAll<HTMLAnchorElement>('#tree > li > a')];
      expect(links.length).to.be.greaterThan(5);
      expect(links.filter((link) => !seen(link)).map((link) => link.textContent)).to.deep.equal([]);
    } finally {
      iframe.remove();
    }
  });

  it('works after hydration: tabs, pager, menu toggle and keys, print and close, the form', async () => {
    const frame = await openPage('?id=1001');
    await hydrate(frame);

    // Tabs: a category selected in place, no request (the list holds every item).
    const list = shadow(frame, 'news-list');
    list.querySelectorAll<HTMLElement>('[role=tab]')[1].click();
    await waitUntil(() => list.querySelectorAll('[role=tab]')[1].getAttribute('aria-selected') === 'true', 'tab selected');
    // Pager: page 2 of the category.
    (list.querySelector('[part~=pager] a[href*="page=2"], [part~=pager] [aria-label*="2"]') as HTMLElement).click();
    await waitUntil(() => list.querySelector('[aria-current=page]')?.textContent?.trim() === '2', 'page 2 shown');

    // Menu: the toggle opens its sub-menu; ArrowRight moves along the bar.
    const nav = shadow(frame, 'site-nav');
    const toggle = nav.querySelector<HTMLButtonElement>('[part~=toggle]')!;
    toggle.click();
    await waitUntil(() => toggle.getAttribute('aria-expanded') === 'true', 'sub-menu open');
    expect(nav.querySelector(`#${toggle.getAttribute('aria-controls')} a`)).to.not.equal(null);
    const first = nav.querySelector<HTMLAnchorElement>('#tree > li > a')!;
    first.focus();
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    expect(nav.activeElement).to.not.equal(first);

    // Article controls: print calls the browser's print, close follows back-href's rules.
    let printed = 0;
    frame.window.print = () => void printed++;
    const article = shadow(frame, 'news-article');
    // Print is a browser-only control: it comes with the render after hydration.
    await waitUntil(() => article.querySelector<HTMLButtonElement>('[data-action=print]:not([disabled])'), 'print enabled');
    article.querySelector<HTMLElement>('[data-action=print]')!.click();
    expect(printed).to.equal(1);
    expect(article.querySelector('[data-action=close]')!.getAttribute('href')).to.match(/\/news\/$/);
    expect(article.querySelector('[data-action=weibo], [data-action=share]')).to.not.equal(null);

    // Copy buttons, a browser-only extra, arrive once hydrated.
    expect(shadow(frame, 'contact-card').querySelector('[part~=copy]')).to.not.equal(null);

    // The form checks its fields in the browser.
    const form = shadow(frame, 'message-form');
    form.querySelector<HTMLButtonElement>('[part~=submit]')!.click();
    await waitUntil(() => form.querySelector('[aria-invalid=true]'), 'the form reports its empty required fields');
    expect(frame.problems).to.deep.equal([]);
    expect(contentRequests(frame)).to.deep.equal([]);
  });

  it('an element a script changed before hydration renders afresh instead of breaking', async () => {
    const frame = await openPage('?id=1001');
    const nav = frame.document.querySelector('site-nav')!;
    nav.setAttribute('variant', 'footer'); // the server drew the bar
    await hydrate(frame);
    expect(nav.shadowRoot!.querySelector('nav.footer')).to.not.equal(null);
    expect(nav.shadowRoot!.querySelector('nav.bar')).to.equal(null);
    expect(nav.shadowRoot!.querySelectorAll('nav')).to.have.length(1);
    expect(frame.problems).to.have.length(1);
    expect(frame.problems[0]).to.match(/^warn: <site-nav>: the server-rendered content was rendered again/);
    // It keeps working: a later change renders as usual.
    nav.setAttribute('variant', 'bar');
    await (nav as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(nav.shadowRoot!.querySelectorAll('nav.bar')).to.have.length(1);
  });

  it('carries each source’s data once, and an element whose shared data a script removed loads its source', async () => {
    const frame = await openPage('?id=1001');
    const scripts = [...frame.document.querySelectorAll('script[type="application/json"]')];
    const held = scripts.filter((script) => script.id);
    // The menu bar holds the site's JSON; the breadcrumb, contact block and footer name it.
    expect(held.map((script) => script.parentElement!.localName)).to.deep.equal(['site-nav', 'news-article', 'news-list']);
    const site = held[0].id;
    const naming = scripts.filter((script) => script.getAttribute('data-from') === site);
    expect(naming.map((script) => script.parentElement!.localName)).to.deep.equal(['site-nav', 'contact-card', 'site-nav']);
    for (const script of naming) expect(script.textContent).to.equal('');

    frame.document.querySelector('site-nav')!.remove(); // a host script takes the menu bar (and the data) away
    await hydrate(frame);
    const card = shadow(frame, 'contact-card');
    await waitUntil(() => card.textContent!.includes('020-123456789') && !card.querySelector('.skeleton'), 'the contact lines, loaded');
    expect(contentRequests(frame).filter((name) => name.endsWith('/site.json')).length).to.be.greaterThan(0);
    expect(
      frame.problems.every((problem) => /^warn: <(site-nav|contact-card)>: the server-rendered content was rendered again/.test(problem)),
    ).to.equal(true);
    expect(shadow(frame, 'site-nav[variant=footer]').textContent).to.contain('公司简介');
  });

  it('an article whose language a script changed before hydration renders afresh, in that language, with its body', async () => {
    const frame = await openPage('?id=1001');
    const article = frame.document.querySelector('news-article')!;
    const paragraphs = shadow(frame, 'news-article').querySelectorAll('[part~=body] p').length;
    article.setAttribute('locale', 'en'); // the server wrote Chinese
    await hydrate(frame);
    await waitUntil(() => shadow(frame, 'news-article').querySelector('[part~=body]'), 'the article body');
    // In the language it was given, not the server's.
    expect(shadow(frame, 'news-article').querySelector('[data-action=print]')!.textContent!.trim()).to.equal('Print');
    expect(shadow(frame, 'news-article').querySelectorAll('[part~=body]')).to.have.length(1);
    expect(shadow(frame, 'news-article').querySelectorAll('[part~=body] p')).to.have.length(paragraphs);
    expect(frame.problems).to.have.length(1);
    expect(frame.problems[0]).to.match(/^warn: <news-article>: the server-rendered content was rendered again/);
  });

  it('a page whose language a script changed before hydration shows it in that language', async () => {
    const frame = await openPage('?id=1001');
    frame.document.documentElement.lang = 'en';
    await hydrate(frame);
    const labels = [...shadow(frame, 'contact-card').querySelectorAll('dt')].map((dt) => dt.textContent!.trim());
    expect(labels).to.include('Phone');
    expect(shadow(frame, 'message-form').querySelector('[part~=submit]')!.textContent!.trim()).to.not.match(/[\u4e00-\u9fff]/);
    expect(frame.problems.length).to.be.greaterThan(0);
    for (const problem of frame.problems) expect(problem).to.match(/rendered again \(its attributes or language changed/);
  });

  it('a list whose data a script set before hydration shows that data, not the server’s', async () => {
    const frame = await openPage('?id=1001');
    const list = frame.document.querySelector('news-list') as HTMLElement & { data: unknown };
    // As many items as the server showed, so only their text differs.
    const count = shadow(frame, 'news-list').querySelectorAll('[part~=item]').length;
    const items = Array.from({ length: count }, (_, i) => ({
      id: `x${i}`,
      title: `Set by the page ${i}`,
      date: '2026-01-02T09:00:00+08:00',
      category: 'company',
      url: `/news/x${i}.html`,
    }));
    list.data = { items };
    await hydrate(frame);
    const titles = [...shadow(frame, 'news-list').querySelectorAll('[part~=item]')].map((item) => item.textContent);
    expect(titles).to.have.length(count);
    titles.forEach((title, i) => expect(title).to.contain(`Set by the page ${i}`));
    expect(frame.problems).to.have.length(1);
    expect(frame.problems[0]).to.match(/^warn: <news-list>: the server-rendered content was rendered again \(a script set its data/);
  });

  it('renders each element afresh, once, when Lit came before its hydration support', async () => {
    const frame = await openPage('?id=1001');
    const tags = ['site-nav', 'news-article', 'related-articles', 'news-list', 'contact-card', 'message-form'];
    const elements = [...frame.document.querySelectorAll(tags.join(','))];
    const serverNodes = elements.map((el) => el.shadowRoot!.querySelector('[part]'));
    const once = {
      'news-article': '[part~=title], [part~=body]',
      'news-list': '[part~=item]',
      'contact-card': '[part~=line]',
      'message-form': 'form, [part~=field]',
      'related-articles': '[part~=list], [part~=link]',
    };
    const before = Object.fromEntries(
      Object.entries(once).map(([tag, selector]) => [tag, shadow(frame, tag).querySelectorAll(selector).length]),
    );
    expect(
      Object.values(before).every((count) => count > 0),
      JSON.stringify(before),
    ).to.equal(true);
    await hydrate(frame, '/test/fixtures/ssr/lit-first.js');
    // The article body comes once the sanitizer is loaded (rendering afresh, the body is sanitized again).
    await waitUntil(() => shadow(frame, 'news-article').querySelector('[part~=body]'), 'the article body');
    // Each element shows its content once, as the server did, from the inline JSON, with new nodes.
    for (const [tag, selector] of Object.entries(once)) {
      expect(shadow(frame, tag).querySelectorAll(selector), tag).to.have.length(before[tag]);
    }
    for (const nav of frame.document.querySelectorAll('site-nav')) expect(nav.shadowRoot!.querySelectorAll('nav')).to.have.length(1);
    elements.forEach((el, i) => expect(el.shadowRoot!.contains(serverNodes[i]), el.localName).to.equal(false));
    expect(contentRequests(frame)).to.deep.equal([]);
    // And each says why, once.
    expect(frame.problems).to.have.length(elements.length);
    for (const problem of frame.problems) expect(problem).to.match(/rendered again \(Lit's hydration support was not applied/);
  });

  it("related-articles hydrates with the links the server wrote when its code arrives before the article's", async () => {
    // The lazy loader loads each element's code on its own: the block may hydrate first.
    const frame = await openPage('?id=1001');
    const related = frame.document.querySelector('related-articles') as HTMLElement & { hasUpdated: boolean };
    const links = shadow(frame, 'related-articles').querySelector('[part~=link]');
    const script = frame.document.createElement('script');
    script.type = 'module';
    script.src = '/dist/related-articles/define.js';
    const done = new Promise((resolve) => script.addEventListener('load', resolve, { once: true }));
    frame.document.head.append(script);
    await done;
    await waitUntil(() => related.hasUpdated, 'related-articles hydrated');
    expect(frame.window.customElements.get('news-article')).to.equal(undefined);
    expect(shadow(frame, 'related-articles').querySelector('[part~=link]')).to.equal(links);
    expect(frame.problems).to.deep.equal([]);
    await hydrate(frame);
    expect(shadow(frame, 'related-articles').querySelector('[part~=link]')!.textContent).to.equal(links!.textContent);
    expect(frame.problems).to.deep.equal([]);
  });

  it('a client-only page still renders and fetches as before', async () => {
    const frame = await openPage('?id=1001');
    const el = frame.document.createElement('news-article');
    el.setAttribute('src', '/test/fixtures/article-1002.json');
    frame.document.body.append(el);
    await hydrate(frame);
    await waitUntil(() => el.shadowRoot?.querySelector('[part~=title]'), 'client-rendered article');
    expect(contentRequests(frame).some((name) => name.endsWith('article-1002.json'))).to.equal(true);
    expect(frame.problems).to.deep.equal([]);
  });
});

describe('two paged lists on a server-rendered page', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  const lists = (frame: Frame) => [...frame.document.querySelectorAll('news-list')].map((el) => el.shadowRoot!);
  const pages = (frame: Frame) => lists(frame).map((root) => root.querySelector('[aria-current=page]')?.textContent?.trim());
  const keys = (frame: Frame) => {
    const params = new URL(frame.window.location.href).searchParams;
    return [params.get('query-1-page'), params.get('query-industry-page')];
  };
  const click = async (frame: Frame, list: number, page: string) => {
    const link = [...lists(frame)[list].querySelectorAll<HTMLElement>('[part~=page]')].find((a) => a.textContent!.trim() === page)!;
    link.click();
    await waitUntil(() => pages(frame)[list] === page, `list ${list} on page ${page}`);
  };

  it('each renders, links, pages, reloads and goes back under its own key', async () => {
    const frame = await openPage('?query-1-page=2&query-industry-page=3', 'two-lists');
    expect(pages(frame), 'before any script').to.deep.equal(['2', '3']);
    const href = lists(frame)[1].querySelector('[part~=page][href*="query-industry-page=2"]')!.getAttribute('href')!;
    expect(new URLSearchParams(href).get('query-1-page')).to.equal('2');
    await hydrate(frame);
    expect(frame.problems).to.deep.equal([]);

    await click(frame, 0, '3');
    await click(frame, 1, '1');
    expect(pages(frame)).to.deep.equal(['3', '1']);
    expect(keys(frame)).to.deep.equal(['3', '1']);

    // A reload: the server renders both from the address, each on its own page.
    const reloaded = await openPage(frame.window.location.search, 'two-lists');
    expect(pages(reloaded)).to.deep.equal(['3', '1']);

    // Going back is asynchronous, and slow on a busy machine: wait for it to land. (A frame removed
    // while a traversal is under way lets it go on in the test page's own history.)
    frame.window.history.back();
    await waitUntil(() => pages(frame)[1] === '3', 'second list back on page 3', { timeout: 10_000 });
    expect(pages(frame)).to.deep.equal(['3', '3']);
    frame.window.history.back();
    await waitUntil(() => pages(frame)[0] === '2', 'first list back on page 2', { timeout: 10_000 });
    expect(pages(frame)).to.deep.equal(['2', '3']);
    expect(keys(frame)).to.deep.equal(['2', '3']);
  });
});
