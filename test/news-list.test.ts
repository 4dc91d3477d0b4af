import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { NewsList } from '../src/news-list/news-list.js';
import { pageNumbers } from '../src/news-list/news-list.js';
import '../src/news-list/define.js';
import { fastClient, imagesSettled, mockLog, mockUrl, mount, parts, uniqueKey, until, withoutNavigation } from './helpers.js';

const LIST = '/test/fixtures/news-list.json';

const titles = (el: NewsList) => parts(el, 'title').map((node) => node.textContent!.trim());
const label = (node: Element) => node.textContent!.replace(/[‹›]/g, '').trim();
const pageButtons = (el: NewsList) => parts(el, 'page').map(label);
const currentPage = (el: NewsList) => el.shadowRoot!.querySelector('[aria-current=page]')?.textContent?.trim();
const button = (el: NewsList, text: string) =>
  parts(el, 'page')
    .concat(parts(el, 'tab'))
    .find((b) => label(b) === text)!;
/** The id of the focused element inside the list (ids are stable: `heading`, `tab-0`…). */
const focused = (el: NewsList) => el.shadowRoot!.activeElement?.id;
const query = (url: string) => Object.fromEntries(new URL(url, location.href).searchParams);

/** Waits until the list is not busy and shows items, the empty state or an error (and `first` on top, if given). */
const settled = (el: NewsList, first?: string) =>
  until(
    () =>
      !el.hasAttribute('aria-busy') &&
      !!el.shadowRoot!.querySelector('[part~=list], [part=empty], [role=alert]') &&
      (!first || titles(el)[0] === first),
    'list settled',
  );

const mountList = (template: unknown) => mount('news-list', template, { ready: (el) => settled(el) });

// The pager keeps `?page=` in the address: every test starts from the runner's own address.
const startAddress = location.href;
afterEach(() => history.replaceState(null, '', startAddress));

describe('news-list: rendering', () => {
  it('shows the first page: title links, dates in <time>, summaries, lazy pictures with a reserved size', async () => {
    const el = await mountList(html`<news-list src=${LIST}></news-list>`);
    const items = parts(el, 'item');
    expect(items).to.have.length(10);
    expect(titles(el)[0]).to.equal('利诚商贸与长春物流园签署战略合作协议');
    const link = items[0].querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('/news/2001.html'); // on the page's origin: the path
    expect(link.href).to.equal(new URL('/news/2001.html', location.href).href);
    expect(link.hasAttribute('rel')).to.equal(false);
    const time = items[0].querySelector('time')!;
    expect(time.getAttribute('datetime')).to.equal('2025-06-30T09:00:00+08:00');
    expect(time.textContent).to.equal('Jun 30, 2025');
    expect(items[0].querySelector('[part=summary]')!.textContent).to.equal('双方将在仓储配送与冷链运输方面展开合作。');
    const img = items[0].querySelector('img')!;
    expect(img.getAttribute('loading')).to.equal('lazy');
    expect(img.getAttribute('alt')).to.equal('');
    expect([img.getAttribute('width'), img.getAttribute('height')]).to.deep.equal(['320', '180']);
    expect(items[1].querySelectorAll('img')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows a skeleton of the expected size while loading, and no list', async () => {
    const provider = await fixture(
      html`<news-provider .client=${fastClient()}><news-list page-size="4" src=${mockUrl({ key: uniqueKey(), delay: 800, then: LIST })}></news-list></news-provider>`,
    );
    const el = provider.querySelector('news-list')!;
    await el.updateComplete;
    const skeleton = el.shadowRoot!.querySelector('ul[aria-hidden=true]')!;
    expect(skeleton.querySelectorAll('li')).to.have.length(4);
    expect(parts(el, 'list')).to.have.length(0);
    await settled(el);
    expect(parts(el, 'item')).to.have.length(4);
  });

  it('lays out as cards and as a compact list without pictures or summaries', async () => {
    const cards = await mountList(html`<news-list layout="cards" src=${LIST}></news-list>`);
    expect(parts(cards, 'list')[0].classList.contains('cards')).to.equal(true);
    expect(parts(cards, 'image').length).to.be.greaterThan(0);
    await expect(cards).to.be.accessible();
    const compact = await mountList(html`<news-list layout="compact" src=${LIST}></news-list>`);
    expect(parts(compact, 'item')).to.have.length(10);
    expect(parts(compact, 'image')).to.have.length(0);
    expect(parts(compact, 'summary')).to.have.length(0);
    expect(parts(compact, 'date')).to.have.length(10);
  });

  it('falls back to the list layout for an unknown layout name', async () => {
    const el = await mountList(html`<news-list layout="grid" src=${LIST}></news-list>`);
    expect(parts(el, 'list')[0].className).to.match(/\blist\b/);
    expect(parts(el, 'summary')).to.have.length(10);
  });

  it('shows a visible heading when given one', async () => {
    const el = await mountList(html`<news-list heading="Company news" src=${LIST}></news-list>`);
    const heading = parts(el, 'heading')[0];
    expect(heading.classList.contains('visually-hidden')).to.equal(false);
    expect(heading.textContent).to.contain('Company news');
  });

  it('renders 1,000 items from the data property without a request', async () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({ id: String(i), title: `Item ${i}`, date: '2025-01-01T00:00:00Z' }));
    const el = await fixture<NewsList>(html`<news-list page-size="1000" .data=${{ items }}></news-list>`);
    await el.updateComplete;
    expect(parts(el, 'item')).to.have.length(1000);
    expect(titles(el)[999]).to.equal('Item 999');
    expect(parts(el, 'pager')).to.have.length(0);
  });
});

