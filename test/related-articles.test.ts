import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { ContentElement } from '../src/core/element/content-element.js';
import type { RelatedArticles } from '../src/related-articles/related-articles.js';
import '../src/related-articles/define.js';
import { fastClient, mockLog, mockUrl, parts, uniqueKey, until, withoutNavigation } from './helpers.js';

const ARTICLE = '/test/fixtures/related-article.json';

/** A stand-in for `news-article`: any ContentElement that loads an article and fires `newsroom-load`. */
class StubArticle extends ContentElement {
  override render() {
    return this.content.render({ pending: () => litHtml`…`, error: (e) => this.renderError(e), complete: () => litHtml`<p>article</p>` });
  }
}
customElements.define('stub-article', StubArticle);

const titles = (el: RelatedArticles) => parts(el, 'title').map((node) => node.textContent!.trim());
const shown = (el: RelatedArticles, count?: number) =>
  until(
    () =>
      (count === undefined ? parts(el, 'item').length > 0 : parts(el, 'item').length === count) ||
      el.shadowRoot!.querySelector('[role=alert]'),
    'related shown',
  );

describe('related-articles from src', () => {
  it("lists the article's related links with dates under a heading", async () => {
    const provider = await fixture(
      html`<news-provider .client=${fastClient()}><related-articles src=${ARTICLE}></related-articles></news-provider>`,
    );
    const el = provider.querySelector('related-articles')!;
    await shown(el);
    expect(parts(el, 'heading')[0].textContent).to.equal('Related articles');
    expect(el.shadowRoot!.querySelector('section')!.getAttribute('aria-labelledby')).to.equal('heading');
    expect(titles(el)).to.have.length(6);
    expect(titles(el)[0]).to.equal('全力保障残运会接待基地食品安全');
    const links = parts(el, 'link') as HTMLAnchorElement[];
    expect(links[0].href).to.equal(new URL('/news/990.html', location.href).href);
    // A relative url resolves against the article it came from.
    expect(links[1].href).to.equal(new URL('/test/fixtures/991.html', location.href).href);
    expect(links[2].rel).to.equal('noopener noreferrer');
    expect(parts(el, 'item')[0].querySelector('time')!.getAttribute('datetime')).to.equal('2025-05-30T09:00:00+08:00');
    expect(parts(el, 'item')[0].querySelector('time')!.textContent).to.equal('May 30, 2025');
    // No date: no empty <time>.
    expect(parts(el, 'item')[2].querySelectorAll('time')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('renders a hostile title as text and a javascript: url as no link', async () => {
    const el = await fixture<RelatedArticles>(html`<related-articles src=${ARTICLE}></related-articles>`);
    await shown(el);
    const hostile = parts(el, 'item')[3];
    expect(hostile.textContent).to.contain('<img src=x onerror="window.__pwned=1">贵阳助推新型工业化');
    expect(hostile.querySelectorAll('a, img')).to.have.length(0);
    expect(el.shadowRoot!.textContent).to.not.match(/undefined|NaN|Invalid Date|\[object Object\]/);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('caps the count with limit, takes article-href, speaks Chinese', async () => {
    const provider = await fixture(html`<news-provider locale="zh-CN" article-href="/read?id={id}" .client=${fastClient()}>
      <related-articles limit="2" src=${ARTICLE}></related-articles></news-provider>`);
    const el = provider.querySelector('related-articles')!;
    await shown(el);
    expect(titles(el)).to.deep.equal(['全力保障残运会接待基地食品安全', '河北石家庄开展成品油快检 15分钟可出结果']);
    expect(parts(el, 'heading')[0].textContent).to.equal('相关文章');
    expect((parts(el, 'link')[1] as HTMLAnchorElement).href).to.equal(new URL('/read?id=991', location.href).href);
    expect(parts(el, 'date')[0].textContent).to.equal('2025年5月30日');
    await expect(el).to.be.accessible();
  });

  it('fires a cancelable news-select; cancelling stops the navigation', async () => {
    const el = await fixture<RelatedArticles>(html`<related-articles src=${ARTICLE}></related-articles>`);
    await shown(el);
    await withoutNavigation(async (clickPrevented) => {
      setTimeout(() => parts(el, 'link')[0].click());
      const event = await oneEvent(el, 'news-select');
      expect(event.detail.item).to.include({ id: '990', title: '全力保障残运会接待基地食品安全' });
      expect(clickPrevented()).to.equal(false);
      el.addEventListener('news-select', (event) => event.preventDefault());
      parts(el, 'link')[0].click();
      expect(clickPrevented()).to.equal(true);
    });
  });

  it('renders nothing for an article without related links', async () => {
    const el = await fixture<RelatedArticles>(
      html`<related-articles .data=${{ id: '1', title: 'Alone', body: '<p>x</p>' }}></related-articles>`,
    );
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('h2, ul')).to.have.length(0);
    expect(el.shadowRoot!.textContent!.trim()).to.equal('');
  });
});

describe('related-articles for a news article on the page', () => {
  it("follows the article's load without a second request, and updates when it changes", async () => {
    const key = uniqueKey();
    const key2 = uniqueKey();
    const provider = await fixture(html`<news-provider .client=${fastClient()}>
      <stub-article id="story" src=${mockUrl({ key, then: ARTICLE })}></stub-article>
      <related-articles for="story"></related-articles>
    </news-provider>`);
    const article = provider.querySelector('stub-article') as StubArticle;
    const el = provider.querySelector('related-articles')!;
    await shown(el, 6);
    expect(titles(el)[0]).to.equal('全力保障残运会接待基地食品安全');
    expect(await mockLog(key)).to.have.length(1);

    article.src = mockUrl({ key: key2, then: '/test/fixtures/related-article-2.json' });
    await shown(el, 1);
    expect(titles(el)).to.deep.equal(['粮食收购价格稳中有升']);
    expect(await mockLog(key)).to.have.length(1);
    expect(await mockLog(key2)).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('reads an article that loaded before it arrived', async () => {
    const provider = await fixture(html`<news-provider .client=${fastClient()}>
      <stub-article id="early" .data=${{ id: '7', title: 'Early', related: [{ id: '8', title: 'Already here', url: '/news/8.html' }] }}></stub-article>
    </news-provider>`);
    const el = document.createElement('related-articles');
    el.setAttribute('for', 'early');
    provider.append(el);
    await shown(el, 1);
    expect(titles(el)).to.deep.equal(['Already here']);
  });

  it('ignores loads of other elements, and shows nothing when the article fails', async () => {
    const provider = await fixture(html`<news-provider .client=${fastClient()}>
      <stub-article id="other" src=${ARTICLE}></stub-article>
      <stub-article id="broken" src=${mockUrl({ key: uniqueKey(), fail: '404' })}></stub-article>
      <related-articles for="broken"></related-articles>
    </news-provider>`);
    const el = provider.querySelector('related-articles')!;
    await Promise.all([
      oneEvent(provider.querySelector('#broken')!, 'newsroom-error'),
      oneEvent(provider.querySelector('#other')!, 'newsroom-load'),
    ]);
    await el.updateComplete;
    expect(parts(el, 'item')).to.have.length(0);
    expect(el.shadowRoot!.querySelectorAll('.skeleton')).to.have.length(0);
    expect(el.shadowRoot!.querySelectorAll('[role=alert]')).to.have.length(0);
  });

  it('shows a skeleton while the article loads', async () => {
    const provider = await fixture(html`<news-provider .client=${fastClient()}>
      <stub-article id="slow" src=${mockUrl({ key: uniqueKey(), delay: 500, then: ARTICLE })}></stub-article>
      <related-articles for="slow"></related-articles>
    </news-provider>`);
    const el = provider.querySelector('related-articles')!;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('.skeleton').length).to.be.greaterThan(0);
    await shown(el, 6);
  });
});

describe("related-articles never shows another article's links", () => {
  it('switching `for` to an article that has not loaded clears the old links', async () => {
    const slow = uniqueKey();
    const provider = await fixture(html`<news-provider .client=${fastClient()}>
      <stub-article id="one" src=${ARTICLE}></stub-article>
      <stub-article id="two" src=${mockUrl({ key: slow, delay: 400, then: '/test/fixtures/related-article-2.json' })}></stub-article>
      <related-articles for="one"></related-articles>
    </news-provider>`);
    const el = provider.querySelector('related-articles')!;
    const two = provider.querySelector('#two') as StubArticle;
    await shown(el, 6);
    // Wait for "two" to be still loading, then follow it.
    await waitUntil(async () => (await mockLog(slow)).length === 1, 'article two requested');
    el.for = 'two';
    await el.updateComplete;
    expect(titles(el)).to.deep.equal([]);
    await oneEvent(two, 'newsroom-load');
    await shown(el);
    expect(titles(el)).to.not.include('全力保障残运会接待基地食品安全');
  });

  it('follows data set on the article as a property', async () => {
    const provider = await fixture(html`<news-provider .client=${fastClient()}>
      <stub-article id="story"></stub-article>
      <related-articles for="story"></related-articles>
    </news-provider>`);
    const article = provider.querySelector('stub-article') as StubArticle;
    const el = provider.querySelector('related-articles')!;
    article.data = { id: '7', title: 'Set as data', body: '<p>x</p>', related: [{ id: '8', title: 'A related one' }] };
    await shown(el, 1);
    expect(titles(el)).to.deep.equal(['A related one']);
    article.data = { id: '9', title: 'Another', body: '<p>y</p>', related: [{ id: '10', title: 'Its related one' }] };
    await waitUntil(() => titles(el)[0] === 'Its related one', 'the new data followed');
  });
});
