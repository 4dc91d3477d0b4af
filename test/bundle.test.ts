import { expect } from '@open-wc/testing';

interface Report {
  violations: string[];
  errors: string[];
  rendered: Record<string, string>;
  pwned: boolean;
}

/** Loads a page in a frame and asks it what happened. */
async function framedReport(path: string): Promise<Report> {
  const frame = document.createElement('iframe');
  frame.src = path;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const answer = new Promise<Report>((resolve) => {
    window.addEventListener('message', (event) => resolve(event.data), { once: true });
  });
  frame.contentWindow!.postMessage('report', '*');
  const report = await answer;
  frame.remove();
  return report;
}

describe('the drop-in bundle', () => {
  // The page loads dist/newsroom-elements.js twice under
  // `require-trusted-types-for 'script'; trusted-types lit-html dompurify newsroom`.
  it('renders every element under strict Trusted Types, twice loaded, with hostile content inert', async () => {
    const report = await framedReport('/test/fixtures/bundle-page.html');
    expect(report.violations).to.deep.equal([]);
    expect(report.errors).to.deep.equal([]);
    expect(report.pwned).to.equal(false);
    expect(report.rendered['site-nav']).to.contain('新闻动态');
    expect(report.rendered['contact-card']).to.contain('020-123456789');
    expect(report.rendered['news-list']).to.contain('第二条');
    expect(report.rendered['news-article']).to.contain('正文');
    expect(report.rendered['related-articles']).to.contain('相关');
    expect(report.rendered['message-form']).to.not.equal('');
    // Hostile labels are shown as text, not parsed.
    expect(report.rendered['news-list']).to.contain('<svg onload=window.__pwned=true>');
  });
});
