import { expect } from '@open-wc/testing';
import { isExternal, pagePath, safeUrl } from '../src/core/security/safe-url.js';

describe('safeUrl', () => {
  const base = 'https://news.example/news/list.html';

  it('keeps http, https, mailto, tel and relative URLs, resolved against the base', () => {
    expect(safeUrl('https://a.example/x', base)).to.equal('https://a.example/x');
    expect(safeUrl('http://a.example/', base)).to.equal('http://a.example/');
    expect(safeUrl('mailto:info@example.com', base)).to.equal('mailto:info@example.com');
    expect(safeUrl('tel:+8620123456789', base)).to.equal('tel:+8620123456789');
    expect(safeUrl('1001.html', base)).to.equal('https://news.example/news/1001.html');
    expect(safeUrl('/img/a.jpg', base)).to.equal('https://news.example/img/a.jpg');
    expect(safeUrl('?id=3', base)).to.equal('https://news.example/news/list.html?id=3');
    expect(safeUrl('//cdn.example/a.png', base)).to.equal('https://cdn.example/a.png');
  });

  const hostile = [
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    '\tjavascript:alert(1)',
    '\njavascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    '\u0000javascript:alert(1)',
    'java\u0000script:alert(1)',
    '\u0001javascript:alert(1)',
    '\u200bjavascript:alert(1)',
    '\ufeffjavascript:alert(1)',
    'javascript&colon;alert(1)',
    'javascript&#58;alert(1)',
    'javascript&#x3a;alert(1)',
    'javascript&#x003A;alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)',
    '&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)',
    'java&Tab;script:alert(1)',
    'java&NewLine;script:alert(1)',
    'javascript&amp;colon;alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'data:image/svg+xml,<svg onload=alert(1)>',
    'file:///etc/passwd',
    'blob:https://news.example/1',
    'filesystem:https://news.example/x',
    'ftp://example.com/',
    'about:blank',
  ];
  for (const value of hostile) {
    it(`rejects ${JSON.stringify(value)}`, () => {
      expect(safeUrl(value, base)).to.equal(undefined);
    });
  }

  it('rejects empty and non-string values', () => {
    for (const value of ['', '   ', null, undefined, 42, {}, ['https://a.example/']]) {
      expect(safeUrl(value, base)).to.equal(undefined);
    }
  });

  it('tells other origins from this one', () => {
    expect(isExternal('https://elsewhere.example/')).to.equal(true);
    expect(isExternal(new URL('/a', location.href).href)).to.equal(false);
    expect(isExternal('mailto:a@b.example')).to.equal(false);
  });

  it('is not fooled by addresses that begin like this origin', () => {
    // Hosts that start with this page's host, and this origin as the user part of another's.
    expect(isExternal(`${location.protocol}//${location.hostname}.elsewhere.example/`)).to.equal(true);
    expect(isExternal(`${location.protocol}//user@elsewhere.example/${location.host}/`)).to.equal(true);
    expect(isExternal(`${location.origin}@elsewhere.example/`)).to.equal(true);
    expect(isExternal(`${location.origin}/path?x=https://elsewhere.example/`)).to.equal(false);
    expect(isExternal('/relative/path')).to.equal(false);
  });
});

describe('pagePath', () => {
  it("writes an address on the page's origin as its path, and any other as it is", () => {
    expect(pagePath(`${location.origin}/news/1.html?x=1#top`)).to.equal('/news/1.html?x=1#top');
    expect(pagePath(`${location.origin}/`)).to.equal('/');
    expect(pagePath('https://partner.example/a')).to.equal('https://partner.example/a');
    expect(pagePath('mailto:a@b.example')).to.equal('mailto:a@b.example');
    // Another port, or an origin that only starts the same, is another origin.
    expect(pagePath(`${location.origin}0/x`)).to.equal(`${location.origin}0/x`);
  });

  it('keeps an address absolute when its path would read as another host (`//evil.example`)', () => {
    const sneaky = safeUrl('/.//evil.example/x')!; // the dot segment goes, leaving `//`
    expect(sneaky).to.equal(`${location.origin}//evil.example/x`);
    expect(pagePath(sneaky)).to.equal(sneaky);
    expect(new URL(pagePath(sneaky), location.href).host).to.equal(location.host);
  });
});