describe('news-list: paging in the browser', () => {
  it('pages through what it has with one request, marks the current page and focuses the heading', async () => {
    const key = uniqueKey();
    const el = await mountList(html`<news-list src=${mockUrl({ key, then: LIST })}></news-list>`);
    const pager = parts(el, 'pager')[0];
    expect(pager.localName).to.equal('nav');
    expect(pager.getAttribute('aria-label')).to.equal('Pages');
    el.heading = 'Industry news';
    await el.updateComplete;
    expect(parts(el, 'pager')[0].getAttribute('aria-label')).to.equal('Pages – Industry news');
    el.heading = undefined;
    await el.updateComplete;
    expect(pageButtons(el)).to.deep.equal(['Previous', '1', '2', '3', 'Next']);
    expect(currentPage(el)).to.equal('1');
    expect(button(el, 'Previous').getAttribute('aria-disabled')).to.equal('true');

    button(el, 'Next').click();
    await el.updateComplete;
    await el.updateComplete;
    expect(currentPage(el)).to.equal('2');
    expect(titles(el)[0]).to.equal('利诚商贸荣获“诚信经营示范单位”称号');
    expect(focused(el)).to.equal('heading');
    expect(parts(el, 'heading')[0].textContent).to.contain('page 2 of 3');

    button(el, '3').click();
    await el.updateComplete;
    expect(parts(el, 'item')).to.have.length(3);
    expect(button(el, 'Next').getAttribute('aria-disabled')).to.equal('true');
    expect(await mockLog(key)).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('shows first, last and neighbouring pages with gaps for many pages', async () => {
    const el = await mountList(html`<news-list page-size="2" page="6" src=${LIST}></news-list>`);
    expect(pageButtons(el)).to.deep.equal(['Previous', '1', '5', '6', '7', '12', 'Next']);
    expect(el.shadowRoot!.querySelectorAll('.gap[aria-hidden=true]')).to.have.length(2);
    expect(pageNumbers(1, 12)).to.deep.equal([1, 2, 0, 12]);
    expect(pageNumbers(3, 5)).to.deep.equal([1, 2, 3, 4, 5]);
    expect(pageNumbers(1, 1)).to.deep.equal([1]);
  });

  it('clamps a page beyond the end to the last page', async () => {
    const el = await mountList(html`<news-list page="99" src=${LIST}></news-list>`);
    expect(currentPage(el)).to.equal('3');
    expect(parts(el, 'item')).to.have.length(3);
  });

  it('limit shows the first N items with no pager', async () => {
    const el = await mountList(html`<news-list limit="3" page="2" src=${LIST}></news-list>`);
    expect(titles(el)).to.deep.equal([
      '利诚商贸与长春物流园签署战略合作协议',
      '2025年东北地区农资流通市场观察',
      '公司举办年度安全生产培训',
    ]);
    expect(parts(el, 'pager')).to.have.length(0);
  });

  it('works the pager by keyboard', async () => {
    const el = await mountList(html`<news-list src=${LIST}></news-list>`);
    button(el, 'Next').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await el.updateComplete;
    expect(currentPage(el)).to.equal('2');
    expect(focused(el)).to.equal('heading');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal('tab-0');
  });
});

describe('news-list: the pager and the address', () => {
  // The only list on the page: its key is `query-1-page` (its place), unless it asks for another.
  const pageOf = (href: string | null) => new URL(href ?? '', location.href).searchParams.get('query-1-page');

  it('pages with real links to ?query-1-page=N that keep the rest of the address', async () => {
    history.replaceState(null, '', `${location.pathname}${location.search ? location.search + '&' : '?'}keep=1`);
    const el = await mountList(html`<news-list src=${LIST}></news-list>`);
    const links = parts(el, 'page');
    expect(links.every((link) => link.localName === 'a')).to.equal(true);
    expect(links.map((link) => pageOf(link.getAttribute('href')))).to.deep.equal([null, '1', '2', '3', '2']);
    expect(button(el, 'Previous').hasAttribute('href')).to.equal(false);
    expect(new URL(button(el, '3').getAttribute('href')!, location.href).searchParams.get('keep')).to.equal('1');
  });

  it('a click updates in place and pushes the page to the address; back and forward follow it', async () => {
    const key = uniqueKey();
    const el = await mountList(html`<news-list src=${mockUrl({ key, then: LIST })}></news-list>`);
    const before = history.length;
    button(el, '2').click();
    await el.updateComplete;
    expect(currentPage(el)).to.equal('2');
    expect(pageOf(location.href)).to.equal('2');
    expect(history.length).to.equal(before + 1);
    button(el, '3').click();
    await el.updateComplete;
    expect(pageOf(location.href)).to.equal('3');

    history.back();
    await oneEvent(window, 'popstate');
    await el.updateComplete;
    expect(currentPage(el)).to.equal('2');
    history.back();
    await oneEvent(window, 'popstate');
    await el.updateComplete;
    expect(currentPage(el)).to.equal('1');
    history.forward();
    await oneEvent(window, 'popstate');
    await el.updateComplete;
    expect(currentPage(el)).to.equal('2');
    // All of it from the one response.
    expect(await mockLog(key)).to.have.length(1);
  });

  it('opens on the page the address asks for under page-param (plain ?page=); a teaser with limit ignores it', async () => {
    history.replaceState(null, '', `${location.pathname}${location.search ? location.search + '&' : '?'}page=3`);
    const el = await mountList(html`<news-list page-param="page" src=${LIST}></news-list>`);
    expect(currentPage(el)).to.equal('3');
    expect(new URL(button(el, '2').getAttribute('href')!, location.href).searchParams.get('page')).to.equal('2');
    const teaser = await mountList(html`<news-list limit="2" src=${LIST}></news-list>`);
    expect(titles(teaser)).to.have.length(2);
    expect(parts(teaser, 'pager')).to.have.length(0);
  });

  it('a modified click is left to the browser (a new tab), the list stays', async () => {
    const el = await mountList(html`<news-list src=${LIST}></news-list>`);
    const link = button(el, '2');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, ctrlKey: true });
    link.addEventListener('click', (event) => event.preventDefault(), { once: true });
    link.dispatchEvent(click);
    await el.updateComplete;
    expect(currentPage(el)).to.equal('1');
    expect(pageOf(location.href)).to.equal(null);
  });
});

