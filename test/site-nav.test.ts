import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { SiteNav } from '../src/site-nav/site-nav.js';
import '../src/site-nav/define.js';
import { fastClient, loaded, mockLog, mockUrl, mount, uniqueKey } from './helpers.js';

const SITE = '/test/fixtures/site.json';
const HOSTILE = '/test/fixtures/site-hostile.json';
const abs = (path: string) => new URL(path, location.href).href;

const all = (el: SiteNav, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const one = (el: SiteNav, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const text = (node: Element) => node.textContent!.trim();
/** An entry's label: its own text, without the hidden "(opens in a new tab)" hint. */
const ownText = (node: Element) =>
  [...node.childNodes]
    .filter((n) => n.nodeType === Node.TEXT_NODE)
    .map((n) => n.textContent)
    .join('')
    .trim();
const topLabels = (el: SiteNav) => all(el, '#tree > li').map((li) => ownText(li.querySelector('a, [part=label], .labelled')!));
const toggleOf = (el: SiteNav, label: string) =>
  all(el, '#tree > li')
    .find((li) => ownText(li.querySelector('a, [part=label], .labelled')!) === label)!
    .querySelector<HTMLButtonElement>(':scope > [part=toggle]')!;
const submenuOf = (el: SiteNav, toggle: HTMLElement) => el.shadowRoot!.getElementById(toggle.getAttribute('aria-controls')!)!;
const focused = (el: SiteNav) => el.shadowRoot!.activeElement as HTMLElement | null;
const currentLinks = (el: SiteNav) => all(el, '[aria-current]');
/** A node as a failing assertion should name it (comparing DOM nodes themselves makes huge reports). */
const whoIs = (node: Element | null) => (node ? `${node.localName} ${node.getAttribute('aria-controls') ?? ''} ${text(node)}` : 'nothing');

/** A nav in a provider of `locale`, between two buttons so Tab can be followed in and out. */
const mountNav = (template: unknown, locale?: string) =>
  mount('site-nav', html`<button id="before">before</button>${template}<button id="after">after</button>`, { locale });

describe('site-nav bar', () => {
  it('draws the top menu: links, a toggle button per sub-menu, sub-menus not rendered until opened', async () => {
    const el = await mountNav(html`<site-nav src=${SITE} current="/news/company/"></site-nav>`);
    const nav = one(el, 'nav')!;
    expect(nav.getAttribute('aria-label')).to.equal('Main menu');
    expect(topLabels(el)).to.deep.equal(['网站首页', '公司简介', '产品展示', '新闻动态', '成功案例', '客户服务', '人才招聘', '联系我们']);
    const home = all(el, '#tree > li > a')[0] as HTMLAnchorElement;
    expect(home.href).to.equal(abs('/'));
    expect(home.hasAttribute('rel')).to.equal(false);
    const toggles = all(el, '#tree > li > [part=toggle]');
    expect(toggles.length).to.equal(6);
    for (const toggle of toggles) {
      expect(toggle.tagName).to.equal('BUTTON');
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      const list = submenuOf(el, toggle);
      expect(list.hidden).to.equal(true);
      expect(list.children.length).to.equal(0);
    }
    expect(toggleOf(el, '公司简介').textContent!.trim()).to.equal('公司简介 submenu');
    // The section holding the current page is marked active.
    expect(all(el, '#tree > [part~=active]').map((li) => text(li.querySelector('a')!))).to.deep.equal(['新闻动态']);
    await expect(el).to.be.accessible();
  });

  it('opens with Enter and Space, closes with Escape returning focus to the toggle, and Tab walks in and out', async () => {
    const el = await mountNav(html`<site-nav src=${SITE}></site-nav>`);
    (document.getElementById('before') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Tab' });
    expect(text(focused(el)!)).to.equal('网站首页');
    await sendKeys({ press: 'Tab' });
    expect(text(focused(el)!)).to.equal('公司简介');
    await sendKeys({ press: 'Tab' });
    const toggle = toggleOf(el, '公司简介');
    expect(whoIs(focused(el))).to.equal(whoIs(toggle));

    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const list = submenuOf(el, toggle);
    expect(list.hidden).to.equal(false);
    expect(all(el, `#${list.id} a`).map(text)).to.deep.equal(['公司简介', '企业文化']);
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(text(focused(el)!)).to.equal('企业文化');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(submenuOf(el, toggle).hidden).to.equal(true);
    expect(whoIs(focused(el))).to.equal(whoIs(toggle));

    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    // Escape on the open toggle itself closes its sub-menu too.
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(whoIs(focused(el))).to.equal(whoIs(toggle));
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
  });

  it('closes when focus leaves the nav or a click lands outside, and keeps one top-level sub-menu open', async () => {
    const el = await mountNav(html`<site-nav src=${SITE}></site-nav>`);
    const last = toggleOf(el, '联系我们');
    last.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(last.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(text(focused(el)!)).to.equal('在线留言');
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement!.id).to.equal('after');
    await el.updateComplete;
    expect(last.getAttribute('aria-expanded')).to.equal('false');

    const about = toggleOf(el, '公司简介');
    const news = toggleOf(el, '新闻动态');
    about.click();
    await el.updateComplete;
    news.click();
    await el.updateComplete;
    expect(about.getAttribute('aria-expanded')).to.equal('false');
    expect(news.getAttribute('aria-expanded')).to.equal('true');
    // A click inside the menu leaves it open; one outside closes it.
    submenuOf(el, news).dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(news.getAttribute('aria-expanded')).to.equal('true');
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    await el.updateComplete;
    expect(news.getAttribute('aria-expanded')).to.equal('false');
  });

  it('moves with arrow keys: Left/Right along the bar, Down into a sub-menu, Up/Down/Home/End inside it', async () => {
    const el = await mountNav(html`<site-nav src=${SITE}></site-nav>`);
    all(el, '#tree > li > a')[0].focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(text(focused(el)!)).to.equal('公司简介');
    await sendKeys({ press: 'ArrowRight' });
    expect(whoIs(focused(el))).to.equal(whoIs(toggleOf(el, '公司简介')));
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    expect(whoIs(focused(el))).to.equal(whoIs(toggleOf(el, '联系我们'))); // wraps to the last control
    await sendKeys({ press: 'Home' });
    expect(text(focused(el)!)).to.equal('网站首页');

    const products = toggleOf(el, '产品展示');
    products.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(products.getAttribute('aria-expanded')).to.equal('true');
    await waitUntil(() => text(focused(el)!) === '文化', 'first sub-link focused');
    await sendKeys({ press: 'ArrowDown' });
    expect(text(focused(el)!)).to.equal('综合');
    await sendKeys({ press: 'End' });
    expect(text(focused(el)!)).to.equal('中心');
    await sendKeys({ press: 'ArrowUp' });
    expect(text(focused(el)!)).to.equal('综合');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(whoIs(focused(el))).to.equal(whoIs(products));
  });

  it('opens for a mouse hovering, closes when it leaves, and a click on the hovered toggle keeps it open', async () => {
    const el = await mountNav(html`<site-nav src=${SITE}></site-nav>`);
    const toggle = toggleOf(el, '客户服务');
    const item = toggle.parentElement!;
    const box = item.getBoundingClientRect();
    try {
      await sendMouse({ type: 'move', position: [Math.round(box.left + 10), Math.round(box.top + box.height / 2)] });
      await waitUntil(() => toggle.getAttribute('aria-expanded') === 'true', 'hover opens');
      expect(all(el, `#${submenuOf(el, toggle).id} a`).map(text)).to.deep.equal(['售后服务', '技术支持']);
      await sendMouse({ type: 'move', position: [Math.round(box.left + 10), Math.round(box.bottom + 200)] });
      await waitUntil(() => toggle.getAttribute('aria-expanded') === 'false', 'leaving closes');

      const tbox = toggle.getBoundingClientRect();
      const center: [number, number] = [Math.round(tbox.left + tbox.width / 2), Math.round(tbox.top + tbox.height / 2)];
      await sendMouse({ type: 'move', position: center });
      await waitUntil(() => toggle.getAttribute('aria-expanded') === 'true', 'hover opens again');
      await sendMouse({ type: 'click', position: center });
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      await sendMouse({ type: 'click', position: center });
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    } finally {
      await resetMouse();
    }
  });

  it('collapses into one Menu button when narrow; the tree opens as an accordion; Escape closes it', async () => {
    const wrapper = await fixture(html`<div style="width: 320px"><news-provider locale="zh-CN" .client=${fastClient()}>
      <site-nav src=${SITE} current="/news/industry/"></site-nav></news-provider></div>`);
    const el = wrapper.querySelector('site-nav')!;
    await loaded(el);
    const menu = one(el, '[part=menu-toggle]') as HTMLButtonElement;
    const tree = one(el, '#tree')!;
    expect(getComputedStyle(menu).display).to.not.equal('none');
    expect(text(menu)).to.equal('菜单');
    expect(menu.getAttribute('aria-expanded')).to.equal('false');
    expect(menu.getAttribute('aria-controls')).to.equal('tree');
    expect(getComputedStyle(tree).display).to.equal('none');
    await expect(el).to.be.accessible();

    menu.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(menu.getAttribute('aria-expanded')).to.equal('true');
    expect(getComputedStyle(tree).display).to.not.equal('none');
    const news = toggleOf(el, '新闻动态');
    expect(news.textContent!.trim()).to.equal('新闻动态子菜单');
    news.click();
    await el.updateComplete;
    const list = submenuOf(el, news);
    // In the accordion a sub-menu opens in place, pushing the next entries down.
    expect(getComputedStyle(list).position).to.equal('static');
    expect(list.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right);
    expect(all(el, '[aria-current=page]').map(text)).to.deep.equal(['行业新闻']);
    await expect(el).to.be.accessible();

    (list.querySelector('a') as HTMLElement).focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(text(focused(el)!)).to.equal('行业新闻');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(whoIs(focused(el))).to.equal(whoIs(news));
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(menu.getAttribute('aria-expanded')).to.equal('false');
    expect(whoIs(focused(el))).to.equal(whoIs(menu));
    expect(getComputedStyle(tree).display).to.equal('none');
  });

  it('shows the bar, without the Menu button, when wide', async () => {
    const wrapper = await fixture(html`<div style="width: 1000px"><site-nav src=${SITE}></site-nav></div>`);
    const el = wrapper.querySelector('site-nav')!;
    await loaded(el);
    expect(getComputedStyle(one(el, '[part=menu-toggle]')!).display).to.equal('none');
    expect(getComputedStyle(one(el, '#tree')!).display).to.equal('flex');
  });

  it('reads inline JSON without a request, and takes its landmark name from label', async () => {
    const el = await mountNav(
      html`<site-nav label="Company menu"><script type="application/json">{"menus":{"main":[{"label":"Home","href":"/"},{"label":"News","href":"/news/","children":[{"label":"Company news","href":"/news/company/"}]}]}}</script></site-nav>`,
    );
    expect(one(el, 'nav')!.getAttribute('aria-label')).to.equal('Company menu');
    expect(topLabels(el)).to.deep.equal(['Home', 'News']);
    expect(toggleOf(el, 'News').textContent!.trim()).to.equal('News submenu');
  });

  it('labels an entry without an address by its toggle button', async () => {
    const el = await mountNav(
      html`<site-nav .data=${{ menus: { main: [{ label: 'Products', children: [{ label: 'Tea', href: '/tea/' }] }] } }}></site-nav>`,
    );
    const toggle = all(el, '[part=toggle]')[0];
    expect(text(toggle)).to.equal('Products');
    expect(all(el, '#tree > li > a').length).to.equal(0);
    toggle.click();
    await el.updateComplete;
    expect(all(el, `#${submenuOf(el, toggle).id} a`).map(text)).to.deep.equal(['Tea']);
    await expect(el).to.be.accessible();
  });
});

describe('site-nav current page', () => {
  const currentFor = async (current: string) => {
    const el = await mountNav(html`<site-nav variant="breadcrumb" src=${SITE} current=${current}></site-nav>`);
    return currentLinks(el).map((a) => [text(a), a.getAttribute('aria-current')]);
  };

  it('marks the exact match, else the longest path prefix; the home page only matches itself', async () => {
    expect(await currentFor('/news/company/')).to.deep.equal([['公司新闻', 'page']]);
    expect(await currentFor('/news/company/index.html')).to.deep.equal([['公司新闻', 'page']]);
    expect(await currentFor('/news/industry/2025/1001.html')).to.deep.equal([['行业新闻', 'page']]);
    expect(await currentFor('/news/1001.html?from=home')).to.deep.equal([['新闻动态', 'page']]);
    expect(await currentFor(abs('/jobs/'))).to.deep.equal([['人才招聘', 'page']]);
    expect(await currentFor('/')).to.deep.equal([['网站首页', 'page']]);
    expect(await currentFor('/nowhere/')).to.deep.equal([]);
    expect(await currentFor('/newsletter/')).to.deep.equal([]);
    expect(await currentFor('https://elsewhere.example/news/')).to.deep.equal([]);
    // A parent and its first child share an address: the deeper entry is the page.
    const el = await mountNav(html`<site-nav variant="breadcrumb" src=${SITE} current="/about/"></site-nav>`);
    expect(all(el, 'li').map(text)).to.deep.equal(['网站首页', '公司简介', '公司简介']);
  });

  it('prefers an exact match to a deeper prefix, and a longer prefix to a deeper shorter one', async () => {
    const data = {
      menus: {
        main: [
          { label: 'Docs', href: '/docs/', children: [{ label: 'Docs home', href: '/docs/' }] },
          { label: 'Tea', href: '/docs/tea/' },
          { label: 'Intro', href: '/docs/intro.html' },
        ],
      },
    };
    const el = await mountNav(html`<site-nav variant="breadcrumb" .data=${data} current="/docs/tea/green/"></site-nav>`);
    expect(currentLinks(el).map(text)).to.deep.equal(['Tea']);
    el.current = '/docs/intro.html';
    await el.updateComplete;
    expect(currentLinks(el).map(text)).to.deep.equal(['Intro']);
    el.current = '/docs/other.html';
    await el.updateComplete;
    expect(currentLinks(el).map(text)).to.deep.equal(['Docs home']);
  });

  it('matches query-string addresses exactly', async () => {
    const data = {
      menus: {
        main: [
          { label: 'Home', href: '/index.php' },
          {
            label: 'List',
            href: '/index.php?m=list',
            children: [
              { label: 'One', href: '/index.php?m=list&id=1' },
              { label: 'Two', href: '/index.php?m=list&id=2' },
            ],
          },
        ],
      },
    };
    const el = await mountNav(html`<site-nav variant="breadcrumb" .data=${data} current="/index.php?m=list&id=2"></site-nav>`);
    expect(all(el, 'li').map(text)).to.deep.equal(['Home', 'List', 'Two']);
    expect(currentLinks(el).map(text)).to.deep.equal(['Two']);
  });

  it('defaults to the page address and follows history navigation', async () => {
    const before = location.href;
    history.pushState(null, '', '/news/industry/');
    try {
      const el = await mountNav(html`<site-nav variant="breadcrumb" src=${SITE}></site-nav>`);
      expect(currentLinks(el).map(text)).to.deep.equal(['行业新闻']);
      history.pushState(null, '', '/cases/');
      window.dispatchEvent(new PopStateEvent('popstate'));
      await el.updateComplete;
      expect(currentLinks(el).map(text)).to.deep.equal(['成功案例']);
    } finally {
      history.pushState(null, '', before);
    }
  });
});

describe('site-nav side, footer, breadcrumb', () => {
  it("side: the current section's pages under its title, the current one marked", async () => {
    const el = await mountNav(html`<site-nav variant="side" src=${SITE} current="/news/company/"></site-nav>`, 'zh-CN');
    const nav = one(el, 'nav')!;
    const heading = one(el, '[part=heading]')!;
    expect(text(heading)).to.equal('新闻动态');
    expect(nav.getAttribute('aria-labelledby')).to.equal(heading.id);
    expect(all(el, '[part=list] a').map(text)).to.deep.equal(['公司新闻', '行业新闻']);
    expect(currentLinks(el).map(text)).to.deep.equal(['公司新闻']);
    expect((all(el, '[part=list] a')[1] as HTMLAnchorElement).href).to.equal(abs('/news/industry/'));
    await expect(el).to.be.accessible();
  });

  it('side: a heading and label can be given; a section without pages lists itself; no match shows nothing', async () => {
    const el = await mountNav(html`<site-nav variant="side" src=${SITE} current="/jobs/" heading="Careers" label="Section"></site-nav>`);
    expect(text(one(el, '[part=heading]')!)).to.equal('Careers');
    expect(one(el, 'nav')!.getAttribute('aria-label')).to.equal('Section');
    expect(one(el, 'nav')!.hasAttribute('aria-labelledby')).to.equal(false);
    // A section without sub-pages lists itself, marked as the current page.
    const links = el.shadowRoot!.querySelectorAll('[part=list] a');
    expect(links.length).to.equal(1);
    expect(links[0].getAttribute('aria-current')).to.equal('page');

    el.current = '/nowhere/';
    await el.updateComplete;
    expect(!!one(el, 'nav')).to.equal(false);
    expect(el.shadowRoot!.textContent!.trim()).to.equal('');
  });

  it('side: only the branch holding the current page shows its sub-pages', async () => {
    const data = {
      menus: {
        main: [
          {
            label: 'Products',
            href: '/p/',
            children: [
              {
                label: 'Tea',
                href: '/p/tea/',
                children: [
                  { label: 'Green', href: '/p/tea/green/' },
                  { label: 'Black', href: '/p/tea/black/' },
                ],
              },
              { label: 'Rice', href: '/p/rice/', children: [{ label: 'Long grain', href: '/p/rice/long/' }] },
            ],
          },
        ],
      },
    };
    const el = await mountNav(html`<site-nav variant="side" .data=${data} current="/p/tea/black/"></site-nav>`);
    expect(all(el, 'a').map(text)).to.deep.equal(['Tea', 'Green', 'Black', 'Rice']);
    expect(all(el, '[part~=active] > a').map(text)).to.deep.equal(['Tea', 'Black']);
    expect(currentLinks(el).map(text)).to.deep.equal(['Black']);
  });

  it('footer: an inline list of the footer menu', async () => {
    const el = await mountNav(html`<site-nav variant="footer" menu="footer" src=${SITE} current="/news/2025/"></site-nav>`, 'zh-CN');
    expect(one(el, 'nav')!.getAttribute('aria-label')).to.equal('页脚菜单');
    expect(all(el, 'li').map(text)).to.deep.equal(['公司简介', '产品展示', '新闻动态', '成功案例', '客户服务', '人才招聘', '联系我们']);
    expect(currentLinks(el).map(text)).to.deep.equal(['新闻动态']);
    // The separators are decoration: not in the text.
    expect(getComputedStyle(all(el, 'li')[1], '::before').content).to.contain('|');
    await expect(el).to.be.accessible();
  });

  it('footer: friendly links to other origins open safely in a new tab, named by a heading', async () => {
    const el = await mountNav(html`<site-nav variant="footer" menu="links" src=${SITE}></site-nav>`);
    expect(one(el, 'nav')!.getAttribute('aria-label')).to.equal('Friendly links');
    const links = all(el, 'a') as HTMLAnchorElement[];
    expect(links.map(ownText)).to.deep.equal(['中国消费者报', '吉林省市场监管', '长春物流园']);
    for (const link of links) {
      expect(link.rel).to.equal('noopener noreferrer');
      expect(link.target).to.equal('_blank');
      expect(link.textContent).to.contain('(opens in a new tab)');
    }
    el.heading = '友情链接';
    await el.updateComplete;
    expect(one(el, 'nav')!.getAttribute('aria-labelledby')).to.equal('heading');
    expect(one(el, 'nav')!.hasAttribute('aria-label')).to.equal(false);
    expect(text(one(el, '#heading')!)).to.equal('友情链接');
    await expect(el).to.be.accessible();
  });

  it('breadcrumb: a labelled trail from home to the current page in an ordered list', async () => {
    const el = await mountNav(html`<site-nav variant="breadcrumb" src=${SITE} current="/news/company/"></site-nav>`);
    const nav = one(el, 'nav')!;
    expect(nav.getAttribute('aria-label')).to.equal('Breadcrumb');
    expect(!!one(el, 'ol')).to.equal(true);
    expect(all(el, 'ol > li').map(text)).to.deep.equal(['网站首页', '新闻动态', '公司新闻']);
    const last = all(el, 'ol > li > a').at(-1)!;
    expect(last.getAttribute('aria-current')).to.equal('page');
    expect(all(el, 'ol > li > a')[0].hasAttribute('aria-current')).to.equal(false);
    await expect(el).to.be.accessible();

    const zh = await mountNav(html`<site-nav variant="breadcrumb" src=${SITE} current="/"></site-nav>`, 'zh-CN');
    expect(one(zh, 'nav')!.getAttribute('aria-label')).to.equal('当前位置');
    expect(all(zh, 'ol > li').map(text)).to.deep.equal(['网站首页']);
    expect(currentLinks(zh).map(text)).to.deep.equal(['网站首页']);
  });

  it('renders nothing for a menu the site does not have', async () => {
    const el = await mountNav(html`<site-nav menu="sidebar" src=${SITE}></site-nav>`);
    await waitUntil(() => !el.hasAttribute('aria-busy'));
    await el.updateComplete;
    expect(el.shadowRoot!.textContent!.trim()).to.equal('');
  });
});

describe('site-nav loading and sharing', () => {
  it('shows a skeleton while loading, then the menu', async () => {
    const provider = await fixture(
      html`<news-provider .client=${fastClient()}><site-nav src=${mockUrl({ key: uniqueKey(), delay: 400, then: SITE })}></site-nav></news-provider>`,
    );
    const el = provider.querySelector('site-nav')!;
    await el.updateComplete;
    expect(el.hasAttribute('aria-busy')).to.equal(true);
    expect(all(el, '.skeleton').length).to.equal(1);
    expect(!!one(el, 'nav')).to.equal(false);
    await loaded(el);
    expect(topLabels(el).length).to.equal(8);
  });

  it('shows an error with a retry button when site.json fails', async () => {
    const el = await mountNav(html`<site-nav src=${mockUrl({ key: uniqueKey(), fail: '404' })}></site-nav>`);
    expect(!!one(el, '[role=alert]')).to.equal(true);
    expect(!!one(el, '[part=retry]')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('several menus on one page make one request', async () => {
    const key = uniqueKey();
    const src = mockUrl({ key, delay: 100, then: SITE });
    const provider = await fixture(html`<news-provider .client=${fastClient()}>
      <site-nav src=${src} current="/news/company/"></site-nav>
      <site-nav variant="side" src=${src} current="/news/company/"></site-nav>
      <site-nav variant="breadcrumb" src=${src} current="/news/company/"></site-nav>
      <site-nav variant="footer" menu="footer" src=${src}></site-nav>
    </news-provider>`);
    const navs = [...provider.querySelectorAll('site-nav')];
    await Promise.all(navs.map(loaded));
    expect(navs.every((nav) => nav.shadowRoot!.querySelector('nav'))).to.equal(true);
    expect((await mockLog(key)).length).to.equal(1);
  });
});

describe('site-nav hostile site.json', () => {
  async function hostile(template: unknown) {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      return { el: await mountNav(template), warnings };
    } finally {
      console.warn = original;
    }
  }

  it('renders labels as text, unsafe addresses as no link, and skips malformed entries', async () => {
    const { el, warnings } = await hostile(html`<site-nav src=${HOSTILE}></site-nav>`);
    expect(topLabels(el)).to.deep.equal([
      '<img src=x onerror="window.__pwned=1">首页',
      'javascript',
      'Upper',
      'Spaced',
      'Tab',
      'Entity',
      'Colon',
      'Null',
      'Data',
      'VB',
      'Number href',
      '2025',
      'Kids not a list',
      'Mixed kids',
      'Partner',
    ]);
    expect(all(el, 'img, script, b').length).to.equal(0);
    const links = all(el, 'a') as HTMLAnchorElement[];
    // Addresses on the page's origin are written as paths; they resolve as before.
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['/', '/year/', '/kids/', '/mixed/', 'https://partner.example/']);
    expect(links.map((a) => a.href)).to.deep.equal([abs('/'), abs('/year/'), abs('/kids/'), abs('/mixed/'), 'https://partner.example/']);
    for (const label of ['javascript', 'Upper', 'Spaced', 'Tab', 'Entity', 'Colon', 'Null', 'Data', 'VB', 'Number href']) {
      const node = all(el, '#tree > li > [part=label]').find((n) => text(n) === label);
      expect(!!node, label).to.equal(true);
    }
    expect(links.at(-1)!.rel).to.equal('noopener noreferrer');
    // "Kids not a list" has no sub-menu; "Mixed kids" keeps its good children.
    expect(all(el, '[part=toggle]').length).to.equal(1);
    const toggle = all(el, '[part=toggle]')[0];
    toggle.click();
    await el.updateComplete;
    const kids = submenuOf(el, toggle);
    expect([...kids.children].map(text)).to.deep.equal(['<b>bold</b> child', 'Good child']);
    expect(kids.querySelectorAll('a').length).to.equal(1);
    expect(el.shadowRoot!.textContent).to.not.match(/undefined|null|NaN|\[object Object\]/);
    expect(warnings.some((w) => w.includes('menus.main[].label'))).to.equal(true);
    expect(warnings.some((w) => w.includes('menus.main[].href'))).to.equal(true);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('shows nothing for a menu of the wrong type, and survives data that is not an object', async () => {
    const { el } = await hostile(html`<site-nav variant="footer" menu="footer" src=${HOSTILE}></site-nav>`);
    expect(el.shadowRoot!.textContent!.trim()).to.equal('');
    for (const data of ['just text', 42, null, [1, 2], { menus: 'no' }, { menus: { main: { label: 'not a list' } } }]) {
      el.data = data;
      el.menu = 'main';
      await el.updateComplete;
      expect(!!el.shadowRoot!.querySelector('nav, [role=alert]')).to.equal(false);
    }
  });
});

describe('site-nav huge and deep menus', () => {
  it('renders 1,000 entries, drawing only the top level until a sub-menu opens', async () => {
    const main = Array.from({ length: 100 }, (_, i) => ({
      label: `栏目 ${i + 1}`,
      href: `/section/${i}/`,
      children: Array.from({ length: 9 }, (_, j) => ({ label: `子栏目 ${i + 1}-${j + 1}`, href: `/section/${i}/${j}/` })),
    }));
    const started = performance.now();
    const el = await mountNav(html`<site-nav .data=${{ menus: { main } }} current="/section/99/8/"></site-nav>`);
    console.log(`site-nav: 1,000 entries rendered in ${(performance.now() - started).toFixed(1)} ms`);
    expect(all(el, 'li').length).to.equal(100);
    expect(all(el, '#tree > [part~=active]').map((li) => text(li.querySelector('a')!))).to.deep.equal(['栏目 100']);
    const toggle = toggleOf(el, '栏目 100');
    toggle.click();
    await el.updateComplete;
    expect(all(el, 'li').length).to.equal(109);
    expect(currentLinks(el).map(text)).to.deep.equal(['子栏目 100-9']);
  });

  it('renders a menu twelve levels deep and opens it level by level from the keyboard', async () => {
    // Two entries per level, twelve levels: 8,190 entries.
    const level = (path: string, depth: number): unknown[] =>
      ['a', 'b'].map((name) => ({
        label: `${depth}${name}`,
        href: `${path}${name}/`,
        children: depth < 12 ? level(`${path}${name}/`, depth + 1) : undefined,
      }));
    const deepest = '/' + 'b/'.repeat(12);
    const started = performance.now();
    const el = await mountNav(
      html`<site-nav .data=${{ menus: { main: [{ label: 'Home', href: '/' }, ...level('/', 1)] } }} current=${deepest}></site-nav>`,
    );
    console.log(`site-nav: 12 levels (8,190 entries) rendered in ${(performance.now() - started).toFixed(1)} ms`);
    expect(all(el, 'li').length).to.equal(3);

    let toggle = toggleOf(el, '1b');
    toggle.focus();
    for (let opened = 1; ; opened++) {
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      // On to the "b" entry of the sub-menu just opened, until its entries have no sub-menus.
      const next = submenuOf(el, toggle).querySelector<HTMLButtonElement>(':scope > li:last-child > [part=toggle]');
      if (!next) {
        expect(opened).to.equal(11);
        break;
      }
      toggle = next;
      toggle.focus();
    }
    const deepestLink = submenuOf(el, toggle).querySelector<HTMLElement>(':scope > li:last-child > a')!;
    expect(text(deepestLink)).to.equal('12b');
    expect(deepestLink.getAttribute('aria-current')).to.equal('page');
    expect(all(el, '[part~=active]').length).to.equal(12);
    expect(all(el, 'li').length).to.equal(3 + 2 * 11);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');

    const crumbs = await mountNav(html`<site-nav variant="breadcrumb" .data=${el.data} current=${deepest}></site-nav>`);
    expect(all(crumbs, 'li').map(text)).to.deep.equal(['Home', ...Array.from({ length: 12 }, (_, i) => `${i + 1}b`)]);
  });
});

describe('site-nav: text is text, headings fit the page', () => {
  it('shows a label with $ signs exactly as written (R$&D)', async () => {
    const site = { menus: { main: [{ label: 'R$&D $1 $$', href: '/rd/', children: [{ label: 'Labs', href: '/rd/labs/' }] }] } };
    const el = await mountNav(html`<site-nav .data=${site}></site-nav>`);
    expect(topLabels(el)).to.deep.equal(['R$&D $1 $$']);
    const toggle = toggleOf(el, 'R$&D $1 $$');
    expect(toggle.textContent!.trim()).to.equal('R$&D $1 $$ submenu');
  });

  it("heading-level sets the side menu heading's level", async () => {
    const el = await mountNav(html`<site-nav variant="side" heading-level="3" current="/news/company/" src=${SITE}></site-nav>`);
    const heading = one(el, '[part=heading]')!;
    expect(heading.localName).to.equal('h3');
    const plain = await mountNav(html`<site-nav variant="side" current="/news/company/" src=${SITE}></site-nav>`);
    expect(one(plain, '[part=heading]')!.localName).to.equal('h2');
    await expect(el).to.be.accessible();
  });
});

describe("site-nav: in the host page's layout", () => {
  it('in a flex row beside a logo it takes its natural width (60rem) and its entries show; in a narrower row it shrinks', async () => {
    const row = await fixture(
      html`<div style="display:flex;width:1200px"><img alt="logo" style="flex:none;width:200px;height:40px" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><news-provider .client=${fastClient()}><site-nav src=${SITE}></site-nav></news-provider></div>`,
    );
    const el = row.querySelector('site-nav')!;
    await loaded(el);
    expect(Math.round(el.getBoundingClientRect().width)).to.equal(960);
    const entry = one(el, '#tree > li a')!;
    expect(entry.getBoundingClientRect().width).to.be.above(10);
    (row as HTMLElement).style.width = '800px';
    expect(Math.round(el.getBoundingClientRect().width)).to.equal(600);
    await waitUntil(() => one(el, '[part=menu-toggle]')!.getBoundingClientRect().width > 10, 'collapsed to the Menu button');
  });

  it('is as tall as its content in a tall flex column', async () => {
    const column = await fixture(
      html`<div style="display:flex;flex-direction:column;height:900px;width:800px"><news-provider .client=${fastClient()}><site-nav src=${SITE}></site-nav></news-provider></div>`,
    );
    const el = column.querySelector('site-nav')!;
    await loaded(el);
    expect(el.getBoundingClientRect().height).to.be.below(200);
  });
});
