// React users, in Chromium: a React 19 page with the elements as JSX tags, and a React 18 page with
// the @lit/react wrappers from `newsroom-elements/react`. Each is bundled with esbuild from the
// built package (React 18 is the `react18` / `react-dom18` dev dependencies), renders a news list
// from its `data` property and receives the `news-select` event of a click.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import { launchBrowser } from '../browser.mjs';

const root = new URL('../..', import.meta.url).pathname;

async function bundle(entry, alias = {}) {
  const result = await build({
    entryPoints: [`${root}test/react/${entry}`],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    jsx: 'automatic',
    alias,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

describe('React pages in Chromium', { timeout: 120_000 }, () => {
  let browser;

  before(async () => {
    browser = await launchBrowser();
  });
  after(() => browser?.close());

  async function open(script) {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.url() === 'http://react.test/') {
        return request.respond({
          contentType: 'text/html',
          body: '<!doctype html><div id="root"></div><script type="module" src="/app.js"></script>',
        });
      }
      if (request.url() === 'http://react.test/app.js') return request.respond({ contentType: 'text/javascript', body: script });
      request.abort();
    });
    await page.goto('http://react.test/');
    const link = await page.waitForFunction(() => document.querySelector('news-list')?.shadowRoot?.querySelectorAll('[part~=link]')[1]);
    const title = await page.evaluate((a) => a.textContent, link);
    await link.click();
    await page.waitForFunction(() => document.getElementById('selected').textContent !== '');
    const result = await page.evaluate(() => ({
      selected: document.getElementById('selected').textContent,
      url: location.href,
      react: document.querySelector('main').dataset.react,
    }));
    assert.deepEqual(errors, []);
    await page.close();
    return { ...result, title };
  }

  test('React 19: <news-list> as a tag gets its data property and its news-select event', async () => {
    const { selected, url, title } = await open(await bundle('react19-page.tsx'));
    assert.equal(title, '2025年东北地区农资流通市场观察');
    assert.equal(selected, '1002');
    assert.equal(url, 'http://react.test/', 'the cancelled event kept the page');
  });

  test('React 18: the @lit/react wrapper gets its data property and onNewsSelect', async () => {
    const script = await bundle('react18-page.tsx', { react: 'react18', 'react-dom': 'react-dom18' });
    const { selected, url, react } = await open(script);
    assert.match(react, /^18\./);
    assert.equal(selected, '1002');
    assert.equal(url, 'http://react.test/');
  });
});
