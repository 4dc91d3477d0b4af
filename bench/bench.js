// Runs in headless Chromium: each library render against the same result built by hand, in
// alternating rounds on one page (driven by bench/run.mjs), so the ratio survives a noisy machine.
import '/dist/newsroom-elements.js';
import DOMPurify from '/node_modules/dompurify/dist/purify.es.mjs';

const stage = document.getElementById('stage');

const items = Array.from({ length: 1000 }, (_, i) => ({
  id: String(10000 + i),
  title: `第 ${i + 1} 条新闻：利诚商贸参加东北亚博览会 News item ${i + 1}`,
  summary: '公司携农资与日用品亮相展会，现场签约多家采购商。The company signed several buyers on site.',
  date: new Date(Date.UTC(2025, 0, 1) + i * 3600e3).toISOString(),
  category: i % 2 ? 'industry' : 'company',
  url: `/news/${10000 + i}.html`,
}));
const list = {
  items,
  categories: [
    { id: 'company', label: '公司新闻' },
    { id: 'industry', label: '行业新闻' },
  ],
  total: items.length,
};

const paragraph =
  '<p>海曙区市场监管局切实加强消费维权服务网络建设，<strong>强化</strong>从生产、流通到消费领域的全链条监管，持续推进社会协同共治。<a href="/news/1.html">相关链接</a> The market regulator strengthened its consumer-rights network across production, circulation and consumption.</p>';
let body = '<h2>小标题</h2>';
while (body.length < 200_000) body += paragraph;
const article = { id: '1', title: '浙江宁波多措并举画好消费维权“同心圆”', date: '2025-06-10T20:53:04+08:00', source: '本站', body };

const menuEntries = Array.from({ length: 100 }, (_, i) => ({
  label: `栏目 ${i + 1}`,
  href: `/section/${i}/`,
  children: Array.from({ length: 9 }, (_, j) => ({ label: `子栏目 ${i + 1}-${j + 1}`, href: `/section/${i}/${j}/` })),
}));
const site = { menus: { main: menuEntries } };

const related = { id: '1', title: 'Related', related: items.map(({ id, title, date, url }) => ({ id, title, date, url })) };

const format = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

function shadowHost() {
  const host = document.createElement('div');
  stage.replaceChildren(host);
  return host.attachShadow({ mode: 'open' });
}

function plainList(root, from, to) {
  const ul = document.createElement('ul');
  for (const item of items.slice(from, to)) {
    const li = document.createElement('li');
    const h = document.createElement('h3');
    const a = document.createElement('a');
    a.href = item.url;
    a.textContent = item.title;
    h.append(a);
    const time = document.createElement('time');
    time.dateTime = item.date;
    time.textContent = format.format(new Date(item.date));
    const p = document.createElement('p');
    p.textContent = item.summary;
    li.append(h, time, p);
    ul.append(li);
  }
  root.replaceChildren(ul);
}

function plainRelated(root) {
  const section = document.createElement('section');
  const h = document.createElement('h2');
  h.textContent = 'Related';
  const ul = document.createElement('ul');
  for (const item of related.related) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = item.url;
    a.textContent = item.title;
    const time = document.createElement('time');
    time.dateTime = item.date;
    time.textContent = format.format(new Date(item.date));
    li.append(a, time);
    ul.append(li);
  }
  section.append(h, ul);
  root.replaceChildren(section);
}

function plainMenu(root) {
  const nav = document.createElement('nav');
  const build = (entries) => {
    const ul = document.createElement('ul');
    for (const entry of entries) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = entry.href;
      a.textContent = entry.label;
      li.append(a);
      if (entry.children) li.append(build(entry.children));
      ul.append(li);
    }
    return ul;
  };
  nav.append(build(menuEntries));
  root.replaceChildren(nav);
}

const layout = (el) => el.getBoundingClientRect().height + document.body.offsetHeight;

async function time(run) {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** A fresh element given its data, rendered and laid out: what a page that sets `.data` pays. */
async function renderFresh(tag, data, attributes = {}) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.data = data;
  stage.replaceChildren(el);
  await el.updateComplete;
  layout(el);
}

const cases = {
  'news-list, 1,000 items': {
    library: () => time(() => renderFresh('news-list', list, { 'page-size': '1000' })),
    plain: () =>
      time(async () => {
        const root = shadowHost();
        plainList(root, 0, 1000);
        layout(root.host);
      }),
  },
  'news-article, 200 KB body': {
    library: () => time(() => renderFresh('news-article', article)),
    plain: () =>
      time(async () => {
        const root = shadowHost();
        root.append(DOMPurify.sanitize(body, { RETURN_DOM_FRAGMENT: true }));
        layout(root.host);
      }),
  },
  'site-nav, 1,000 entries': {
    library: () => time(() => renderFresh('site-nav', site)),
    plain: () =>
      time(async () => {
        const root = shadowHost();
        plainMenu(root);
        layout(root.host);
      }),
  },
  'related-articles, 1,000 links': {
    library: () => time(() => renderFresh('related-articles', related)),
    plain: () =>
      time(async () => {
        const root = shadowHost();
        plainRelated(root);
        layout(root.host);
      }),
  },
  'news-list, change page (20 of 1,000)': {
    setup: async () => {
      const el = document.createElement('news-list');
      el.setAttribute('page-size', '20');
      el.data = list;
      stage.replaceChildren(el);
      await el.updateComplete;
      return el;
    },
    library: async (el) =>
      time(async () => {
        el.page = el.page === 2 ? 3 : 2;
        await el.updateComplete;
        layout(el);
      }),
    plainSetup: async () => {
      const root = shadowHost();
      plainList(root, 0, 20);
      return root;
    },
    plain: async (root) =>
      time(async () => {
        plainList(root, 20, 40);
        layout(root.host);
      }),
  },
};

let context;

/**
 * One step of one side of a case, driven from bench/run.mjs, which reads the main thread's CPU
 * time around each `run` step (the work of other processes on a busy machine does not count):
 * `setup` prepares what the run changes (not measured), `run` renders and lays out once and
 * returns the wall-clock milliseconds, `clear` empties the stage.
 */
window.benchStep = async (name, side, step) => {
  await customElements.whenDefined('news-list');
  const bench = cases[name];
  if (step === 'setup') context = side === 'library' ? await bench.setup?.() : await bench.plainSetup?.();
  else if (step === 'run') return bench[side](context);
  else {
    stage.replaceChildren();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

window.benchCases = () => Object.keys(cases);

/** Only one side of a case, `rounds` times (what bench/profile.mjs records a CPU profile of). */
window.runSide = async (name, side, rounds) => {
  for (let round = 0; round < rounds; round++) {
    await window.benchStep(name, side, 'setup');
    await window.benchStep(name, side, 'run');
    await window.benchStep(name, side, 'clear');
  }
};