describe('news-list: two paged lists on one page', () => {
  const address = () => new URL(location.href).searchParams;
  const click = async (el: NewsList, page: string) => {
    button(el, page).click();
    await el.updateComplete;
  };
  const mountTwo = async () => {
    const provider = await fixture(html`<news-provider .client=${fastClient()}>
      <news-list src=${LIST} page-size="5"></news-list>
      <news-list id="industry" category="industry" src=${LIST} page-size="3"></news-list>
    </news-provider>`);
    const lists = [...provider.querySelectorAll('news-list')];
    await Promise.all(lists.map((el) => settled(el)));
    return lists;
  };
  const back = async (lists: NewsList[]) => {
    history.back();
    await oneEvent(window, 'popstate');
    await Promise.all(lists.map((el) => el.updateComplete));
  };

  it('each keeps its own key through paging, a reload and back', async () => {
    let [first, second] = await mountTwo();
    await click(first, '2');
    await click(second, '3');
    await click(first, '4');
    expect([currentPage(first), currentPage(second)]).to.deep.equal(['4', '3']);
    expect([address().get('query-1-page'), address().get('query-industry-page'), address().get('page')]).to.deep.equal(['4', '3', null]);
    // Each pager links to its own next page, the other list's page kept.
    expect(query(button(second, '2').getAttribute('href')!)).to.include({ 'query-1-page': '4', 'query-industry-page': '2' });

    // A reload: the same lists made afresh from the address.
    fixtureCleanup();
    [first, second] = await mountTwo();
    expect([currentPage(first), currentPage(second)]).to.deep.equal(['4', '3']);

    await back([first, second]);
    expect([currentPage(first), currentPage(second)]).to.deep.equal(['2', '3']);
    await back([first, second]);
    expect([currentPage(first), currentPage(second)]).to.deep.equal(['2', '1']);
    await back([first, second]);
    expect([currentPage(first), currentPage(second)]).to.deep.equal(['1', '1']);
  });

  it('a list added later starts on its first page, whatever pages the others left in the address', async () => {
    history.replaceState(null, '', `${location.pathname}?page=3&query-1-page=3&query-industry-page=2`);
    const [first, second] = await mountTwo();
    expect([currentPage(first), currentPage(second)]).to.deep.equal(['3', '2']);
    const later = document.createElement('news-list');
    later.src = LIST;
    later.pageSize = 5;
    first.parentElement!.append(later);
    await settled(later);
    expect(currentPage(later)).to.equal('1');
    await click(later, '2');
    expect(address().get('query-3-page')).to.equal('2');
    expect([currentPage(first), currentPage(second)]).to.deep.equal(['3', '2']);
  });
});

