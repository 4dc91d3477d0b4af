import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { ContentElement } from '../src/core/element/content-element.js';
import { baseStyles } from '../src/core/ui/styles.js';
import { normalizeList } from '../src/core/data/news-format.js';
import '../src/news-provider/define.js';
import { fastClient, mockLog, mockUrl, uniqueKey, until } from './helpers.js';

/** The smallest data element: the titles of a list, to exercise the shared core. */
class TitleList extends ContentElement {
  static override styles = baseStyles;
  override render() {
    return this.content.render({
      pending: () => litHtml`<p class="skeleton">…</p>`,
      error: (error) => this.renderError(error),
      complete: (response) => litHtml`<ul>${normalizeList(response).items.map((item) => litHtml`<li>${item.title}</li>`)}</ul>`,
    });
  }
}
customElements.define('title-list', TitleList);

declare global {
  interface HTMLElementTagNameMap {
    'title-list': TitleList;
  }
}

const titles = (el: Element) => [...el.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent);
const loaded = (el: TitleList) => until(() => el.shadowRoot!.querySelector('ul, [role=alert]'), 'rendered');

describe('core: a data element', () => {
  it('loads src, renders, and announces newsroom-load', async () => {
    const key = uniqueKey();
    const src = mockUrl({ key, then: '/test/fixtures/list.json' });
    const el = await fixture<TitleList>(
      html`<news-provider .client=${fastClient()}><title-list src=${src}></title-list></news-provider>`,
    ).then((p) => p.querySelector('title-list')!);
    const event = await oneEvent(el, 'newsroom-load');
    await el.updateComplete;
    expect(event.detail.src).to.contain('/mock/doc');
    expect(titles(el)).to.have.length(3);
    expect((el.data as { items: unknown[] }).items).to.have.length(3);
  });

  it('retries a 503 and shows the content (two requests)', async () => {
    const key = uniqueKey();
    const el = await fixture<TitleList>(
      html`<news-provider .client=${fastClient()}><title-list src=${mockUrl({ key, fail: '503', then: '/test/fixtures/list.json' })}></title-list></news-provider>`,
    ).then((p) => p.querySelector('title-list')!);
    await loaded(el);
    expect(titles(el)).to.have.length(3);
    expect(await mockLog(key)).to.have.length(2);
  });

  it('shows a 404 as an alert with Retry after one request, and fires newsroom-error', async () => {
    const key = uniqueKey();
    const wrapper = await fixture(html`<news-provider .client=${fastClient()}></news-provider>`);
    const el = document.createElement('title-list');
    const errorEvent = oneEvent(el, 'newsroom-error');
    el.src = mockUrl({ key, fail: '404' });
    wrapper.append(el);
    const event = await errorEvent;
    await el.updateComplete;
    expect(event.detail.error.message).to.contain('404');
    const alert = el.shadowRoot!.querySelector('[role=alert]')!;
    expect(alert.textContent).to.contain('404');
    expect(alert.querySelector('button')!.textContent).to.equal('Try again');
    expect(await mockLog(key)).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('keeps what it showed when a refresh fails, and Retry loads again', async () => {
    const key = uniqueKey();
    const el = await fixture<TitleList>(
      html`<news-provider .client=${fastClient()}><title-list src="/test/fixtures/list.json"></title-list></news-provider>`,
    ).then((p) => p.querySelector('title-list')!);
    await loaded(el);
    el.src = mockUrl({ key, fail: '500,500,500,500,500,500' });
    await oneEvent(el, 'newsroom-error');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=alert]')).to.exist;
    expect(titles(el)).to.have.length(3);
    (el.shadowRoot!.querySelector('[role=alert] button') as HTMLButtonElement).click();
    await oneEvent(el, 'newsroom-error');
    expect((await mockLog(key)).length).to.equal(6);
  });

  it('reads inline JSON without a request, and reports malformed inline JSON', async () => {
    const good = await fixture<TitleList>(
      html`<title-list><script type="application/json">{"items":[{"id":"1","title":"内联新闻"}]}</script></title-list>`,
    );
    await good.updateComplete;
    expect(titles(good)).to.deep.equal(['内联新闻']);
    const bad = await fixture<TitleList>(html`<title-list><script type="application/json">{"items":[</script></title-list>`);
    await bad.updateComplete;
    expect(bad.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('damaged');
  });

  it('resolves src against the provider base and speaks its locale', async () => {
    const provider = await fixture(
      html`<news-provider base="/test/fixtures/" locale="zh-CN" .client=${fastClient()}><title-list src="missing.json"></title-list></news-provider>`,
    );
    const el = provider.querySelector('title-list')!;
    await loaded(el);
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('服务器返回 404');
  });

  it('takes the nearest lang when no locale is given', async () => {
    const wrapper = await fixture(html`<div lang="zh-CN"><title-list></title-list></div>`);
    expect(wrapper.querySelector('title-list')!.resolvedLocale).to.equal('zh-CN');
  });
});

describe('core: the last src wins', () => {
  it('never lets a slow old response overwrite a newer one, and aborts it', async () => {
    const slowKey = uniqueKey('slow');
    const el = await fixture<TitleList>(
      html`<news-provider .client=${fastClient()}><title-list src=${mockUrl({ key: slowKey, delay: 600, body: '{"items":[{"id":"old","title":"旧的"}]}' })}></title-list></news-provider>`,
    ).then((p) => p.querySelector('title-list')!);
    const loads: string[] = [];
    el.addEventListener('newsroom-load', (event) => loads.push(event.detail.src));
    // Change src once the slow request is on the network: one never sent cannot be cancelled.
    await waitUntil(async () => (await mockLog(slowKey)).length === 1, 'the slow request sent');
    el.src = mockUrl({ key: uniqueKey('fast'), body: '{"items":[{"id":"new","title":"新的"}]}' });
    await oneEvent(el, 'newsroom-load');
    // The old request was cancelled on the network, so its answer can never arrive.
    await waitUntil(async () => (await mockLog(slowKey))[0]?.aborted, 'the old request cancelled');
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['新的']);
    expect(loads).to.have.length(1);
    expect(loads[0]).to.contain('fast');
  });

  it('aborts its request when it leaves the page', async () => {
    const key = uniqueKey();
    const wrapper = await fixture(html`<news-provider .client=${fastClient()}></news-provider>`);
    const el = document.createElement('title-list');
    let settled = false;
    el.addEventListener('newsroom-load', () => (settled = true));
    el.addEventListener('newsroom-error', () => (settled = true));
    el.src = mockUrl({ key, delay: 300, then: '/test/fixtures/list.json' });
    wrapper.append(el);
    await el.updateComplete;
    await waitUntil(async () => (await mockLog(key)).length === 1, 'the request reached the server');
    el.remove();
    await waitUntil(async () => (await mockLog(key))[0].aborted, 'the request cancelled on the network');
    expect(settled).to.equal(false);
  });

  it('shows data set as a property without a request', async () => {
    const el = await fixture<TitleList>(html`<title-list .data=${{ items: [{ id: 'p', title: 'From a property' }] }}></title-list>`);
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['From a property']);
  });
});

