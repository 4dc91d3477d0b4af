import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { NewsArticle } from '../src/news-article/news-article.js';
import '../src/news-article/define.js';
import '../src/related-articles/define.js';
import { fastClient, mockLog, mockUrl, part, uniqueKey, until } from './helpers.js';

const ARTICLE = '/test/fixtures/article-1001.json';
const TEMPLATE = '/test/fixtures/article-{id}.json';

const root = (el: Element) => el.shadowRoot!;
const text = (el: Element, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim();
const action = <T extends HTMLElement = HTMLElement>(el: Element, name: string) => root(el).querySelector<T>(`[data-action=${name}]`);
const loaded = (el: NewsArticle) => until(() => part(el, 'article') || root(el).querySelector('[role=alert]'), 'article shown');
const abs = (path: string, base = location.href) => new URL(path, base).href;

async function article(markup: ReturnType<typeof html>): Promise<NewsArticle> {
  const host = await fixture(markup);
  const el = host.localName === 'news-article' ? (host as NewsArticle) : host.querySelector('news-article')!;
  await loaded(el);
  await el.updateComplete;
  return el;
}

/** Replaces a property of `target` for one test. */
function stub<T extends object, K extends keyof T>(target: T, key: K, value: unknown): () => void {
  const own = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, { value, configurable: true, writable: true });
  return () => (own ? Object.defineProperty(target, key, own) : delete (target as Record<K, unknown>)[key]);
}