describe('news-list: categories', () => {
  it('shows tabs with "All" first, filters in the browser and goes back to page 1', async () => {
    const key = uniqueKey();
    const el = await mountList(html`<news-list page="2" src=${mockUrl({ key, then: LIST })}></news-list>`);
    const loads: unknown[] = [];
    el.addEventListener('newsroom-load', (event) => loads.push(event));
    const tabs = parts(el, 'tab');
    expect(tabs.map((tab) => tab.textContent)).to.deep.equal(['All', '公司新闻', '行业新闻', '通知公告']);
    expect(el.shadowRoot!.querySelector('[role=tablist]')!.getAttribute('aria-label')).to.equal('News categories');
    expect(tabs[0].getAttribute('aria-selected')).to.equal('true');
    expect(currentPage(el)).to.equal('2');

    tabs[2].click();
    await el.updateComplete;
    expect(tabs[2].getAttribute('aria-selected')).to.equal('true');
    expect(tabs[0].getAttribute('aria-selected')).to.equal('false');
    expect(el.category).to.equal('industry');
    expect(el.page).to.equal(1);
    expect(titles(el)).to.have.length(9);
    expect(titles(el)[0]).to.equal('2025年东北地区农资流通市场观察');
    expect(parts(el, 'pager')).to.have.length(0);
    expect(el.shadowRoot!.querySelector('[role=tabpanel]')!.getAttribute('aria-labelledby')).to.equal('tab-2');
    expect(await mockLog(key)).to.have.length(1);
    expect(loads).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('goes back to page 1 when the host page changes the category', async () => {
    const el = await mountList(html`<news-list page="3" page-size="3" src=${LIST}></news-list>`);
    expect(currentPage(el)).to.equal('3');
    el.category = 'company';
    await el.updateComplete;
    expect(el.page).to.equal(1);
    expect(currentPage(el)).to.equal('1');
    expect(titles(el)[0]).to.equal('利诚商贸与长春物流园签署战略合作协议');
  });

  it('preselects the category attribute', async () => {
    const el = await mountList(html`<news-list category="notice" src=${LIST}></news-list>`);
    expect(parts(el, 'tab').find((tab) => tab.getAttribute('aria-selected') === 'true')!.textContent).to.equal('通知公告');
    expect(titles(el)).to.deep.equal([
      '关于端午节放假安排的通知',
      '客户服务热线系统升级公告',
      '供应商年度评审结果公示',
      '关于规范发票开具的提示',
    ]);
  });

  it('moves between tabs with the arrow keys, Home and End (one tab stop)', async () => {
    const el = await mountList(html`<news-list src=${LIST}></news-list>`);
    const tabs = parts(el, 'tab');
    expect(tabs.map((tab) => tab.tabIndex)).to.deep.equal([0, -1, -1, -1]);
    tabs[0].focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(focused(el)).to.equal('tab-1');
    expect(el.category).to.equal('company');
    expect(tabs.map((tab) => tab.tabIndex)).to.deep.equal([-1, 0, -1, -1]);
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(el.category).to.equal('notice');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(focused(el)).to.equal('tab-0');
    expect(el.category).to.equal('');
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(el.category).to.equal('notice');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(el.category).to.equal('');
    expect(titles(el)).to.have.length(10);
  });

  it('shows a friendly empty state (not an error) for an empty category and an empty list', async () => {
    const el = await mountList(html`<news-list category="nothing-here" src=${LIST}></news-list>`);
    expect(parts(el, 'empty')[0].textContent).to.equal('There is no news in this category yet.');
    expect(el.shadowRoot!.querySelectorAll('[role=alert]')).to.have.length(0);
    const empty = await mountList(html`<news-list src="/test/fixtures/news-list-empty.json"></news-list>`);
    expect(parts(empty, 'empty')[0].textContent).to.equal('There is no news here yet.');
    expect(parts(empty, 'pager')).to.have.length(0);
    expect(parts(empty, 'tabs')).to.have.length(0);
    await expect(empty).to.be.accessible();
  });
});

describe('news-list: paging on the server', () => {
  it('asks the server for each page with page, pageSize and category, and reuses what it has', async () => {
    const key = uniqueKey();
    const el = await mountList(
      html`<news-list src=${mockUrl({ key, then: '/test/fixtures/news-list-p1.json', 'h.Cache-Control': 'max-age=60' })}></news-list>`,
    );
    expect(parts(el, 'item')).to.have.length(10);
    expect(pageButtons(el)).to.deep.equal(['Previous', '1', '2', '6', 'Next']);
    expect(el.shadowRoot!.querySelectorAll('.gap')).to.have.length(1);
    expect(await mockLog(key)).to.have.length(1);

    button(el, '2').click();
    await waitUntil(async () => (await mockLog(key)).length === 2, 'page 2 requested');
    await settled(el);
    expect(focused(el)).to.equal('heading');
    expect(currentPage(el)).to.equal('2');
    let log = await mockLog(key);
    expect(query(log[1].url)).to.include({ page: '2', pageSize: '10' });
    expect(query(log[1].url)).to.not.have.property('category');

    parts(el, 'tab')[2].click();
    await waitUntil(async () => (await mockLog(key)).length === 3, 'category requested');
    await settled(el);
    log = await mockLog(key);
    expect(query(log[2].url)).to.include({ page: '1', pageSize: '10', category: 'industry' });
    expect(parts(el, 'tab')[2].getAttribute('aria-selected')).to.equal('true');

    // Back to page 1 of everything: the first answer, from memory.
    parts(el, 'tab')[0].click();
    await settled(el);
    expect(currentPage(el)).to.equal('1');
    expect(await mockLog(key)).to.have.length(3);
  });

  it('opens a deep link (page and category attributes) on a paging server with the right request', async () => {
    const key = uniqueKey();
    const el = await mountList(
      html`<news-list page="3" category="company" src=${mockUrl({ key, then: '/test/fixtures/news-list-p1.json' })}></news-list>`,
    );
    await waitUntil(async () => (await mockLog(key)).length === 2, 'the page asked for');
    await settled(el);
    const log = await mockLog(key);
    expect(query(log[0].url)).to.not.have.property('page');
    expect(query(log[1].url)).to.include({ page: '3', pageSize: '10', category: 'company' });
    expect(currentPage(el)).to.equal('3');
  });

  it('a first page given inline by a paging server shows with no request; page 2 asks the server', async () => {
    const key = uniqueKey();
    const page1 = await (await fetch('/test/fixtures/news-list-p1.json')).json();
    // As a server-rendered page writes it: the first page inline, `src` for the others.
    const el = document.createElement('news-list');
    el.setAttribute('src', mockUrl({ key, then: '/test/fixtures/news-list-p1.json' }));
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify(page1);
    el.append(script);
    const wrapper = await fixture(html`<div></div>`);
    wrapper.append(el);
    await settled(el);
    expect(pageButtons(el)).to.deep.equal(['Previous', '1', '2', '6', 'Next']);
    button(el, '2').click();
    await waitUntil(async () => (await mockLog(key)).length > 0, 'page 2 requested');
    await settled(el);
    expect(currentPage(el)).to.equal('2');
    const log = await mockLog(key);
    expect(log).to.have.length(1);
    expect(query(log[0].url)).to.include({ page: '2', pageSize: '10' });
  });

  it('fills {page} and {category} templates in src', async () => {
    const key = uniqueKey();
    const src = `/mock/doc?key=${key}&then=/test/fixtures/news-list-p{page}.json&c={category}`;
    const el = await mountList(html`<news-list src=${src}></news-list>`);
    expect(titles(el)[0]).to.equal('第1页 第1条：市场监管动态');
    button(el, '6').click();
    await settled(el, '第6页 第1条：市场监管动态');
    expect(parts(el, 'item')).to.have.length(7);
    expect(currentPage(el)).to.equal('6');
    const log = await mockLog(key);
    expect(log).to.have.length(2);
    expect(query(log[1].url)).to.include({ then: '/test/fixtures/news-list-p6.json', c: '' });
  });

  it('reads a WordPress posts array: entity-decoded titles, X-WP-Total paging with page and per_page', async () => {
    const key = uniqueKey();
    const src = mockUrl({ key, then: '/test/fixtures/news-list-wordpress.json', 'h.X-WP-Total': 23, 'h.X-WP-TotalPages': 8 });
    const el = await mountList(html`<news-list page-size="3" src=${src}></news-list>`);
    expect(titles(el)).to.deep.equal([
      'Lichen & Changchun Logistics sign a “cold chain” partnership',
      'Fertiliser prices hold steady – a market note',
      'Why <script> tags never run in our titles',
    ]);
    expect(parts(el, 'summary')[0].textContent).to.equal('Warehousing & delivery across the north…');
    expect(el.shadowRoot!.querySelectorAll('script, [part=summary] img')).to.have.length(0);
    const link = parts(el, 'link')[0] as HTMLAnchorElement;
    expect(link.href).to.equal('https://news.example.com/2025/06/cold-chain-partnership/');
    expect(link.rel).to.equal('noopener noreferrer');
    expect(parts(el, 'date')[0].getAttribute('datetime')).to.equal('2025-06-12T02:15:00Z');
    expect(pageButtons(el)).to.include('8');

    button(el, 'Next').click();
    await waitUntil(async () => (await mockLog(key)).length === 2, 'page 2 requested');
    expect(query((await mockLog(key))[1].url)).to.include({ page: '2', per_page: '3' });
    expect(query((await mockLog(key))[1].url)).to.not.have.property('pageSize');
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('reads a JSON Feed 1.1: items, tags as category tabs', async () => {
    const el = await mountList(html`<news-list src="/test/fixtures/news-list-feed.json"></news-list>`);
    expect(titles(el)).to.deep.equal([
      'Second distribution centre opens in Jilin',
      'Grain purchase prices edge up',
      'Annual safety training for all staff',
    ]);
    expect(parts(el, 'tab').map((tab) => tab.textContent)).to.deep.equal(['All', 'company', 'industry']);
    expect((parts(el, 'link')[1] as HTMLAnchorElement).href).to.equal('https://www.example.com/news/5002.html');
    expect(parts(el, 'date')[0].getAttribute('datetime')).to.equal('2025-06-18T09:00:00+08:00');
    expect((parts(el, 'image')[0] as HTMLImageElement).src).to.equal('https://www.example.com/img/5001.jpg');
    parts(el, 'tab')[1].click();
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Second distribution centre opens in Jilin', 'Annual safety training for all staff']);
  });
});

describe('news-list: a server whose own page size differs', () => {
  /** Every title shown, walking the pager from page 1 with "Next" until it is disabled. */
  async function walk(el: NewsList): Promise<string[]> {
    const seen = [...titles(el)];
    for (let page = 2; ; page++) {
      const next = parts(el, 'page').at(-1);
      if (!next || next.getAttribute('aria-disabled') === 'true') return seen;
      next.click();
      await until(() => currentPage(el) === String(page) && !el.hasAttribute('aria-busy'), `page ${page}`);
      seen.push(...titles(el));
    }
  }

  for (const kind of ['wp', 'native']) {
    for (const size of [5, 10, 20, 50]) {
      it(`${kind}, page-size ${size}: every item appears exactly once across the pages`, async () => {
        const key = uniqueKey();
        const src = kind === 'wp' ? `/mock-paged/wp?key=${key}&total=24` : `/mock-paged/native?key=${key}&total=24&default=7`;
        const el = await mountList(html`<news-list page-size=${size} src=${src}></news-list>`);
        await until(() => titles(el).length === Math.min(size, 24) && !el.hasAttribute('aria-busy'), 'page 1 at our page size');
        const shown = await walk(el);
        const word = kind === 'wp' ? 'Post' : 'Item';
        expect(shown).to.deep.equal(Array.from({ length: 24 }, (_, i) => `${word} ${i + 1}`));
      });
    }
  }

  it('inline WordPress posts with data-total (the headers they came with) page on the server from page 2, with no request before', async () => {
    const key = uniqueKey();
    const posts = Array.from({ length: 10 }, (_, i) => ({ id: i + 1, link: `/news/${i + 1}.html`, title: { rendered: `Post ${i + 1}` } }));
    const wrapper = await fixture(html`<div></div>`);
    // As a server-rendered page writes it.
    wrapper.innerHTML = `<news-list page-size="10" src="/mock-paged/wp?key=${key}&amp;total=24"><script type="application/json" data-total="24" data-total-pages="3">${JSON.stringify(posts)}</script></news-list>`;
    const el = wrapper.querySelector('news-list')!;
    await waitUntil(() => titles(el).length === 10, 'the inline posts');
    expect(parts(el, 'page').map((link) => link.textContent!.trim())).to.include.members(['1', '2', '3']);
    expect((await mockLog(key)).map((entry) => entry.url)).to.deep.equal([]);
    parts(el, 'page')
      .find((link) => link.textContent!.trim() === '2')!
      .click();
    await until(() => titles(el)[0] === 'Post 11', 'page 2 from the server');
    const log = await mockLog(key);
    expect(log).to.have.length(1);
    expect(query(log[0].url)).to.include({ page: '2', per_page: '10' });
  });

  it('arrow keys move between tabs of a server-paged list without a request; Enter selects', async () => {
    const key = uniqueKey();
    const el = await mountList(html`<news-list src=${mockUrl({ key, then: '/test/fixtures/news-list-p1.json' })}></news-list>`);
    expect(await mockLog(key)).to.have.length(1);
    const tabs = parts(el, 'tab');
    tabs[0].focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(focused(el)).to.equal('tab-2');
    expect(el.category).to.equal('');
    expect(tabs[0].getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'Enter' });
    await waitUntil(async () => (await mockLog(key)).length === 2, 'the selected category asked for');
    await settled(el);
    expect(el.category).to.equal('industry');
    expect(parts(el, 'tab')[2].getAttribute('aria-selected')).to.equal('true');
    const log = await mockLog(key);
    expect(log).to.have.length(2);
    expect(query(log[1].url)).to.include({ category: 'industry' });
  });
});

describe('news-list: links and news-select', () => {
  it('article-href wins over the item url; the provider template applies when the element has none', async () => {
    const own = await mountList(html`<news-list article-href="article.html?id={id}" src=${LIST}></news-list>`);
    expect((parts(own, 'link')[0] as HTMLAnchorElement).href).to.equal(new URL('article.html?id=2001', location.href).href);
    const provider = await fixture(html`<news-provider article-href="/read/{id}" .client=${fastClient()}>
      <news-list src=${LIST}></news-list><news-list article-href="#/news/{id}" src=${LIST}></news-list></news-provider>`);
    const [inherits, overrides] = [...provider.querySelectorAll('news-list')];
    await settled(inherits);
    await settled(overrides);
    expect((parts(inherits, 'link')[0] as HTMLAnchorElement).href).to.equal(new URL('/read/2001', location.href).href);
    expect((parts(overrides, 'link')[0] as HTMLAnchorElement).href).to.equal(new URL('#/news/2001', location.href).href);
  });

  it('fires a cancelable news-select with the item; cancelling stops the navigation', async () => {
    const el = await mountList(html`<news-list src=${LIST}></news-list>`);
    await withoutNavigation(async (clickPrevented) => {
      const link = parts(el, 'link')[1];
      setTimeout(() => link.click());
      const selected = await oneEvent(el, 'news-select');
      expect(selected.detail.item).to.include({ id: '2002', title: '2025年东北地区农资流通市场观察', category: 'industry' });
      expect(selected.cancelable).to.equal(true);
      expect(selected.composed).to.equal(true);
      expect(clickPrevented()).to.equal(false);

      const cancel = (event: Event) => event.preventDefault();
      el.addEventListener('news-select', cancel);
      link.click();
      expect(clickPrevented()).to.equal(true);
      el.removeEventListener('news-select', cancel);

      // A Ctrl-click opens a new tab: left to the browser, no news-select.
      let fired = false;
      el.addEventListener('news-select', () => (fired = true));
      link.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, ctrlKey: true }));
      expect(fired).to.equal(false);
    });
  });
});

