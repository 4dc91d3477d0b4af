// custom-elements.json is the contract editors, frameworks and the README are generated from.
// Checked two ways: its shape (shipped paths, public members only, typed events), and against the
// built elements rendered in Chromium: every `part` and every `--newsroom-*` custom property the
// rendered shadow DOM and its styles use must be documented for that element.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { launchBrowser } from '../browser.mjs';
import { TAGS } from '../../dist/core/element/tags.js';

const root = new URL('../..', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const declarations = manifest.modules.flatMap((module) => (module.declarations ?? []).map((d) => ({ ...d, path: module.path })));
const elements = new Map(declarations.filter((d) => d.tagName).map((d) => [d.tagName, d]));

describe('custom-elements.json', () => {
  test('lists the seven elements, each in a module the package ships', () => {
    assert.deepEqual([...elements.keys()].sort(), [...TAGS].sort());
    for (const module of manifest.modules) {
      assert.match(module.path, /^dist\/.+\.js$/, module.path);
      assert.ok(existsSync(join(root, module.path)), `${module.path} is built`);
      assert.ok(
        pkg.files.some((entry) => module.path.startsWith(entry)),
        `${module.path} is in package.json "files"`,
      );
    }
    const definitions = manifest.modules.flatMap((m) => (m.exports ?? []).filter((e) => e.kind === 'custom-element-definition'));
    assert.deepEqual(definitions.map((d) => d.name).sort(), [...TAGS].sort(), 'one definition per tag, nothing else');
    for (const d of definitions) assert.match(d.declaration.module, /^dist\/.+\.js$/);
  });

  test('documents public API only, and no abstract base as an element', () => {
    for (const d of declarations) {
      if (d.customElement) assert.ok(d.tagName, `${d.name} is marked as a custom element without a tag`);
      for (const member of d.members ?? []) {
        assert.ok(!member.static, `${d.name}.${member.name} is static`);
        assert.ok(!member.privacy || member.privacy === 'public', `${d.name}.${member.name} is ${member.privacy}`);
      }
    }
    assert.ok(!manifest.modules.some((m) => m.path.includes('src/')), 'no source paths');
    assert.ok(!JSON.stringify(manifest).includes(':host'), 'no CSS text');
  });

  test('every event has a CustomEvent type, every attribute a property, every custom property a default', () => {
    for (const [tag, element] of elements) {
      for (const event of element.events ?? []) assert.match(event.type?.text ?? '', /^CustomEvent<\w+>$/, `${tag} ${event.name}`);
      for (const attribute of element.attributes ?? []) assert.ok(attribute.fieldName, `${tag} [${attribute.name}] has a property`);
      for (const property of element.cssProperties ?? []) assert.ok(property.default, `${tag} ${property.name} has a default`);
    }
    assert.deepEqual(
      elements.get('news-list').events.map((e) => [e.name, e.type.text]),
      [
        ['news-select', 'CustomEvent<NewsSelectDetail>'],
        ['newsroom-load', 'CustomEvent<NewsroomLoadDetail>'],
        ['newsroom-error', 'CustomEvent<NewsroomErrorDetail>'],
      ],
    );
  });
});

/** Serves the repository read-only, and two message endpoints: one accepts, one refuses. */
function serve() {
  const types = { '.js': 'text/javascript', '.json': 'application/json', '.html': 'text/html', '.svg': 'image/svg+xml' };
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (req.method === 'POST') {
      const refused = url.pathname === '/refuse';
      res.writeHead(refused ? 403 : 201, { 'content-type': 'application/json' });
      return res.end(refused ? '{"message":"Not allowed"}' : '{"id":"1"}');
    }
    const file = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root) || !existsSync(file) || url.pathname.endsWith('/')) {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// Each element in the states that add parts: current page and open sub-menus, every layout,
// categories and pages, a full article, every contact line, the form's errors, sent and failed
// panels, and every data element's error panel.
const PAGE = `<!doctype html><html lang="en"><body>
<news-provider base="/test/fixtures/" article-href="/article.html?id={id}">
  <site-nav src="site.json" current="/about/culture/"></site-nav>
  <site-nav src="site.json" variant="side" current="/about/culture/"></site-nav>
  <site-nav src="site.json" variant="footer" menu="footer" heading="More"></site-nav>
  <site-nav src="site.json" variant="breadcrumb" current="/about/culture/"></site-nav>
  <news-list src="news-list-p1.json" page-size="10" heading="News"></news-list>
  <news-list src="news-list.json" layout="cards"></news-list>
  <news-list src="news-list.json" layout="compact" limit="3"></news-list>
  <news-list src="news-list-empty.json"></news-list>
  <news-article src="article-1001.json" close></news-article>
  <related-articles src="article-1001.json"></related-articles>
  <contact-card src="site.json" map="https://maps.example/x"></contact-card>
  <message-form action="/accept" fields="name,phone,email,subject,message" class="sent"></message-form>
  <message-form action="/refuse" class="failed"></message-form>
  <message-form action="/accept" class="invalid"></message-form>
  <site-nav src="missing.json"></site-nav>
  <news-list src="missing.json"></news-list>
  <news-article src="missing.json"></news-article>
  <related-articles src="missing.json"></related-articles>
  <contact-card src="missing.json"></contact-card>
</news-provider>
<script type="module" src="/dist/newsroom-elements.js"></script>
</body></html>`;

describe('the manifest against the rendered elements', { timeout: 120_000 }, () => {
  let server;
  let browser;
  let page;

  before(async () => {
    server = await serve();
    browser = await launchBrowser();
    page = await browser.newPage();
    const base = `http://127.0.0.1:${server.address().port}`;
    await page.setRequestInterception(true);
    page.on('request', (request) =>
      request.url() === `${base}/page.html` ? request.respond({ contentType: 'text/html', body: PAGE }) : request.continue(),
    );
    await page.goto(`${base}/page.html`);
    await page.waitForFunction(() =>
      [...document.querySelectorAll('news-provider > *')].every((el) => el.shadowRoot && !el.shadowRoot.querySelector('.skeleton')),
    );
    // Open every sub-menu of the bar and fill in and send, or send empty, the forms.
    await page.evaluate(async () => {
      for (const toggle of document.querySelector('site-nav').shadowRoot.querySelectorAll('[part~=toggle]')) toggle.click();
      const fill = (form) => {
        for (const [name, value] of Object.entries({ name: 'Li Wei', phone: '13800000000', email: 'li@example.com', message: 'Hello' })) {
          const control = form.shadowRoot.querySelector(`[name=${name}]`);
          if (!control) continue;
          control.value = value;
          control.dispatchEvent(new Event('input', { bubbles: true }));
        }
      };
      fill(document.querySelector('message-form.sent'));
      fill(document.querySelector('message-form.failed'));
      for (const form of document.querySelectorAll('message-form')) {
        await form.updateComplete;
        form.shadowRoot.querySelector('[part~=submit]').click();
      }
    });
    await page.waitForFunction(() => {
      const root = (selector) => document.querySelector(selector).shadowRoot;
      return (
        root('message-form.sent').querySelector('[part~=sent]') &&
        root('message-form.failed').querySelector('[part~=error]') &&
        root('message-form.invalid').querySelector('[part~=field-error]')
      );
    });
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  /** Per tag: the part names in its shadow DOM and the --newsroom-* names in its styles. */
  const rendered = () =>
    page.evaluate(() => {
      const out = {};
      for (const el of document.querySelectorAll('news-provider, news-provider *')) {
        const root = el.shadowRoot;
        if (!root) continue;
        const entry = (out[el.localName] ??= { parts: [], properties: [] });
        for (const node of root.querySelectorAll('[part]')) entry.parts.push(...node.getAttribute('part').split(/\s+/).filter(Boolean));
        const css = [...root.adoptedStyleSheets, ...[...root.querySelectorAll('style')].map((s) => s.sheet)]
          .flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText))
          .join('\n');
        entry.properties.push(...(css.match(/--newsroom-[\w-]+/g) ?? []));
      }
      for (const entry of Object.values(out)) {
        entry.parts = [...new Set(entry.parts)].sort();
        entry.properties = [...new Set(entry.properties)].sort();
      }
      return out;
    });

  test('every part the elements render is documented', async () => {
    const seen = await rendered();
    assert.deepEqual(Object.keys(seen).sort(), [...TAGS].sort(), 'every element rendered');
    for (const [tag, { parts }] of Object.entries(seen)) {
      const documented = new Set((elements.get(tag).cssParts ?? []).map((p) => p.name));
      assert.deepEqual(
        parts.filter((part) => !documented.has(part)),
        [],
        `${tag} renders parts the manifest does not list`,
      );
    }
    // The states above really were reached (parts made at run time).
    assert.ok(seen['site-nav'].parts.includes('current') && seen['site-nav'].parts.includes('active'));
    assert.ok(['address', 'phone', 'email'].every((part) => seen['contact-card'].parts.includes(part)));
    assert.ok(['name', 'message', 'field-error', 'sent', 'retry'].every((part) => seen['message-form'].parts.includes(part)));
  });

  test('every --newsroom-* custom property in the styles is documented, with its default', async () => {
    const seen = await rendered();
    for (const [tag, { properties }] of Object.entries(seen)) {
      const documented = new Map((elements.get(tag).cssProperties ?? []).map((p) => [p.name, p.default]));
      assert.deepEqual(
        properties.filter((name) => !documented.has(name)),
        [],
        `${tag} uses custom properties the manifest does not list`,
      );
    }
    assert.ok(seen['news-article'].properties.includes('--newsroom-measure'));
    assert.equal(elements.get('news-article').cssProperties.find((p) => p.name === '--newsroom-accent').default, '#0b5cad');
  });
});
