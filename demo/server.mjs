// The demo site's server, on `newsroom-elements/server`: its pages server-rendered (dist/ built
// first: `npm start`), the message form's posts kept in demo/data/messages.jsonl (MESSAGES_FILE
// to keep them elsewhere) and listed by the inbox page, and its static files with compression and
// ETags (./static.mjs). `node demo/server.mjs`; PORT changes the port (8000 by default).
// Routes of the demo's own go in `routes` below; everything else is the library's or a file.
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newsroom, siteFetch, siteFile } from '../dist/server/index.js';
import { feedFiles } from '../dist/ssr/index.js';
import { nodeListener } from '../dist/server/node.js';
import { docsPages } from './docs.mjs';
import { compressed, securityHeaders, sendFile, types } from './static.mjs';

const demoRoot = dirname(fileURLToPath(import.meta.url));
const distRoot = resolve(demoRoot, '../dist');
const messagesFile = resolve(process.env.MESSAGES_FILE || join(demoRoot, 'data', 'messages.jsonl'));
const port = Number(process.env.PORT ?? 8000);

/** Never served as files: the message store's folder, and this server's own code. */
const deny = [
  dirname(messagesFile),
  join(demoRoot, 'data'),
  join(demoRoot, 'server.mjs'),
  join(demoRoot, 'static.mjs'),
  join(demoRoot, 'docs.mjs'),
];

const escapeAttribute = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * site.js opens a `news-list[data-follow-url]` on the address's `?category=` and `?page=`; the
 * server render does the same, so the browser's first render matches it (no shift, no refetch).
 */
function followUrl(source, pageUrl) {
  const category = pageUrl.searchParams.get('category');
  const page = Number(pageUrl.searchParams.get('page'));
  const wanted =
    (category ? ` category="${escapeAttribute(category)}"` : '') + (Number.isInteger(page) && page > 1 ? ` page="${page}"` : '');
  if (!wanted) return source;
  return source.replace(
    /<news-list\b([^>]*\sdata-follow-url\b[^>]*)>/g,
    (_, attributes) => `<news-list${attributes.replace(/\s(category|page)="[^"]*"/g, '')}${wanted}>`,
  );
}

/** The `?id=` of an article page, when it names an article as the content files do. */
function articleId(source, pageUrl) {
  const id = pageUrl.searchParams.get('id');
  return id && /<news-article\b/.test(source) && /^[\w-]{1,64}$/.test(id) ? id : undefined;
}

/**
 * site.js points the breadcrumb and side menu of an article page at the article's category
 * (`current="/news.html?category=…"`) once the article is known. The server render does the same
 * from the article's file, so the menus hydrate as rendered and site.js changes nothing.
 */
async function articleSection(source, pageUrl, fetch) {
  const id = articleId(source, pageUrl);
  if (!id) return source;
  const english = pageUrl.pathname.startsWith('/en/');
  const response = await fetch(new URL(`/content/${english ? 'en/' : ''}articles/${id}.json`, pageUrl).href);
  const category = response.ok ? (await response.json().catch(() => undefined))?.category?.id : undefined;
  if (typeof category !== 'string' || !category) return source;
  const current = escapeAttribute(`${english ? '/en' : ''}/news.html?category=${encodeURIComponent(category)}`);
  return source.replace(
    /<site-nav\b([^>]*\svariant="(breadcrumb|side)"[^>]*)>/g,
    (_, attributes) => `<site-nav${attributes.replace(/\scurrent="[^"]*"/, '')} current="${current}">`,
  );
}

/**
 * site.js points an article page's language switch at the same article in the other language,
 * when it has one. The server render does the same from the content files, and the `hreflang`
 * alternate with it, so that a crawler and a reader without script find the translation; an
 * article with none links the other language's news and has no alternate.
 */