describe('news-list: news-select names the item clicked', () => {
  it('after titles without a link, on another page and in another category', async () => {
    const items = [
      { id: 'a', title: 'No address', category: 'x' },
      { id: 'b', title: 'Second', url: '/b.html', category: 'y' },
      { id: 'c', title: 'Third', url: '/c.html', category: 'x' },
      { id: 'd', title: 'Fourth', url: '/d.html', category: 'x' },
    ];
    const el = await fixture<NewsList>(
      html`<news-list page-size="2" .data=${{ items, categories: [{ id: 'x', label: 'X' }] }}></news-list>`,
    );
    const chosen = async (link: HTMLElement) => {
      const event = oneEvent(el, 'news-select');
      el.addEventListener('news-select', (e) => e.preventDefault(), { once: true });
      link.click();
      return (await event).detail.item.id;
    };
    expect(parts(el, 'link').length).to.equal(1);
    expect(await chosen(parts(el, 'link')[0])).to.equal('b');
    el.page = 2;
    await el.updateComplete;
    expect(await chosen(parts(el, 'link')[1])).to.equal('d');
    el.category = 'x';
    await el.updateComplete;
    expect(await chosen(parts(el, 'link')[0])).to.equal('c');
  });
});

describe('news-list: hostile content and locales', () => {
  it('renders script-bearing titles as text, drops unsafe urls and wrong-typed fields', async () => {
    const el = await mountList(html`<news-list src="/test/fixtures/news-list-hostile.json"></news-list>`);
    expect(titles(el)).to.deep.equal([
      '<script>window.__pwned = 1</script>Script in a title',
      'Entity-spelled scheme',
      'Wrong types everywhere',
      'Data URL image and vbscript link',
      'A safe one',
    ]);
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('script')).to.have.length(0);
    expect(parts(el, 'link').map((a) => a.getAttribute('href'))).to.deep.equal(['/news/h5.html']);
    expect(parts(el, 'image')).to.have.length(0);
    expect(parts(el, 'summary')[0].textContent).to.equal('<img src=x onerror="window.__pwned=1">');
    expect(parts(el, 'date')).to.have.length(1);
    expect(parts(el, 'tab').map((tab) => tab.textContent)).to.deep.equal(['All', '<b>Bold</b> category']);
    expect(root.textContent).to.not.match(/undefined|NaN|\[object Object\]|Invalid Date|null/);
    await imagesSettled(root);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('speaks Chinese: dates, tabs, pager and empty state', async () => {
    const provider = await fixture(
      html`<news-provider locale="zh-CN" .client=${fastClient()}><news-list src=${LIST}></news-list></news-provider>`,
    );
    const el = provider.querySelector('news-list')!;
    await settled(el);
    expect(parts(el, 'date')[0].textContent).to.equal('2025年6月30日');
    expect(parts(el, 'tab')[0].textContent).to.equal('全部');
    expect(parts(el, 'pager')[0].getAttribute('aria-label')).to.equal('分页');
    expect(pageButtons(el)[0]).to.equal('上一页');
    expect(button(el, '2').getAttribute('aria-label')).to.equal('第 2 页');
    expect(parts(el, 'heading')[0].textContent).to.equal('新闻（第 1 页，共 3 页）');
    el.category = 'none';
    await el.updateComplete;
    expect(parts(el, 'empty')[0].textContent).to.equal('该分类下暂无新闻。');
    await expect(el).to.be.accessible();
  });

  it('shows a failed load as an alert with Retry', async () => {
    const el = await mountList(html`<news-list src=${mockUrl({ key: uniqueKey(), fail: '404' })}></news-list>`);
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('404');
    expect(parts(el, 'list')).to.have.length(0);
  });
});
