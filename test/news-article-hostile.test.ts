import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { NewsArticle } from '../src/news-article/news-article.js';
import '../src/news-article/define.js';
import { imagesSettled } from './helpers.js';

type Flagged = Window & { __pwned?: unknown };
const flag = () => (window as Flagged).__pwned;

// Bodies written to run `__pwned = true` in the host page. Every one sits between two
// paragraphs that must still render.
const HOSTILE: Array<[string, string]> = [
  ['script tag', '<script>window.__pwned=true</script>'],
  ['script with src', '<script src="data:text/javascript,window.__pwned=true"></script>'],
  ['img onerror', '<img src=x onerror="window.__pwned=true">'],
  ['img onerror entity-encoded', '<img src=x onerror=&#119;indow.__pwned=true>'],
  ['img onerror with backtick', '<img src=`x` onerror=`window.__pwned=true`>'],
  ['svg onload', '<svg onload="window.__pwned=true"></svg>'],
  ['svg script', '<svg><script>window.__pwned=true</script></svg>'],
  ['svg xlink:href javascript', '<svg><a xlink:href="javascript:window.__pwned=true"><text x="0" y="20">svg link</text></a></svg>'],
  [
    'svg animate to javascript href',
    '<svg><a><set attributeName="href" to="javascript:window.__pwned=true"/><text x="0" y="20">animated</text></a></svg>',
  ],
  ['svg animate onbegin', '<svg><animate onbegin="window.__pwned=true" attributeName="x" dur="1s"/></svg>'],
  ['svg foreignObject img', '<svg><foreignObject><img src=x onerror="window.__pwned=true"></foreignObject></svg>'],
  [
    'svg use data url',
    '<svg><use href="data:image/svg+xml,&lt;svg id=&quot;x&quot; xmlns=&quot;http://www.w3.org/2000/svg&quot;&gt;&lt;image href=&quot;1&quot; onerror=&quot;parent.__pwned=true&quot;/&gt;&lt;/svg&gt;#x"/></svg>',
  ],
  ['svg style breaking out', '<svg></p><style><a id="</style><img src=1 onerror=window.__pwned=true>"></style></svg>'],
  [
    'mathml mglyph style mXSS',
    '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=true"></style></mglyph></table></mtext></math>',
  ],
  ['mathml href', '<math href="javascript:window.__pwned=true"><mi>clickable math</mi></math>'],
  [
    'mathml maction',
    '<math><maction actiontype="statusline" xlink:href="javascript:window.__pwned=true"><mtext>m</mtext></maction></math>',
  ],
  ['a href javascript', '<a href="javascript:window.__pwned=true">js link</a>'],
  ['a href mixed-case with spaces', '<a href="  JaVaScRiPt:window.__pwned=true">js link</a>'],
  ['a href tab inside scheme', '<a href="java&#x09;script:window.__pwned=true">js link</a>'],
  ['a href numeric entity scheme', '<a href="&#106;avascript:window.__pwned=true">js link</a>'],
  ['a href &colon;', '<a href="javascript&colon;window.__pwned=true">js link</a>'],
  ['a href NUL prefix', '<a href="\u0000javascript:window.__pwned=true">js link</a>'],
  ['a href data html', '<a href="data:text/html,&lt;script&gt;parent.__pwned=true&lt;/script&gt;">data link</a>'],
  ['a href vbscript', '<a href="vbscript:window.__pwned=true">vb link</a>'],
  ['a onclick', '<a href="#" onclick="window.__pwned=true">click</a>'],
  ['div onmouseover', '<div onmouseover="window.__pwned=true" onclick="window.__pwned=true">hover</div>'],
  ['details ontoggle', '<details open ontoggle="window.__pwned=true"><summary>s</summary>d</details>'],
  ['body onload', '<body onload="window.__pwned=true">'],
  ['input autofocus onfocus', '<input autofocus onfocus="window.__pwned=true">'],
  ['button formaction', '<form><button formaction="javascript:window.__pwned=true">go</button></form>'],
  ['form action with submit', '<form action="javascript:window.__pwned=true"><input type="submit" value="send"></form>'],
  ['isindex action', '<isindex action="javascript:window.__pwned=true" type="image">'],
  ['iframe javascript src', '<iframe src="javascript:parent.__pwned=true"></iframe>'],
  ['iframe srcdoc', '<iframe srcdoc="&lt;script&gt;parent.__pwned=true&lt;/script&gt;"></iframe>'],
  ['iframe data src', '<iframe src="data:text/html,&lt;script&gt;parent.__pwned=true&lt;/script&gt;"></iframe>'],
  ['object data javascript', '<object data="javascript:window.__pwned=true"></object>'],
  ['object data html', '<object data="data:text/html,&lt;script&gt;parent.__pwned=true&lt;/script&gt;"></object>'],
  ['embed', '<embed src="javascript:window.__pwned=true">'],
  ['video source onerror', '<video><source onerror="window.__pwned=true"></video>'],
  ['audio onerror', '<audio src=x onerror="window.__pwned=true"></audio>'],
  ['marquee onstart', '<marquee onstart="window.__pwned=true">m</marquee>'],
  ['noscript title breakout', '<noscript><p title="</noscript><img src=x onerror=window.__pwned=true>"></p></noscript>'],
  ['template content', '<template><img src=x onerror="window.__pwned=true"></template>'],
  ['style tag', '<style>@import "javascript:window.__pwned=true"; img { background: url(javascript:window.__pwned=true) }</style>'],
  ['style attribute', '<div style="background:url(javascript:window.__pwned=true)">styled</div>'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=true">'],
  ['base href', '<base href="javascript:window.__pwned=true//"><a href="relative">relative</a>'],
  ['link import', '<link rel="import" href="data:text/html,&lt;script&gt;parent.__pwned=true&lt;/script&gt;">'],
  ['comment breakout', '<!--><img src=x onerror="window.__pwned=true">-->'],
  ['CDATA breakout', '<![CDATA[><img src=x onerror="window.__pwned=true">]]>'],
  ['textarea breakout', '<textarea></textarea><img src=x onerror="window.__pwned=true"></textarea>'],
  ['xmp content', '<xmp><img src=x onerror="window.__pwned=true"></xmp>'],
  ['clobber window flag with id', '<img id="__pwned" src="data:,">'],
  ['clobber window flag with name', '<form name="__pwned"></form><a id="__pwned" name="__pwned" href="#">a</a>'],
  ['clobber document.getElementById', '<img name="getElementById"><form id="createElement"><input name="attributes"></form>'],
  ['clobber cookie and defaultView', '<a id="defaultView" name="cookie" href="#">c</a><img name="body">'],
  ['custom element is', '<p is="x-evil" onclick="window.__pwned=true">is</p>'],
  [
    'popover target',
    '<button popovertarget="p" onclick="window.__pwned=true">pop</button><div id="p" popover onbeforetoggle="window.__pwned=true">p</div>',
  ],
  ['slot and part', '<div slot="x" part="title" onclick="window.__pwned=true">slot</div>'],
  ['srcset with onerror', '<img srcset="javascript:window.__pwned=true 1x" src="x" onerror="window.__pwned=true">'],
  [
    'img data svg',
    '<img src="data:image/svg+xml,&lt;svg onload=&quot;parent.__pwned=true&quot; xmlns=&quot;http://www.w3.org/2000/svg&quot;/&gt;">',
  ],
  ['area href', '<map name="m"><area shape="rect" coords="0,0,10,10" href="javascript:window.__pwned=true"></map>'],
  ['blockquote cite', '<blockquote cite="javascript:window.__pwned=true">quoted</blockquote>'],
];

async function render(body: string, i: number): Promise<{ el: NewsArticle; bodyNode: HTMLElement }> {
  const el = await fixture<NewsArticle>(html`<news-article locale="zh-CN"></news-article>`);
  el.data = { id: String(i), title: '恶意正文', body: `<p>BEFORE-${i} 前文</p>${body}<p>AFTER-${i} 后文</p>` };
  await el.updateComplete;
  const bodyNode = el.shadowRoot!.querySelector<HTMLElement>('[part~=body]')!;
  return { el, bodyNode };
}

/**
 * Pokes everything a visitor could: clicks, hovers, focus, toggles — with navigation held back.
 * Our own print control is left alone: it opens the print dialog, which ends the automation
 * session in headless Firefox. The tests check that hostile content never reaches it.
 */
async function interact(root: HTMLElement): Promise<void> {
  const hold = (event: Event) => event.preventDefault();
  root.addEventListener('click', hold, true);
  root.addEventListener('submit', hold, true);
  for (const node of root.querySelectorAll<HTMLElement | SVGElement>('*:not([data-action=print])')) {
    for (const type of ['click', 'mouseover', 'focus', 'toggle', 'beforetoggle', 'load', 'error', 'begin']) {
      node.dispatchEvent(new Event(type, { bubbles: type === 'click' || type === 'mouseover', cancelable: true }));
    }
  }
  root.removeEventListener('click', hold, true);
  root.removeEventListener('submit', hold, true);
  await imagesSettled(root);
}

const ALLOWED = new Set(['http:', 'https:', 'mailto:', 'tel:']);

describe('news-article with hostile bodies', () => {
  before(() => {
    delete (window as Flagged).__pwned;
  });
  afterEach(() => {
    expect(flag(), 'a payload ran').to.equal(undefined);
  });

  it(`has a corpus of at least 40 bodies`, () => {
    expect(HOSTILE.length).to.be.at.least(40);
  });

  HOSTILE.forEach(([name, body], i) => {
    it(`runs nothing from: ${name}`, async () => {
      const { el, bodyNode } = await render(body, i);
      // The surrounding text renders.
      expect(bodyNode.textContent).to.contain(`BEFORE-${i} 前文`);
      expect(bodyNode.textContent).to.contain(`AFTER-${i} 后文`);
      expect(el.shadowRoot!.querySelector('h1')!.textContent).to.equal('恶意正文');
      // Nothing active is left in the DOM.
      expect(
        bodyNode.querySelector(
          'script, iframe, object, embed, form, input, button, textarea, style, meta, base, link, template, noscript, video, audio, isindex',
        ),
      ).to.equal(null);
      for (const node of bodyNode.querySelectorAll('*')) {
        for (const attribute of node.attributes) {
          expect(attribute.name, `${node.localName}[${attribute.name}]`).to.not.match(
            /^on|^(style|srcdoc|formaction|action|srcset|popover|slot|is)$/i,
          );
          if (/href|src|action|cite|data$/i.test(attribute.name)) {
            const protocol = new URL(attribute.value, document.baseURI).protocol;
            expect(ALLOWED.has(protocol), `${node.localName}[${attribute.name}=${attribute.value}]`).to.equal(true);
          }
        }
      }
      // Ids and names cannot clobber the page or the shadow root.
      expect(typeof document.getElementById).to.equal('function');
      expect(typeof document.createElement).to.equal('function');
      expect(typeof document.cookie).to.equal('string');
      expect(document.defaultView).to.equal(window);
      // A surviving link to a script URL would run when followed.
      for (const link of bodyNode.querySelectorAll<HTMLAnchorElement>('a[href]')) {
        if (!ALLOWED.has(new URL(link.href).protocol)) link.click();
      }
      await interact(bodyNode);
      expect(flag()).to.equal(undefined);
    });
  });

  it('shows hostile text fields as text and drops hostile URLs', async () => {
    const el = await fixture<NewsArticle>(
      html`<news-article locale="zh-CN" close back-href="javascript:window.__pwned=true"></news-article>`,
    );
    const payload = '<img src=x onerror="window.__pwned=true">';
    el.data = {
      id: '"><script>window.__pwned=true</script>',
      title: `${payload}标题`,
      source: `${payload}来源`,
      author: '<script>window.__pwned=true</script>',
      editor: `${payload}编辑`,
      category: { id: 'x', label: `${payload}分类` },
      image: 'javascript:window.__pwned=true',
      date: '2025-06-10"><script>window.__pwned=true</script>',
      body: '<p>正文</p>',
      prev: { id: '1"onmouseover="window.__pwned=true', title: `${payload}上文`, url: 'javascript:window.__pwned=true' },
      next: { title: '下文', url: 'data:text/html,<script>parent.__pwned=true</script>' },
    };
    el.articleHref = '';
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(root.querySelector('h1')!.textContent).to.equal(`${payload}标题`);
    expect(root.querySelector('[part~=category]')!.textContent).to.equal(`${payload}分类`);
    expect(root.querySelector('[part~=editor]')!.textContent).to.equal(`责任编辑：${payload}编辑`);
    expect(root.querySelector('[part~=meta]')!.textContent).to.contain(`来源：${payload}来源`);
    expect(root.querySelector('[part~=image]')).to.equal(null);
    expect(root.querySelector('time')).to.equal(null);
    expect(root.querySelectorAll('[part~=pager] a')).to.have.length(0);
    expect(root.querySelector('[part~=pager]')!.textContent).to.contain(`${payload}上文`);
    expect(root.querySelectorAll('img, script')).to.have.length(0);
    const close = root.querySelector('[data-action=close]')!;
    expect(close.localName).to.equal('button');
    await interact(root.querySelector('article')!);
    await waitUntil(() => true);
  });

  it('renders a 2–3 MB body, and reports how long it took', async () => {
    const paragraph = (n: number) =>
      `<p>第${n}段：市场监管部门持续推进消费维权服务网络建设，畅通投诉渠道，延伸服务范围。` +
      `Paragraph ${n}: consumer protection services keep widening their reach, with <a href="/news/${n}.html">a link</a> ` +
      `and <strong>emphasis</strong> and <img src=x onerror="window.__pwned=true"> inline.</p>`;
    const parts: string[] = [];
    const encoder = new TextEncoder();
    let size = 0;
    for (let n = 0; size < 2.5 * 1024 * 1024; n++) {
      const chunk =
        n % 200 === 0
          ? `<h2>Section ${n}</h2><table><tr><th>项目</th><th>数量</th></tr><tr><td>${n}</td><td>${n * 3}</td></tr></table><script>window.__pwned=true</script>`
          : paragraph(n);
      parts.push(chunk);
      size += encoder.encode(chunk).length;
    }
    parts.push('<p>THE LAST PARAGRAPH 最后一段</p>');
    const body = parts.join('');
    const bytes = encoder.encode(body).length;
    expect(bytes).to.be.within(2 * 1024 * 1024, 3 * 1024 * 1024);
    const el = await fixture<NewsArticle>(html`<news-article locale="zh-CN"></news-article>`);
    const start = performance.now();
    el.data = { id: 'big', title: '超长正文', body };
    await el.updateComplete;
    const rendered = performance.now();
    const node = el.shadowRoot!.querySelector<HTMLElement>('[part~=body]')!;
    void node.offsetHeight; // layout included
    const elapsed = performance.now() - start;
    console.log(
      `news-article: ${(bytes / 1024 / 1024).toFixed(2)} MB body (${parts.length} blocks) rendered in ${Math.round(elapsed)} ms ` +
        `(sanitize + DOM ${Math.round(rendered - start)} ms, first layout ${Math.round(elapsed - (rendered - start))} ms)`,
    );
    expect(node.lastElementChild!.textContent).to.equal('THE LAST PARAGRAPH 最后一段');
    expect(node.querySelectorAll('p').length).to.equal(parts.length - Math.ceil((parts.length - 1) / 200));
    expect(node.querySelector('script, img[onerror]')).to.equal(null);
    // A second render of the same article does not sanitize again.
    const first = node.firstElementChild;
    el.requestUpdate();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~=body]')!.firstElementChild).to.equal(first);
  });
});