describe('news-article fields', () => {
  it('shows category, title, source, author, dates, image, body, editor and previous / next in Chinese', async () => {
    const el = await article(html`<news-provider locale="zh-CN" .client=${fastClient()}>
      <news-article src=${ARTICLE}></news-article></news-provider>`);
    expect(text(el, 'category')).to.equal('公司新闻');
    const h1 = root(el).querySelector('h1')!;
    expect(h1.textContent).to.equal('利诚商贸与长春物流园签署战略合作协议');
    expect(h1.getAttribute('part')).to.equal('title');
    const meta = text(el, 'meta')!;
    expect(meta).to.contain('来源：吉林省利诚商贸有限公司');
    expect(meta).to.contain('作者：施本允');
    const times = [...part(el, 'meta')!.querySelectorAll('time')];
    expect(times.map((t) => t.getAttribute('datetime'))).to.deep.equal(['2025-06-10T20:53:04+08:00', '2025-06-11T09:30:00+08:00']);
    expect(times[0].parentElement!.textContent).to.match(/^发布时间：2025年6月1[01]日/);
    expect(times[1].parentElement!.textContent).to.match(/^更新时间：2025年6月11日/);
    // Relative image URLs resolve against the article's own URL.
    expect(part(el, 'image')!.querySelector('img')!.src).to.equal(abs('article-lead.svg', abs(ARTICLE)));
    expect(part(el, 'image')!.querySelector('img')!.alt).to.equal('');
    const body = part(el, 'body')!;
    expect(body.querySelector('h2')!.textContent).to.equal('合作内容');
    expect(body.querySelector('figure img')!.getAttribute('src')).to.equal(abs('article-figure.svg', abs(ARTICLE)));
    expect(body.querySelector('figcaption')!.textContent).to.equal('签约仪式现场');
    expect(body.querySelector('blockquote')).to.not.equal(null);
    expect(body.querySelectorAll('li')).to.have.length(2);
    expect(body.querySelector('code')!.textContent).to.equal('GET /api/orders');
    const external = body.querySelector<HTMLAnchorElement>('a[href^="https://partner.example"]')!;
    expect(external.rel).to.equal('noopener noreferrer');
    expect(external.target).to.equal('_blank');
    expect(body.querySelector<HTMLAnchorElement>('a[href$="about.html"]')!.href).to.equal(abs('/news/about.html'));
    expect(body.querySelector<HTMLImageElement>('img')!.loading).to.equal('lazy');
    expect(text(el, 'editor')).to.equal('责任编辑：游婕');
    const pager = part(el, 'pager')!;
    expect(pager.getAttribute('aria-label')).to.equal('更多文章');
    expect(pager.querySelector('.prev')!.textContent!.trim()).to.equal('上一篇：智能AI担起学校食堂“管家” 专抓后厨不当操作');
    expect(pager.querySelector('.next')!.textContent!.trim()).to.equal('下一篇：重庆铜梁：开展老年人消费品市场体验');
    // Without an article-href template the links' own url is used.
    expect(pager.querySelector<HTMLAnchorElement>('.prev a')!.href).to.equal(abs('/news/1000.html'));
    expect(pager.querySelector<HTMLAnchorElement>('.next a')!.href).to.equal('https://partner.example/news/1002.html');
    expect(pager.querySelector<HTMLAnchorElement>('.next a')!.rel).to.equal('noopener noreferrer');
    expect(root(el).textContent).to.not.match(/undefined|null|NaN|Invalid Date|\[object Object\]/);
    await expect(el).to.be.accessible();
  });

  it('speaks English', async () => {
    const el = await article(html`<news-article locale="en" src=${ARTICLE}></news-article>`);
    const meta = text(el, 'meta')!;
    expect(meta).to.contain('Source: 吉林省利诚商贸有限公司');
    expect(meta).to.contain('By 施本允');
    expect(meta).to.match(/Published Jun 1[01], 2025/);
    expect(meta).to.contain('Updated Jun 11, 2025');
    expect(text(el, 'editor')).to.equal('Editor: 游婕');
    expect(part(el, 'pager')!.querySelector('.prev')!.textContent!.trim()).to.match(/^Previous: /);
    expect(part(el, 'pager')!.querySelector('.next')!.textContent!.trim()).to.match(/^Next: /);
    expect(action(el, 'print')!.textContent).to.equal('Print');
    expect(part(el, 'body')!.querySelector('[role=region]')!.getAttribute('aria-label')).to.equal('首年运营目标');
    await expect(el).to.be.accessible();
  });

  it('takes the language from the page when no locale is given', async () => {
    const host = await fixture(html`<div lang="zh-CN"><news-article src=${ARTICLE}></news-article></div>`);
    const el = host.querySelector('news-article')!;
    await loaded(el);
    expect(action(el, 'print')!.textContent).to.equal('打印此页');
  });

  it('prefers article-href for previous / next and falls back to the url for a link without an id', async () => {
    const el = await article(html`<news-provider article-href="/read.html?id={id}" .client=${fastClient()}>
      <news-article src=${ARTICLE}></news-article></news-provider>`);
    expect(part(el, 'pager')!.querySelector<HTMLAnchorElement>('.prev a')!.href).to.equal(abs('/read.html?id=1000'));
    // The element's own template wins over the provider's.
    el.articleHref = '/story/{id}';
    await el.updateComplete;
    expect(part(el, 'pager')!.querySelector<HTMLAnchorElement>('.next a')!.href).to.equal(abs('/story/1002'));
    el.data = { id: '5', title: 'x', body: '', prev: { title: '无编号', url: '/news/4.html' }, next: { title: '无链接' } };
    await el.updateComplete;
    expect(part(el, 'pager')!.querySelector<HTMLAnchorElement>('.prev a')!.href).to.equal(abs('/news/4.html'));
    // No id, no url: the title as text.
    expect(part(el, 'pager')!.querySelector('.next a')).to.equal(null);
    expect(part(el, 'pager')!.querySelector('.next')!.textContent!.trim()).to.equal('Next: 无链接');
  });

  it('announces previous / next as a cancelable news-select for in-page routing', async () => {
    const el = await article(html`<news-article article-href="#article-{id}" src=${ARTICLE}></news-article>`);
    el.addEventListener('news-select', (event) => event.preventDefault(), { once: true });
    const link = part(el, 'pager')!.querySelector<HTMLAnchorElement>('.next a')!;
    const selected = oneEvent(el, 'news-select');
    link.click();
    const event = await selected;
    expect(event.detail.item.id).to.equal('1002');
    expect(location.hash).to.not.equal('#article-1002');
  });

  it('renders nothing for missing optional fields', async () => {
    const el = await article(html`<news-article locale="zh-CN" src="/test/fixtures/article-minimal.json"></news-article>`);
    expect(root(el).querySelector('h1')!.textContent).to.equal('只有标题和正文');
    for (const name of ['category', 'meta', 'image', 'editor', 'pager']) expect(part(el, name), name).to.equal(null);
    expect(root(el).textContent).to.not.match(/来源|作者|发布时间|更新时间|责任编辑|上一篇|下一篇/);
    expect(text(el, 'body')).to.equal('正文第一段。');
    await expect(el).to.be.accessible();
  });

  it('drops wrong-typed fields without showing undefined, [object Object] or Invalid Date', async () => {
    const el = await article(html`<news-article locale="zh-CN" src="/test/fixtures/article-wrong-types.json"></news-article>`);
    expect(root(el).querySelector('h1')!.textContent).to.equal('类型错误的字段');
    expect(part(el, 'image')).to.equal(null);
    expect(part(el, 'meta')).to.equal(null);
    expect(root(el).querySelector('time')).to.equal(null);
    expect(root(el).textContent).to.not.match(/undefined|null|NaN|Invalid Date|\[object Object\]|来源|责任编辑/);
    expect((window as { __pwned?: boolean }).__pwned).to.equal(undefined);
  });

  it('shows the updated date only when it differs from the published one', async () => {
    const el = await fixture<NewsArticle>(html`<news-article locale="en"></news-article>`);
    el.data = { id: '1', title: 't', date: '2025-06-10T20:53:04+08:00', updated: '2025-06-10T20:53:04+08:00', body: '' };
    await el.updateComplete;
    expect(part(el, 'meta')!.querySelectorAll('time')).to.have.length(1);
    expect(text(el, 'meta')).to.not.contain('Updated');
  });

  it('reads JSON Feed and WordPress articles', async () => {
    const el = await fixture<NewsArticle>(html`<news-article locale="en"></news-article>`);
    el.data = {
      id: 'f1',
      title: 'Feed item',
      content_html: '<p>From a feed</p>',
      date_published: '2025-06-01T10:00:00Z',
      authors: [{ name: 'Lin' }],
    };
    await el.updateComplete;
    expect(root(el).querySelector('h1')!.textContent).to.equal('Feed item');
    expect(text(el, 'meta')).to.contain('By Lin');
    expect(text(el, 'body')).to.equal('From a feed');
    el.data = [
      {
        id: 12,
        date: '2025-06-02T10:00:00',
        date_gmt: '2025-06-02T02:00:00',
        title: { rendered: 'WP &amp; post' },
        content: { rendered: '<p>From WordPress</p>' },
        link: 'https://wp.example/12',
      },
    ];
    await el.updateComplete;
    expect(root(el).querySelector('h1')!.textContent).to.equal('WP & post');
    expect(text(el, 'body')).to.equal('From WordPress');
  });

  it('keeps images within the column and lets wide tables scroll on their own, by keyboard too', async () => {
    const host = await fixture(html`<div class="narrow"><news-article src=${ARTICLE}></news-article></div>`);
    (host as HTMLElement).style.width = '320px';
    const el = host.querySelector('news-article')!;
    await loaded(el);
    const body = part(el, 'body')!;
    const figure = body.querySelector('figure img')!;
    await waitUntil(() => (figure as HTMLImageElement).complete, 'figure loaded');
    expect(figure.getBoundingClientRect().width).to.be.at.most(body.getBoundingClientRect().width + 0.5);
    expect(el.scrollWidth).to.be.at.most(320);
    const region = body.querySelector<HTMLElement>('.table')!;
    expect(region.getAttribute('role')).to.equal('region');
    expect(region.scrollWidth).to.be.greaterThan(region.clientWidth);
    expect(region.tabIndex).to.equal(0);
    region.focus();
    expect(root(el).activeElement).to.equal(region);
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => region.scrollLeft > 0, 'table scrolled by keyboard');
  });

  it('sets document.title only with set-title', async () => {
    const before = document.title;
    const plain = await article(html`<news-article src=${ARTICLE}></news-article>`);
    expect(document.title).to.equal(before);
    plain.remove();
    try {
      await article(html`<news-article set-title src="/test/fixtures/article-1002.json"></news-article>`);
      expect(document.title).to.equal('Chongqing Tongliang opens a consumer experience day for older shoppers');
    } finally {
      document.title = before;
    }
  });
});

