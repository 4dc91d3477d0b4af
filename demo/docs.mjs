// The documentation as pages of the demo site: /docs/ is docs/README.md, /docs/<name> is
// docs/<name>.md, rendered to HTML with marked (headings get GitHub's ids, so an #anchor works the
// same on GitHub and here) inside demo/docs/page.html. A code block written ```html live is shown
// and also put in the page as markup, so the element pages' examples run: the page is then
// server-rendered with renderPageResult like every demo page and sent under the same strict CSP,
// its rendered styles allowed by hash. Only the repository's own markdown is rendered; its HTML
// is trusted, and nothing from a request reaches the page but a name checked against the files.
import { readFile, readdir } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { Marked, Renderer } from 'marked';
import { gfmHeadingId } from 'marked-gfm-heading-id';
import { policyWith, siteFetch, STRICT_POLICY } from '../dist/server/index.js';
import { renderPageResult } from '../dist/ssr/index.js';

/** Where a link to a file of the repository outside docs/ leads. */
const REPOSITORY = 'https://github.com/newsroom-elements/newsroom-elements/blob/main/';

/**
 * The demo address of a relative link written in docs/<file>: a docs page → /docs/<name>,
 * another file of the repository → the repository on GitHub; anything else as written.
 */
export function docsHref(href, file) {
  if (/^([a-z][a-z\d+.-]*:|\/|#)/i.test(href)) return href;
  const [path, hash = ''] = href.split(/(?=#)/);
  const target = posix.normalize(posix.join('docs', posix.dirname(file), path));
  const page = /^docs\/([a-z\d-]+)\.md$/i.exec(target);
  if (page) return `/docs/${page[1] === 'README' ? '' : page[1]}${hash}`;
  return target.startsWith('../') ? href : REPOSITORY + target + hash;
}

/** A markdown renderer for docs/<file>: links made demo addresses, ```html live examples kept live. */
function markdown(file) {
  const plain = new Renderer();
  return new Marked(gfmHeadingId(), {
    walkTokens(token) {
      if (token.type === 'link') token.href = docsHref(token.href, file);
    },
    renderer: {
      code(token) {
        if (!/^html\s+live\b/.test(token.lang ?? '')) return false;
        return `<div class="docs-example">\n${token.text}\n</div>\n` + plain.code({ ...token, lang: 'html' });
      },
    },
  });
}

/** The side menu: the docs page each entry of the table of contents' lists leads to, in its order. */
function docsNav(index) {
  const links = [];
  const marked = markdown('README.md');
  marked.walkTokens(marked.lexer(index), (item) => {
    if (item.type !== 'list_item') return;
    let first;
    marked.walkTokens(item.tokens, (token) => (first ??= token.type === 'link' ? token : undefined));
    if (first && /^[a-z\d-]+\.md$/i.test(first.href)) links.push(`- ${first.raw}`);
  });
  return marked.parse(links.join('\n'));
}

/** Answers /docs and everything under it: a page, or `notFound(request)`. */
export function docsPages({ docsRoot, demoRoot, deny, notFound, headers }) {
  const template = readFile(join(demoRoot, 'docs', 'page.html'), 'utf8');
  return async function docs(request) {
    const url = new URL(request.url);
    if (url.pathname === '/docs') return Response.redirect(new URL('/docs/', url), 301);
    const name = url.pathname.slice('/docs/'.length) || 'README';
    const files = new Set(await readdir(docsRoot));
    if (!/^[a-z\d-]+$/i.test(name) || !files.has(`${name}.md`)) return notFound(request);
    const [source, index, page] = await Promise.all([
      readFile(join(docsRoot, `${name}.md`), 'utf8'),
      readFile(join(docsRoot, 'README.md'), 'utf8'),
      template,
    ]);
    const html = page
      .replace('<!--docs-title-->', name === 'README' ? 'contents' : name)
      .replace('<!--docs-nav-->', () => docsNav(index))
      .replace('<!--docs-content-->', () => markdown(`${name}.md`).parse(source));
    const rendered = await renderPageResult(html, { url: url.href, fetch: siteFetch(demoRoot, new URL('/', url), { deny }) });
    return new Response(request.method === 'HEAD' ? null : rendered.html, {
      headers: {
        ...headers,
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': policyWith(STRICT_POLICY, rendered.styleHashes),
      },
    });
  };
}