interface CspReport {
  violations: string[];
  errors: string[];
  rendered: Record<string, string>;
  titles: Array<string | undefined>;
  pwned: boolean;
}

describe('news-article under strict CSP with Trusted Types', () => {
  // The page loads dist/newsroom-elements.js (`npm run build`) under
  // `require-trusted-types-for 'script'; trusted-types lit-html dompurify newsroom`.
  it('renders a hostile inline article and a loaded one with no violation, no error and nothing run', async () => {
    const frame = document.createElement('iframe');
    frame.src = '/test/fixtures/article-csp.html';
    document.body.append(frame);
    try {
      await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      const answer = new Promise<CspReport>((resolve) => {
        const listen = (event: MessageEvent) => {
          if (event.source !== frame.contentWindow) return;
          window.removeEventListener('message', listen);
          resolve(event.data);
        };
        window.addEventListener('message', listen);
      });
      frame.contentWindow!.postMessage('article-report', '*');
      const report = await answer;
      expect(report.violations).to.deep.equal([]);
      expect(report.errors).to.deep.equal([]);
      expect(report.pwned).to.equal(false);
      expect(report.titles).to.deep.equal(['严格策略下的文章', '利诚商贸与长春物流园签署战略合作协议']);
      expect(report.rendered.inline).to.contain('BEFORE 前文');
      expect(report.rendered.inline).to.contain('AFTER 后文');
      expect(report.rendered.inline).to.contain('单元格');
      expect(report.rendered.inline).to.contain('来源：<img src=x onerror=window.__pwned=true>');
      expect(report.rendered.inline).to.contain('下一篇：<svg onload=window.__pwned=true>');
      expect(report.rendered.loaded).to.contain('责任编辑：游婕');
      expect(report.rendered.loaded).to.contain('合作内容');
    } finally {
      frame.remove();
    }
  });
});