async function articleLanguages(source, pageUrl, fetch) {
  const id = articleId(source, pageUrl);
  if (!id) return source;
  const other = pageUrl.pathname.startsWith('/en/') ? '' : '/en';
  const response = await fetch(new URL(`/content${other}/articles/${id}.json`, pageUrl).href);
  await response.body?.cancel();
  const translation = response.ok ? escapeAttribute(`${other}/article.html?id=${encodeURIComponent(id)}`) : undefined;
  return source
    .replace(/(<link rel="alternate" hreflang="[^"]+" href=")[^"]*(">\s*)/, translation ? `$1${translation}$2` : '')
    .replace(/(<a class="lang-switch" href=")[^"]*"/, `$1${translation ?? `${other}/news.html`}"`);
}

/** A missing file: the demo's 404 page. */
async function notFound(request) {
  const body = await readFile(join(demoRoot, '404.html')).catch(() => '<!doctype html><title>404</title><h1>404 Not Found</h1>');
  return new Response(request.method === 'HEAD' ? null : body, {
    status: 404,
    headers: { ...securityHeaders, 'Content-Type': types['.html'] },
  });
}

/** The bundle under /dist/, and the demo's own files (styles, scripts, content JSON, images). */
async function staticFile(request) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Method Not Allowed', {
      status: 405,
      headers: { ...securityHeaders, Allow: 'GET, HEAD', 'Content-Type': types['.txt'] },
    });
  }
  const { pathname } = new URL(request.url);
  const inDist = pathname.startsWith('/dist/');
  const file = inDist ? await siteFile(distRoot, pathname.slice('/dist'.length), { deny }) : await siteFile(demoRoot, pathname, { deny });
  if (!file) return notFound(request);
  return sendFile(request, file, {
    immutable: inDist && file.startsWith(join(distRoot, 'cdn')),
    minified: !inDist && file.endsWith('.js'),
  });
}

const site = newsroom({
  root: demoRoot,
  messages: messagesFile,
  inbox: true,
  form: {
    rules: { fields: 'name,phone,email,subject,message', required: 'name,message', oneOf: 'phone,email' },
    thanks: { 'zh-CN': '/thanks.html', en: '/en/thanks.html' },
    page: { 'zh-CN': '/contact.html', en: '/en/contact.html' },
  },
  // site.css reserves space for elements the browser has yet to render: not on a rendered page.
  // A rendered page takes the loader that holds each element's code back until a visitor reaches
  // for it (docs/usage.md); the page as written (?ssr=0, or when rendering fails) keeps loader.js.
  prepare: async (html, { url, fetch }) =>
    (await articleLanguages(await articleSection(followUrl(html, url), url, fetch), url, fetch))
      .replace(/<html\b/i, '<html data-ssr')
      .replace('src="/dist/loader.js"', 'src="/dist/loader-on-interaction.js"'),
  feed: (url) => (url.pathname.startsWith('/en/') ? '/en/feed.xml' : '/feed.xml'),
  fallback: staticFile,
  onError: (error) => console.error(error.message, error.cause ?? ''),
});

/** The demo's own routes, before the library's: add yours here. */
const routes = {};

// The documentation, its examples live (./docs.mjs): /docs/ and /docs/<page>.
const docs = docsPages({ docsRoot: resolve(demoRoot, '../docs'), demoRoot, deny, notFound, headers: securityHeaders });

routes['/robots.txt'] = (request) => {
  const { origin } = new URL(request.url);
  return new Response(`User-agent: *\nAllow: /\nSitemap: ${origin}/sitemap.xml\nSitemap: ${origin}/en/sitemap.xml\n`, {
    headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
// Feeds and sitemaps in each language, from the content folder (robots.txt names the sitemaps).
for (const [prefix, language, title] of [
  ['', 'zh-CN', '吉林省利诚商贸有限公司'],
  ['/en', 'en', 'Jilin Licheng Trading Co., Ltd.'],
]) {
  for (const [file, kind] of [
    ['feed.xml', 'rss'],
    ['atom.xml', 'atom'],
    ['sitemap.xml', 'sitemap'],
  ]) {
    routes[`${prefix}/${file}`] = async (request) => {
      const site = new URL(`${prefix}/`, request.url);
      const src = new URL(`/content${prefix}/news.json`, site).href;
      const fetch = siteFetch(demoRoot, new URL('/', site));
      const files = await feedFiles({
        src,
        articleSrc: 'articles/{id}.json',
        fetch,
        site: site.href,
        articleHref: 'article.html?id={id}',
        title,
        language,
        pages: ['', 'news.html', 'about.html', 'contact.html'],
        files: [kind],
      });
      return new Response(files[file], {
        headers: { ...securityHeaders, 'Content-Type': `application/${kind === 'sitemap' ? 'xml' : `${kind}+xml`}; charset=utf-8` },
      });
    };
  }
}

const listener = nodeListener({
  async fetch(request) {
    const { pathname } = new URL(request.url);
    const route = routes[pathname] ?? (pathname === '/docs' || pathname.startsWith('/docs/') ? docs : undefined);
    return compressed(request, await (route ?? site.fetch)(request));
  },
});

const server = createServer(listener);
server.listen(port, () => {
  const { port: actual } = server.address();
  console.log(`newsroom-elements demo: http://localhost:${actual}/`);
  if (!existsSync(join(distRoot, 'newsroom-elements.js'))) {
    console.warn('dist/newsroom-elements.js is missing: run `npm run build` (or `npm start`).');
  }
});

function stop() {
  server.close(() => site.close().then(() => process.exit(0)));
  server.closeAllConnections();
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
