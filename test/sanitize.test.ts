import { expect } from '@open-wc/testing';
import { sanitizeHtml } from '../src/core/security/sanitize.js';
import { imagesSettled } from './helpers.js';

declare global {
  interface Window {
    __pwned?: boolean;
  }
}

const base = 'https://news.example/articles/1001.json';

/** Sanitizes into a live container, as an element would, and returns it. */
function render(html: string): HTMLElement {
  const host = document.createElement('div');
  host.append(sanitizeHtml(html, base));
  document.body.append(host);
  return host;
}

describe('sanitizeHtml', () => {
  afterEach(() => {
    document.querySelectorAll('body > div').forEach((div) => div.remove());
    delete window.__pwned;
  });

  it('keeps semantic content', () => {
    const host = render(
      '<h2>标题</h2><p>段落<strong>加粗</strong></p><ul><li>一</li></ul><table><tr><td>1</td></tr></table><blockquote>引</blockquote><figure><img src="a.png" alt="图"><figcaption>说明</figcaption></figure><pre><code>x</code></pre>',
    );
    for (const tag of ['h2', 'p', 'strong', 'ul', 'table', 'blockquote', 'figure', 'figcaption', 'pre', 'code']) {
      expect(host.querySelector(tag), tag).to.exist;
    }
    const img = host.querySelector('img')!;
    expect(img.getAttribute('src')).to.equal('https://news.example/articles/a.png');
    expect(img.getAttribute('loading')).to.equal('lazy');
  });

  it('drops what nests deeper than any article does, so every engine builds the same tree', () => {
    // Past 512 levels WebKit's parser re-parents elements: an <img> then escapes a <style> in <svg>.
    const deep = (n: number, inner: string) => '<div>'.repeat(n) + inner + '</div>'.repeat(n);
    const host = render(
      `<p>before</p>${deep(600, '<p>too deep</p><svg><style><a title="</style><img src=x>"></a></style></svg>')}<p>after</p>`,
    );
    let depth = 0;
    for (let node: Element | null = host.querySelector('div'); node; node = node.querySelector(':scope > div')) depth++;
    expect(depth).to.equal(128);
    expect(host.textContent).to.equal('beforeafter');
    expect(host.querySelector('img, svg, style')).to.equal(null);
    // Real nesting is kept whole.
    const nested = render(deep(40, '<ul><li><p><strong>kept</strong></p></li></ul>'));
    expect(nested.querySelector('strong')!.textContent).to.equal('kept');
  });

  it('runs nothing, however the script is hidden', async () => {
    const bodies = [
      '<script>window.__pwned = true</script>',
      '<img src=x onerror="window.__pwned = true">',
      '<svg><script>window.__pwned = true</script></svg>',
      '<svg onload="window.__pwned = true"></svg>',
      '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned = true">',
      '<a href="javascript:window.__pwned = true">x</a>',
      '<iframe srcdoc="<script>parent.__pwned = true</script>"></iframe>',
      '<object data="javascript:window.__pwned = true"></object>',
      '<form><button formaction="javascript:window.__pwned = true">go</button></form>',
      '<noscript><p title="</noscript><img src=x onerror=window.__pwned=true>">',
      '<details open ontoggle="window.__pwned = true">',
      '<meta http-equiv="refresh" content="0;url=javascript:window.__pwned = true">',
    ];
    for (const body of bodies) render(`<p>before</p>${body}<p>after</p>`);
    await imagesSettled(document.body);
    expect(window.__pwned).to.equal(undefined);
    const text = [...document.querySelectorAll('body > div')].map((div) => div.textContent).join('|');
    expect(text.match(/before/g)).to.have.length(bodies.length);
  });

  it('drops style, forms, frames and inline styles', () => {
    const host = render(
      '<style>body{display:none}</style><p style="color:red">t</p><form><input></form><iframe src="https://a.example"></iframe><embed src="x">',
    );
    expect(host.querySelector('style, form, input, iframe, embed, [style]')).to.equal(null);
    expect(host.textContent).to.equal('t');
  });

  it('opens other-origin links safely and leaves same-origin links alone', () => {
    const host = render(`<a href="https://elsewhere.example/" target="_top">out</a><a href="${location.origin}/x" target="_blank">in</a>`);
    const [out, inside] = host.querySelectorAll('a');
    expect(out.getAttribute('target')).to.equal('_blank');
    expect(out.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(inside.hasAttribute('target')).to.equal(false);
  });

  it('protects against DOM clobbering', () => {
    const host = render('<img name="getElementById"><a id="location" href="/x">x</a><form name="cookie"></form>');
    expect(typeof document.getElementById).to.equal('function');
    expect(host.querySelector('a')!.id).to.not.equal('location');
  });
});
