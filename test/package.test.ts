import { expect, fixture, html } from '@open-wc/testing';

// The npm build as a user's bundler sees it (run `npm run build` first; `npm test` does).
const dist = '/dist';

describe('the npm package', () => {
  it('exports every class from a side-effect-free entry, and a class can take another tag name', async () => {
    const classes = await import(/* @vite-ignore */ `${dist}/index.js`);
    for (const name of ['NewsProvider', 'SiteNav', 'ContactCard', 'NewsList', 'RelatedArticles', 'NewsArticle', 'MessageForm']) {
      expect(typeof classes[name], name).to.equal('function');
    }
    expect(customElements.get('news-list')).to.equal(undefined);
    customElements.define('company-news', class extends classes.NewsList {});
    const el = await fixture(
      html`<company-news><script type="application/json">{"items":[{"id":"1","title":"改名后的新闻列表"}]}</script></company-news>`,
    );
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('改名后的新闻列表');
  });

  it('registers one element (and the provider) from its own module, and tolerates a second registration', async () => {
    await import(/* @vite-ignore */ `${dist}/site-nav/define.js`);
    expect(customElements.get('site-nav')).to.not.equal(undefined);
    expect(customElements.get('news-provider')).to.not.equal(undefined);
    expect(customElements.get('news-article')).to.equal(undefined);
    await import(/* @vite-ignore */ `${dist}/all.js`);
    expect(customElements.get('news-article')).to.not.equal(undefined);
  });
});
