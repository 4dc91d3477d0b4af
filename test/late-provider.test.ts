// The lazy loader may define an element before the news-provider around it: the element must
// wait for the provider's base instead of asking the page for a URL that does not exist.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { NewsroomElement } from '../src/core/newsroom-element.js';
import { normalizeList } from '../src/core/formats.js';
import { NewsProvider } from '../src/news-provider/news-provider.js';
import { mockLog, uniqueKey } from './helpers.js';

class LateList extends NewsroomElement {
  override render() {
    return this.content.render({
      pending: () => litHtml`<p>…</p>`,
      error: (error) => this.renderError(error),
      complete: (response) => litHtml`<ul>${normalizeList(response).items.map((item) => litHtml`<li>${item.title}</li>`)}</ul>`,
    });
  }
}
customElements.define('late-list', LateList);

describe('an element defined before its news-provider', () => {
  it("loads src against the provider's base once the provider arrives, and asks the page for nothing", async () => {
    const key = uniqueKey();
    const requests: string[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => requests.push(entry.name)));
    observer.observe({ type: 'resource' });
    const wrapper = await fixture(
      html`<news-provider base="/mock/"><late-list src=${`doc?key=${key}&then=/test/fixtures/list.json`}></late-list></news-provider>`,
    );
    const el = wrapper.querySelector('late-list') as LateList;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
    customElements.define('news-provider', NewsProvider);
    await waitUntil(() => el.shadowRoot!.querySelectorAll('li').length === 3, 'loaded through the provider', { timeout: 8000 });
    expect(await mockLog(key)).to.have.length(1);
    observer.disconnect();
    expect(requests.filter((url) => new URL(url).pathname === '/doc')).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });
});