describe('news-article choosing the article', () => {
  it('loads src, exposes data and article, fires newsroom-load', async () => {
    const el = document.createElement('news-article');
    const load = oneEvent(el, 'newsroom-load');
    el.src = ARTICLE;
    document.body.append(el);
    try {
      const event = await load;
      expect(event.detail.src).to.equal(abs(ARTICLE));
      expect((event.detail.data as { id: string }).id).to.equal('1001');
      expect((el.data as { id: string }).id).to.equal('1001');
      expect(el.article!.title).to.equal('利诚商贸与长春物流园签署战略合作协议');
      expect(el.article!.category).to.deep.equal({ id: 'company', label: '公司新闻' });
      expect(el.article!.base).to.equal(abs(ARTICLE));
    } finally {
      el.remove();
    }
  });

  it('has no article before one loads, and reads inline JSON without a request', async () => {
    const empty = await fixture<NewsArticle>(html`<news-article></news-article>`);
    expect(empty.article).to.equal(undefined);
    expect(root(empty).textContent!.trim()).to.equal('');
    const el = await fixture<NewsArticle>(
      html`<news-article><script type="application/json">{"id":"3","title":"内嵌文章","body":"<p>内嵌正文</p>"}</script></news-article>`,
    );
    await el.updateComplete;
    expect(root(el).querySelector('h1')!.textContent).to.equal('内嵌文章');
    expect(el.article!.id).to.equal('3');
  });

  it('fills article-src with article-id, and a new article-id loads the new article, aborting the old request', async () => {
    const key = uniqueKey('article-id');
    const template = mockUrl({ key, then: TEMPLATE.replace('{id}', '%7Bid%7D'), delay: 300 }).replace(/%7Bid%7D|%257Bid%257D/gi, '{id}');
    const el = await fixture<NewsArticle>(
      html`<news-provider .client=${fastClient()}><news-article article-id="1001" article-src=${template}></news-article></news-provider>`,
    ).then((host) => host.querySelector('news-article')!);
    expect(root(el).querySelector('.placeholder')).to.not.equal(null);
    expect(el.hasAttribute('aria-busy')).to.equal(true);
    await loaded(el);
    expect(root(el).querySelector('h1')!.textContent).to.equal('利诚商贸与长春物流园签署战略合作协议');
    // Two quick changes: only the last one shows.
    el.articleId = 'minimal';
    // Change again once the request in between is on the network (an engine may start it later
    // than the update; one never sent cannot show that it was cancelled).
    await waitUntil(async () => (await mockLog(key)).some((entry) => entry.url.includes('minimal')), 'the middle request sent');
    el.articleId = '1002';
    await until(() => root(el).querySelector('h1')?.textContent?.startsWith('Chongqing'), 'second article');
    // The request for the article in between was cancelled on the network: it cannot land later.
    await waitUntil(
      async () => (await mockLog(key)).find((entry) => entry.url.includes('minimal'))?.aborted,
      'the middle request cancelled',
    );
    expect(root(el).querySelector('h1')!.textContent).to.match(/^Chongqing/);
    expect(root(el).querySelector('[role=alert]')).to.equal(null);
    const urls = (await mockLog(key)).map((entry) => decodeURIComponent(entry.url));
    expect(urls.some((url) => url.includes('article-1002.json'))).to.equal(true);
    expect(el.hasAttribute('aria-busy')).to.equal(false);
  });

  it('takes the id from the page URL with article-src', async () => {
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}?id=1002${location.hash}`);
    try {
      const el = await article(html`<news-article article-src=${TEMPLATE}></news-article>`);
      expect(root(el).querySelector('h1')!.textContent).to.match(/^Chongqing Tongliang/);
      // Back / forward to another id loads that article.
      history.pushState(null, '', `${location.pathname}?id=minimal`);
      window.dispatchEvent(new PopStateEvent('popstate'));
      await until(() => root(el).querySelector('h1')?.textContent === '只有标题和正文', 'popstate followed');
      // article-id wins over the page URL.
      el.articleId = '1001';
      await until(() => root(el).querySelector('h1')?.textContent?.startsWith('利诚'), 'article-id wins');
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('src wins over article-id, and nothing loads without an id', async () => {
    const el = await article(
      html`<news-article src="/test/fixtures/article-minimal.json" article-id="1001" article-src=${TEMPLATE}></news-article>`,
    );
    expect(root(el).querySelector('h1')!.textContent).to.equal('只有标题和正文');
    const idle = await fixture<NewsArticle>(html`<news-article article-src=${TEMPLATE}></news-article>`);
    expect(idle.article).to.equal(undefined);
    expect(root(idle).querySelector('.placeholder')).to.equal(null);
  });

  it('shows a failure with a retry button and recovers', async () => {
    const key = uniqueKey('article-fail');
    const el = await article(html`<news-provider locale="zh-CN" .client=${fastClient()}>
      <news-article src=${mockUrl({ key, fail: '404', then: ARTICLE })}></news-article></news-provider>`);
    const alert = root(el).querySelector('[role=alert]')!;
    expect(alert.textContent).to.contain('404');
    alert.querySelector('button')!.click();
    await until(() => root(el).querySelector('h1'), 'retried');
    expect((await mockLog(key)).length).to.equal(2);
  });

  it('is followed by related-articles for=… without a second request', async () => {
    const key = uniqueKey('article-related');
    const host = await fixture(html`<news-provider .client=${fastClient()}>
      <news-article id="story" src=${mockUrl({ key, then: ARTICLE })}></news-article>
      <related-articles for="story"></related-articles></news-provider>`);
    const related = host.querySelector('related-articles')!;
    await until(() => related.shadowRoot!.querySelector('[part~=item]'), 'related shown');
    expect(related.shadowRoot!.textContent).to.contain('全力保障残运会接待基地食品安全');
    expect((await mockLog(key)).length).to.equal(1);
  });
});

describe('news-article controls', () => {
  it('prints with window.print', async () => {
    let printed = 0;
    const restore = stub(window, 'print', () => printed++);
    try {
      const el = await article(html`<news-article locale="zh-CN" src=${ARTICLE}></news-article>`);
      const button = action(el, 'print')!;
      expect(button.textContent).to.equal('打印此页');
      button.click();
      expect(printed).to.equal(1);
    } finally {
      restore();
    }
  });

  it('uses the Web Share API where there is one', async () => {
    const shared: ShareData[] = [];
    const restore = stub(navigator, 'share', async (data: ShareData) => void shared.push(data));
    try {
      const el = await article(html`<news-article article-href="/read.html?id={id}" src=${ARTICLE}></news-article>`);
      expect(action(el, 'copy')).to.equal(null);
      expect(action(el, 'weibo')).to.equal(null);
      action(el, 'share')!.click();
      expect(shared).to.deep.equal([{ title: '利诚商贸与长春物流园签署战略合作协议', url: abs('/read.html?id=1001') }]);
    } finally {
      restore();
    }
  });

  it('falls back to Weibo and email links and a copy button with a visible confirmation', async () => {
    const restoreShare = stub(navigator, 'share', undefined);
    const copied: string[] = [];
    const restoreClipboard = stub(navigator, 'clipboard', { writeText: async (value: string) => void copied.push(value) });
    try {
      const el = await article(html`<news-article locale="zh-CN" src=${ARTICLE}></news-article>`);
      expect(action(el, 'share')).to.equal(null);
      const weibo = action<HTMLAnchorElement>(el, 'weibo')!;
      const url = new URL(weibo.href);
      expect(url.origin + url.pathname).to.equal('https://service.weibo.com/share/share.php');
      expect(url.searchParams.get('url')).to.equal(location.href);
      expect(url.searchParams.get('title')).to.equal('利诚商贸与长春物流园签署战略合作协议');
      expect(weibo.rel).to.equal('noopener noreferrer');
      const email = action<HTMLAnchorElement>(el, 'email')!;
      expect(email.href).to.match(/^mailto:\?subject=/);
      expect(decodeURIComponent(email.href)).to.contain(`body=${location.href}`);
      expect(decodeURIComponent(email.href)).to.contain('subject=利诚商贸与长春物流园签署战略合作协议');
      const status = root(el).querySelector('[role=status]')!;
      expect(status.textContent).to.equal('');
      action(el, 'copy')!.click();
      await waitUntil(() => status.textContent === '链接已复制。', 'copy confirmed');
      expect(copied).to.deep.equal([location.href]);
      expect(getComputedStyle(status).display).to.not.equal('none');
      await expect(el).to.be.accessible();
    } finally {
      restoreShare();
      restoreClipboard();
    }
  });

  it('shows the link to copy by hand when the clipboard refuses', async () => {
    const restoreShare = stub(navigator, 'share', undefined);
    const restoreClipboard = stub(navigator, 'clipboard', {
      writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')),
    });
    try {
      const el = await article(html`<news-article locale="en" src=${ARTICLE}></news-article>`);
      action(el, 'copy')!.click();
      const status = root(el).querySelector('[role=status]')!;
      await waitUntil(() => status.textContent !== '', 'copy failure shown');
      expect(status.textContent).to.equal(`Copy this link: ${location.href}`);
    } finally {
      restoreShare();
      restoreClipboard();
    }
  });

  it('shows no close control unless asked', async () => {
    const el = await article(html`<news-article src=${ARTICLE}></news-article>`);
    expect(action(el, 'close')).to.equal(null);
  });

  it('closes a window the site opened, else goes back', async () => {
    let closed = 0;
    let back = 0;
    const restoreClose = stub(window, 'close', () => closed++);
    const restoreBack = stub(history, 'back', () => back++);
    const restoreOpener = stub(window, 'opener', null);
    try {
      const el = await article(html`<news-article locale="zh-CN" close src=${ARTICLE}></news-article>`);
      const button = action(el, 'close')!;
      expect(button.localName).to.equal('button');
      expect(button.textContent).to.equal('关闭');
      button.click();
      expect([closed, back]).to.deep.equal([0, 1]);
      (window as { opener: unknown }).opener = {};
      button.click();
      expect([closed, back]).to.deep.equal([1, 1]);
    } finally {
      restoreClose();
      restoreBack();
      restoreOpener();
    }
  });

  it('with back-href, is a link that leads there when there is nothing to go back to', async () => {
    let back = 0;
    const restoreBack = stub(history, 'back', () => back++);
    const restoreOpener = stub(window, 'opener', null);
    try {
      const el = await article(html`<news-article close back-href="/news/" src=${ARTICLE}></news-article>`);
      const link = action<HTMLAnchorElement>(el, 'close')!;
      expect(link.localName).to.equal('a');
      expect(link.href).to.equal(abs('/news/'));
      let followed: boolean | undefined;
      // Runs after the element's own handler; keeps the test page where it is.
      root(el).addEventListener(
        'click',
        (event) => {
          followed = !event.defaultPrevented;
          event.preventDefault();
        },
        { once: true },
      );
      link.click();
      // The test page has no same-site referrer: the link is followed, history is left alone.
      expect(followed).to.equal(true);
      expect(back).to.equal(0);
      // A javascript: back-href is refused: the control goes back instead.
      el.backHref = 'javascript:window.__pwned=true';
      await el.updateComplete;
      expect(action(el, 'close')!.localName).to.equal('button');
    } finally {
      restoreBack();
      restoreOpener();
    }
  });

  it('reaches every control by keyboard', async () => {
    const restoreShare = stub(navigator, 'share', undefined);
    try {
      const el = await article(html`<news-article close locale="en" src=${ARTICLE}></news-article>`);
      const order: string[] = [];
      const before = document.createElement('button');
      before.textContent = 'before';
      el.before(before);
      before.focus();
      for (let i = 0; i < 5; i++) {
        await sendKeys({ press: 'Tab' });
        order.push(root(el).activeElement?.getAttribute('data-action') ?? '');
      }
      before.remove();
      expect(order).to.deep.equal(['weibo', 'email', 'copy', 'print', 'close']);
    } finally {
      restoreShare();
    }
  });
});

describe('news-article: on a real host page', () => {
  it("heading-level sets the headline's level (default h1)", async () => {
    const data = { id: '1', title: 'Level three', body: '<p>x</p>' };
    const el = await article(html`<news-article heading-level="3" .data=${data}></news-article>`);
    expect(part(el, 'title')!.localName).to.equal('h3');
    const plain = await article(html`<news-article .data=${data}></news-article>`);
    expect(part(plain, 'title')!.localName).to.equal('h1');
    await expect(el).to.be.accessible();
  });

  it("gives the lead image the data's alt text and caption", async () => {
    const el = await article(
      html`<news-article .data=${{ id: '1', title: 'T', body: '<p>x</p>', image: { url: '/img/a.jpg', alt: '签约仪式现场', caption: '签约仪式在长春举行' } }}></news-article>`,
    );
    expect(part(el, 'image')!.querySelector('img')!.getAttribute('alt')).to.equal('签约仪式现场');
    expect(part(el, 'image')!.querySelector('figcaption')!.textContent).to.equal('签约仪式在长春举行');
    const flat = await article(
      html`<news-article .data=${{ id: '1', title: 'T', body: '<p>x</p>', image: '/img/a.jpg', imageAlt: 'Warehouse' }}></news-article>`,
    );
    expect(part(flat, 'image')!.querySelector('img')!.getAttribute('alt')).to.equal('Warehouse');
    expect(part(flat, 'image')!.querySelector('figcaption')).to.equal(null);
    const wp = {
      id: 5,
      title: { rendered: 'WP' },
      content: { rendered: '<p>x</p>' },
      date_gmt: '2025-06-01T00:00:00',
      _embedded: {
        'wp:featuredmedia': [
          { source_url: '/img/wp.jpg', alt_text: 'A forklift', caption: { rendered: '<p>In the <b>new</b> depot</p>' } },
        ],
      },
    };
    const fromWp = await article(html`<news-article .data=${wp}></news-article>`);
    expect(part(fromWp, 'image')!.querySelector('img')!.getAttribute('alt')).to.equal('A forklift');
    expect(part(fromWp, 'image')!.querySelector('figcaption')!.textContent).to.equal('In the new depot');
    const bare = await article(html`<news-article .data=${{ id: '1', title: 'T', body: '<p>x</p>', image: '/img/a.jpg' }}></news-article>`);
    expect(part(bare, 'image')!.querySelector('img')!.getAttribute('alt')).to.equal('');
    await expect(el).to.be.accessible();
  });

  it("body content cannot take on the element's own error panel or button styles", async () => {
    const body =
      '<div class="error" role="alert"><p>Your session expired.</p><a class="button" href="/login">Sign in again</a></div><p class="visually-hidden">hidden?</p>';
    const el = await article(html`<news-article .data=${{ id: '1', title: 'T', body }}></news-article>`);
    const fake = part(el, 'body')!.querySelector('div')!;
    expect(fake.hasAttribute('class')).to.equal(false);
    const style = getComputedStyle(fake);
    expect(style.borderLeftWidth).to.equal('0px');
    expect(style.display).to.equal('block');
    const link = part(el, 'body')!.querySelector('a')!;
    expect(getComputedStyle(link).borderTopWidth).to.equal('0px');
    expect(part(el, 'body')!.querySelector('p:last-child')!.getBoundingClientRect().width).to.be.above(1);
  });

  it('underlines links in the text; the previous / next links only under the pointer, and content cannot opt out', async () => {
    const body = '<p>See <a href="/plan">the plan</a> and <a part="link" href="/terms">the terms</a>.</p>';
    const el = await article(
      html`<news-article .data=${{ id: '1', title: 'T', body, next: { id: '2', title: 'Next one' } }} article-href="/a/{id}"></news-article>`,
    );
    const line = (link: Element) => getComputedStyle(link).textDecorationLine;
    const [plan, terms] = part(el, 'body')!.querySelectorAll('a');
    expect(terms.hasAttribute('part')).to.equal(false);
    expect([line(plan), line(terms)]).to.deep.equal(['underline', 'underline']);
    const next = part(el, 'pager')!.querySelector('a')!;
    expect(line(next)).to.equal('none');
    const box = next.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
    expect(line(next)).to.equal('underline');
    await sendMouse({ type: 'move', position: [0, 0] });
    expect(line(next)).to.equal('none');
  });

  it("re-labels the body's tables and dates when the page language changes", async () => {
    const wrapper = await fixture(
      html`<div lang="en"><news-article .data=${{ id: '1', title: 'T', date: '2025-06-10T12:00:00+08:00', body: '<table><tr><td>1</td></tr></table>' }}></news-article></div>`,
    );
    const el = wrapper.querySelector('news-article')!;
    await loaded(el);
    const frame = () => part(el, 'body')!.querySelector('[role=region]')!;
    const english = frame().getAttribute('aria-label');
    const date = () => part(el, 'meta')!.querySelector('time')!.textContent;
    expect(date()).to.match(/2025/);
    const englishDate = date();
    wrapper.setAttribute('lang', 'zh-CN');
    await waitUntil(() => frame().getAttribute('aria-label') !== english, 'the table label follows');
    expect(frame().getAttribute('aria-label')).to.match(/[\u4e00-\u9fff]/);
    expect(date()).to.not.equal(englishDate);
    expect(date()).to.contain('2025年');
  });

  it('a body the parser turns into a frameset loses only itself', async () => {
    for (const body of ['<frameset onload="window.__pwned=1"><frame src="javascript:1">', '<div><frameset><frame>']) {
      const el = await article(html`<news-article .data=${{ id: '1', title: 'Still here', body, editor: 'Ed' }}></news-article>`);
      expect(text(el, 'title')).to.equal('Still here');
      expect(text(el, 'editor')).to.contain('Ed');
      expect(part(el, 'body')!.textContent).to.not.contain('null');
    }
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
