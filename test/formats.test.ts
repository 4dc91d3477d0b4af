import { expect } from '@open-wc/testing';
import { normalizeArticle, normalizeList } from '../src/core/data/news-format.js';
import { normalizeSite } from '../src/core/data/site-format.js';

const BAD_TEXT = /undefined|null|NaN|Invalid Date|\[object Object\]/;

async function load(path: string) {
  const response = await fetch(path);
  return { url: new URL(path, location.href).href, data: await response.json() };
}

/** Collects console warnings while `run` executes. */
function warnings(run: () => void): string[] {
  const seen: string[] = [];
  const original = console.warn;
  console.warn = (message: string) => seen.push(message);
  try {
    run();
  } finally {
    console.warn = original;
  }
  return seen;
}

describe('formats', () => {
  it('reads the native list and resolves URLs against the document', async () => {
    const list = normalizeList(await load('/test/fixtures/list.json'));
    expect(list.items).to.have.length(3);
    expect(list.items[0].url).to.equal(new URL('/news/1001.html', location.href).href);
    expect(list.categories.map((c) => c.label)).to.deep.equal(['公司新闻', '行业新闻']);
    expect(list.total).to.equal(3);
  });

  it('detects a JSON Feed 1.1 and maps its fields', async () => {
    const list = normalizeList(await load('/test/fixtures/feed.json'));
    expect(list.items.map((item) => item.title)).to.deep.equal([
      'New cold-chain warehouse opens in Changchun',
      'A feed item without a title. Its second paragraph.',
    ]);
    expect(list.items[0].date).to.equal('2025-06-01T08:00:00+08:00');
    expect(list.categories.map((c) => c.id)).to.deep.equal(['company', 'industry']);
    const article = normalizeArticle({ url: location.href, data: (await load('/test/fixtures/feed.json')).data.items[0] });
    expect(article.author).to.equal('Wang Li, Zhao Min');
    expect(article.updated).to.equal('2025-06-02T08:00:00+08:00');
    expect(article.body).to.contain('<strong>opened</strong>');
  });

  it('detects WordPress posts, decodes entities in titles, and drops unsafe links', async () => {
    const source = await load('/test/fixtures/wp-posts.json');
    const list = normalizeList({ ...source, total: 57 });
    expect(list.items[0].title).to.equal('\u201cSpring Fair\u201d & trade week \u2013 highlights');
    expect(list.items[0].summary).to.equal('Three days, 400 exhibitors \u2026');
    expect(list.items[0].date).to.equal('2025-06-03T02:15:00Z');
    expect(list.items[1].url).to.equal(undefined);
    expect(list.total).to.equal(57);
    const article = normalizeArticle({ url: source.url, data: source.data[0] });
    expect(article.title).to.contain('Spring Fair');
    expect(article.body).to.contain('<script>'); // still raw: sanitizing happens when it renders
    expect(article.updated).to.equal('2025-06-04T02:15:00Z');
  });

  it('drops wrong-typed fields with one warning naming each, and keeps the rest', () => {
    let list!: ReturnType<typeof normalizeList>;
    const seen = warnings(() => {
      list = normalizeList({
        url: location.href,
        data: {
          items: [
            { id: 1, title: 'Good', date: 'yesterday', summary: { html: true }, url: 42, image: 'javascript:alert(1)' },
            { id: 2, title: ['not', 'text'] },
            'not an object',
            null,
            { id: 3, title: 'Also good', date: '2025-01-02', category: { id: 'company' } },
            { id: 4, title: 'Bad date again', date: 'soon' },
          ],
          categories: 'company',
          page: 'two',
          total: -5,
        },
      });
    });
    expect(list.items.map((item) => item.title)).to.deep.equal(['Good', 'Also good', 'Bad date again']);
    expect(list.items[0]).to.deep.equal({
      id: '1',
      title: 'Good',
      summary: undefined,
      date: undefined,
      category: undefined,
      url: undefined,
      image: undefined,
    });
    expect(list.items[1].category).to.equal('company');
    expect(list.page).to.equal(1);
    expect(JSON.stringify(list)).not.to.match(BAD_TEXT);
    expect(seen.some((w) => w.includes('items[].date'))).to.equal(true);
    expect(seen.filter((w) => w.includes('items[].date'))).to.have.length(1);
    expect(seen.some((w) => w.includes('items[].image'))).to.equal(true);
    expect(seen.some((w) => w.includes('categories'))).to.equal(true);
  });

  it('survives data that is not an object at all', () => {
    for (const data of [null, 42, 'text', true]) {
      warnings(() => {
        expect(normalizeList({ url: location.href, data }).items).to.deep.equal([]);
        expect(normalizeArticle({ url: location.href, data }).title).to.equal('');
        expect(normalizeSite(data).menus).to.deep.equal({});
      });
    }
  });

  it('reads site.json menus, skipping malformed entries', () => {
    let site!: ReturnType<typeof normalizeSite>;
    warnings(() => {
      site = normalizeSite({
        name: 'Example Trading Co.',
        menus: {
          main: [
            { label: 'Home', href: '/' },
            { label: 'News', href: '/news/', children: [{ label: 'Company', href: '/news/company/' }, 7, { href: '/x' }] },
            { label: '<img src=x onerror=alert(1)>', href: 'javascript:alert(1)' },
            'oops',
          ],
          footer: 'not a list',
        },
        contact: { phone: 20123456, email: ['x'], website: 'https://www.example.com/', map: 'data:text/html,x' },
      });
    });
    expect(site.menus.main.map((item) => item.label)).to.deep.equal(['Home', 'News', '<img src=x onerror=alert(1)>']);
    expect(site.menus.main[1].children.map((item) => item.label)).to.deep.equal(['Company']);
    expect(site.menus.main[2].href).to.equal(undefined);
    expect(site.menus.footer).to.equal(undefined);
    expect(site.contact).to.deep.include({ phone: '20123456', email: undefined, website: 'https://www.example.com/', map: undefined });
  });

  it('reads a native article with prev, next and related', () => {
    const article = normalizeArticle({
      url: 'https://news.example/articles/1001.json',
      data: {
        id: '1001',
        title: 'T',
        date: '2025-06-10T20:53:04+08:00',
        updated: 'never',
        source: '本公司',
        editor: '游婕',
        category: { id: 'industry', label: '行业新闻' },
        image: 'img/a.jpg',
        body: '<p>x</p>',
        prev: { id: '1000', title: 'Before', url: '1000.html' },
        next: { title: { text: 'x' } },
        related: [{ id: '990', title: 'Related', url: '/news/990.html', date: '2025-01-01' }],
      },
    });
    expect(article.category).to.deep.equal({ id: 'industry', label: '行业新闻' });
    expect(article.image).to.equal('https://news.example/articles/img/a.jpg');
    expect(article.updated).to.equal(undefined);
    expect(article.prev).to.deep.equal({ id: '1000', title: 'Before', url: 'https://news.example/articles/1000.html' });
    expect(article.next).to.equal(undefined);
    expect(article.related[0].url).to.equal('https://news.example/news/990.html');
  });
});