describe('core: lifecycle on real host pages', () => {
  it('an element moved while its request is in flight loads and leaves the busy state', async () => {
    const key = uniqueKey();
    const wrapper = await fixture(html`<div><section id="a"></section><section id="b"></section></div>`);
    const el = document.createElement('title-list');
    el.src = mockUrl({ key, delay: 300, then: '/test/fixtures/list.json' });
    wrapper.querySelector('#a')!.append(el);
    await el.updateComplete;
    expect(el.getAttribute('aria-busy')).to.equal('true');
    await waitUntil(async () => (await mockLog(key)).length === 1, 'first request sent');
    wrapper.querySelector('#b')!.append(el);
    await loaded(el);
    expect(titles(el)).to.have.length(3);
    await el.updateComplete;
    expect(el.hasAttribute('aria-busy')).to.equal(false);
  });

  it('keeps data set before the element was defined (a late bundle)', async () => {
    const tag = `late-list-${uniqueKey().replace(/\W/g, '')}`.toLowerCase();
    const wrapper = await fixture(html`<div></div>`);
    const early = document.createElement(tag) as HTMLElement & { data?: unknown; resolvedLocale?: string };
    early.data = { items: [{ id: '1', title: 'Set before define' }] };
    (early as unknown as { locale: string }).locale = 'zh-CN';
    wrapper.append(early);
    customElements.define(tag, class extends TitleList {});
    await (early as unknown as TitleList).updateComplete;
    expect(titles(early)).to.deep.equal(['Set before define']);
    expect((early.data as { items: unknown[] }).items).to.have.length(1);
    expect(early.resolvedLocale).to.equal('zh-CN');
  });

  it('follows a later lang change: strings and dates re-render in the new language', async () => {
    const wrapper = await fixture(
      html`<div lang="en"><news-provider .client=${fastClient()}><title-list src=${mockUrl({ key: uniqueKey(), fail: '404' })}></title-list></news-provider></div>`,
    );
    const el = wrapper.querySelector('title-list')!;
    await loaded(el);
    expect(el.shadowRoot!.querySelector('button')!.textContent).to.equal('Try again');
    wrapper.setAttribute('lang', 'zh-CN');
    await waitUntil(() => el.shadowRoot!.querySelector('button')!.textContent === '重试', 'the new language');
    expect(el.resolvedLocale).to.equal('zh-CN');
    document.documentElement.setAttribute('lang', 'zh-CN');
    wrapper.removeAttribute('lang');
    await waitUntil(() => el.shadowRoot!.querySelector('button')!.textContent === '重试', 'still Chinese from <html>');
    document.documentElement.setAttribute('lang', 'en');
    await waitUntil(() => el.shadowRoot!.querySelector('button')!.textContent === 'Try again', 'back to English');
  });

  it('one page, one client: a site.json used inside a provider and outside it is fetched once', async () => {
    const key = uniqueKey();
    const src = mockUrl({ key, delay: 100, then: '/test/fixtures/list.json' });
    const wrapper = await fixture(
      html`<div><news-provider><title-list src=${src}></title-list></news-provider><title-list src=${src}></title-list></div>`,
    );
    const [inside, outside] = [...wrapper.querySelectorAll('title-list')];
    await loaded(inside);
    await loaded(outside);
    expect(titles(inside)).to.have.length(3);
    expect(titles(outside)).to.have.length(3);
    expect(await mockLog(key)).to.have.length(1);
  });

  it('elements sharing one document render it in tasks of their own, not all in one long task', async () => {
    const src = mockUrl({ key: uniqueKey(), delay: 100, then: '/test/fixtures/list.json' });
    const wrapper = await fixture(html`<div><title-list src=${src}></title-list><title-list src=${src}></title-list></div>`);
    let loads = 0;
    let loadsInFirstTask = 0;
    const bothLoaded = new Promise<void>((resolve) => {
      wrapper.addEventListener('newsroom-load', async () => {
        if (++loads === 2) resolve();
        if (loads > 1) return;
        // Still in the task that loaded the first one: how many had loaded by its end.
        for (let i = 0; i < 20; i++) await Promise.resolve();
        loadsInFirstTask = loads;
      });
    });
    await bothLoaded;
    expect(loadsInFirstTask).to.equal(1);
    for (const el of wrapper.querySelectorAll('title-list')) await loaded(el);
  });
});
