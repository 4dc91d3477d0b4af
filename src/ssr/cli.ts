#!/usr/bin/env node
// `npx newsroom-elements render <pages…> --out <dir> [--base URL] [--root DIR] [--timeout MS]`:
// prerenders HTML files for static hosting with renderPage. `feed` and `sitemap` write a site's
// RSS / Atom feeds and sitemap.xml from a news list.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { siteFetch } from '../server/site-fetch.js';
import { feedFiles } from './feeds.js';
import { renderPage, type SourceError } from './render-page.js';

const USAGE = `Usage: newsroom-elements render <pages…> --out <dir> [--base URL] [--root DIR] [--timeout MS]

Renders every newsroom tag of each HTML page into declarative shadow DOM, with its data inline.
  --out      where the rendered pages go, at the same paths relative to --root
  --base     the address the pages will be served at (default http://localhost/); each page's
             own address is --base + its path under --root, and relative sources resolve from it
  --root     the folder served at --base (default: the current folder). A source under --base
             whose file exists under --root is read from disk; any other http(s) source is fetched
  --timeout  milliseconds each source may take (default 3000)
A source that fails leaves its elements to the browser; the command then exits with status 1.

Usage: newsroom-elements feed <list> --site URL --out <dir> [--title T] [--language L]
                                [--article-href T] [--article-src T] [--root DIR]
       newsroom-elements sitemap <list> --site URL --out <dir> [--pages a.html,b.html] (same options)

feed writes feed.xml (RSS 2.0) and atom.xml (Atom 1.0) of the newest 50 items; sitemap writes
sitemap.xml (Google News tags on the last two days' articles; an index of sitemap-N.xml past
50,000 URLs).
  <list>          the news list (native JSON, JSON Feed 1.1 or WordPress posts): a file under
                  --root (read as the site serves it) or an http(s) address
  --site          the site's public address: links are made absolute against it
  --article-href  the article page template, relative to --site (article.html?id={id})
  --article-src   each item's article JSON, relative to the list (articles/{id}.json): the bodies
  --pages         other pages for the sitemap, relative to --site ('' is the home page)
  --title         the site's name (default: the host name); --language its language (zh-CN)
An article that cannot be read keeps its summary, and the command exits with status 1.`;

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        base: { type: 'string', default: 'http://localhost/' },
        root: { type: 'string', default: '.' },
        timeout: { type: 'string', default: '3000' },
        site: { type: 'string' },
        title: { type: 'string' },
        language: { type: 'string' },
        'article-href': { type: 'string' },
        'article-src': { type: 'string' },
        pages: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...pages] = positionals;
  if (values.help) {
    console.error(USAGE);
    return 0;
  }
  if (command === 'feed' || command === 'sitemap') return writeFeeds(command, pages, values);
  const timeout = Number(values.timeout);
  let base: URL | undefined;
  try {
    base = new URL(values.base!.endsWith('/') ? values.base! : values.base + '/');
  } catch {
    base = undefined;
  }
  const problem =
    command !== 'render'
      ? `unknown command ${JSON.stringify(command ?? '')}`
      : !pages.length
        ? 'no pages given'
        : !values.out
          ? '--out is required'
          : !base || !/^https?:$/.test(base.protocol)
            ? `--base must be an http(s) address, not ${JSON.stringify(values.base)}`
            : !(Number.isInteger(timeout) && timeout > 0)
              ? `--timeout must be a positive number of milliseconds, not ${JSON.stringify(values.timeout)}`
              : '';
  if (problem) {
    console.error(`newsroom-elements: ${problem}\n\n${USAGE}`);
    return 2;
  }

  const root = resolve(values.root!);
  const out = resolve(values.out!);
  // The site's own files from disk; a source missing there, or elsewhere, from the network.
  const fetch = siteFetch(root, base!, { network: true });
  let failed = 0;
  for (const page of pages) {
    const file = resolve(page);
    const path = relative(root, file);
    if (path.startsWith('..')) {
      console.error(`✗ ${page}: not under --root ${root}`);
      failed++;
      continue;
    }
    const started = performance.now();
    const errors: SourceError[] = [];
    try {
      const url = new URL(path.split(sep).map(encodeURIComponent).join('/'), base).href;
      const html = await renderPage(await readFile(file, 'utf8'), { url, fetch, timeout, onError: (error) => errors.push(error) });
      const target = join(out, path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, html);
      const ms = Math.round(performance.now() - started);
      console.error(`${errors.length ? '!' : '✓'} ${path} → ${relative(process.cwd(), target)} (${ms} ms)`);
      for (const error of errors) console.error(`  source failed, left to the browser: ${error.message}`);
      if (errors.length) failed++;
    } catch (error) {
      console.error(`✗ ${page}: ${(error as Error).message}`);
      failed++;
    }
  }
  console.error(`${pages.length - failed} of ${pages.length} pages rendered cleanly.`);
  return failed ? 1 : 0;
}

type Values = Record<string, string | boolean | undefined>;

async function writeFeeds(command: 'feed' | 'sitemap', lists: string[], values: Values): Promise<number> {
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  let site: URL | undefined;
  try {
    site = new URL(text('site') ?? '');
  } catch {
    site = undefined;
  }
  const problem =
    lists.length !== 1
      ? 'give one news list'
      : !site || !/^https?:$/.test(site.protocol)
        ? `--site must be an http(s) address, not ${JSON.stringify(text('site') ?? '')}`
        : !text('out')
          ? '--out is required'
          : '';
  if (problem) {
    console.error(`newsroom-elements: ${problem}\n\n${USAGE}`);
    return 2;
  }
  if (!site!.pathname.endsWith('/')) site!.pathname += '/';
  const root = resolve(text('root') ?? '.');
  const out = resolve(text('out')!);
  const list = lists[0];
  if (!/^https?:\/\//.test(list) && !existsSync(list)) {
    console.error(`✗ ${list}: no such file`);
    return 1;
  }
  const src = /^https?:\/\//.test(list)
    ? list
    : new URL(relative(root, resolve(list)).split(sep).map(encodeURIComponent).join('/'), site).href;
  const started = performance.now();
  const errors: Error[] = [];
  let files: Record<string, string>;
  try {
    files = await feedFiles({
      src,
      articleSrc: text('article-src'),
      fetch: siteFetch(root, site!, { network: true }),
      onError: (error) => errors.push(error),
      site: site!.href,
      articleHref: text('article-href'),
      title: text('title') ?? site!.hostname,
      language: text('language'),
      pages: text('pages')?.split(','), // '' is the home page
      files: command === 'feed' ? ['rss', 'atom'] : ['sitemap'],
    });
  } catch (error) {
    console.error(`✗ ${list}: ${(error as Error).message}`);
    return 1;
  }
  await mkdir(out, { recursive: true });
  const ms = Math.round(performance.now() - started);
  for (const [name, xml] of Object.entries(files)) {
    const target = join(out, name);
    await writeFile(target, xml);
    const count = xml.match(/<(item|entry|url|sitemap)>/g)?.length ?? 0;
    console.error(
      `${errors.length ? '!' : '✓'} ${relative(process.cwd(), target)}: ${count} entries, ${(xml.length / 1024).toFixed(1)} KB (${ms} ms)`,
    );
  }
  for (const error of errors) console.error(`  article left out, its summary kept: ${error.message}`);
  return errors.length ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
