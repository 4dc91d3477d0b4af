// Every link in the README, CONTRIBUTING, CHANGELOG and docs/ resolves: a relative link names a
// file of the repository, and its #anchor a heading of that file, with the heading ids GitHub and
// the demo's /docs/ pages give (marked-gfm-heading-id, as demo/docs.mjs renders). External links
// are only checked for their shape: the tests run without a network.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Marked } from 'marked';
import { getHeadingList, gfmHeadingId } from 'marked-gfm-heading-id';

const root = fileURLToPath(new URL('../../', import.meta.url));
const markdownFiles = (folder) =>
  readdirSync(join(root, folder), { recursive: true })
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(folder, name));
const files = ['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md', ...markdownFiles('docs')];

/** A file's links (markdown links and images) and its heading ids. */
function read(file) {
  const marked = new Marked(gfmHeadingId());
  const links = [];
  marked.parse(readFileSync(join(root, file), 'utf8'), {
    walkTokens: (token) => (token.type === 'link' || token.type === 'image') && links.push(token.href),
  });
  return { links, ids: new Set(getHeadingList().map((heading) => heading.id)) };
}

const cache = new Map();
const parsed = (file) => cache.get(file) ?? cache.set(file, read(file)).get(file);

/** What is wrong with one link of `file`, or '' when it resolves. */
function problem(file, href) {
  if (/^[a-z][a-z\d+.-]*:/i.test(href)) {
    let url;
    try {
      url = new URL(href);
    } catch {
      return 'not a URL';
    }
    if (url.protocol === 'mailto:') return url.pathname.includes('@') ? '' : 'no address';
    const local = ['localhost', '127.0.0.1'].includes(url.hostname);
    if (url.protocol === 'https:' || (url.protocol === 'http:' && local)) return url.hostname.includes('.') || local ? '' : 'no host';
    return `${url.protocol} link`;
  }
  if (href.startsWith('/')) return 'a path from the site root does not resolve on GitHub: write it relative';
  const [path, anchor] = href.split('#');
  const target = path ? join(dirname(file), decodeURIComponent(path)) : file;
  if (relative(root, join(root, target)).startsWith('..')) return 'outside the repository';
  if (!existsSync(join(root, target))) return `${target} does not exist`;
  if (anchor === undefined) return '';
  if (!target.endsWith('.md') || statSync(join(root, target)).isDirectory()) return `#${anchor} in a file that is not markdown`;
  return parsed(target).ids.has(anchor) ? '' : `${target} has no heading #${anchor}`;
}

test('the documents exist', () => {
  for (const file of files) assert.ok(existsSync(join(root, file)), file);
  assert.ok(files.length > 10, `${files.length} documents`);
});

for (const file of files) {
  test(`every link in ${file} resolves`, () => {
    const { links } = parsed(file);
    const problems = links.map((href) => [href, problem(file, href)]).filter(([, why]) => why);
    assert.deepEqual(
      problems.map(([href, why]) => `${href}: ${why}`),
      [],
    );
  });
}

test('a broken link, a missing anchor and a bad URL are caught', () => {
  assert.match(problem('docs/README.md', 'missing.md'), /does not exist/);
  assert.match(problem('docs/README.md', 'security.md#no-such-heading'), /no heading/);
  assert.equal(problem('docs/README.md', 'security.md#security'), '');
  assert.match(problem('README.md', 'https://exa mple.com/'), /not a URL/);
  assert.match(problem('README.md', 'http://example.com/'), /http: link/);
  assert.match(problem('README.md', '../outside.md'), /outside the repository/);
});
