import { readFile, realpath, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';

export interface SiteFileOptions {
  /** Folders never served from, whatever the path says (a message store's folder). */
  deny?: string[];
  /** The file a folder's address serves (default `index.html`). */
  index?: string;
}

/**
 * The file a URL path names inside `root`, or undefined. Every trick is refused rather than
 * normalised: an undecodable path, NUL, backslashes, empty segments (`//`), `.` and `..` (also
 * percent-encoded) and hidden names (`.env`); the real path (symlinks followed) must stay inside
 * `root` and outside every `deny` folder, compared without case, as a case-insensitive file
 * system would (`/Data/` is `/data/`).
 */
export async function siteFile(
  root: string,
  pathname: string,
  { deny = [], index = 'index.html' }: SiteFileOptions = {},
): Promise<string | undefined> {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (!path.startsWith('/') || /[\0\\]/.test(path)) return undefined;
  const segments = path.slice(1).split('/');
  // A trailing slash leaves one empty last segment: a folder's index.
  if (segments.slice(0, -1).some((segment) => !segment) || segments.some((segment) => segment.startsWith('.'))) return undefined;
  const realRoot = await realpath(root).catch(() => undefined);
  if (!realRoot) return undefined;
  let file = join(realRoot, ...segments);
  let info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    file = join(file, index);
    info = await stat(file).catch(() => undefined);
  }
  if (!info?.isFile()) return undefined;
  const real = await realpath(file).catch(() => undefined);
  if (!real || !inside(real, realRoot)) return undefined;
  for (const folder of deny) {
    const denied = await realpath(folder).catch(() => resolve(folder));
    if (inside(real, denied) || real.toLowerCase() === denied.toLowerCase()) return undefined;
  }
  return real;
}

const inside = (file: string, folder: string) => file.toLowerCase().startsWith(folder.toLowerCase().replace(/[\\/]*$/, '') + sep);

const TYPES: Record<string, string> = {
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

/** What a render read: a site file with its modification time, or a remote answer's caching headers. */
export type SourceRead = { file: string; mtimeMs: number } | { url: string; etag?: string; lastModified?: string; expires: number };

export interface SiteFetchOptions {
  /** A site path missing on disk is fetched from the network (the CLI) rather than a 404 (a server, which would ask itself). */
  network?: boolean;
  /** Told of every source read, for a render cache to know when to render again. */
  onRead?: (read: SourceRead) => void;
  /** Folders never read from (see `siteFile`). */
  deny?: string[];
  fetch?: typeof fetch;
}

/**
 * The fetch renderPage gets: the site's own addresses (`base` and below) are read from `root`
 * on disk, no request to ourselves; anything else goes to the network.
 */
export function siteFetch(root: string, base: string | URL, options: SiteFetchOptions = {}) {
  const site = new URL(base);
  const basePath = site.pathname.endsWith('/') ? site.pathname : site.pathname + '/';
  const network = options.fetch ?? globalThis.fetch;
  return async (input: string | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input, site);
    if (url.origin === site.origin && url.pathname.startsWith(basePath)) {
      const file = await siteFile(root, '/' + url.pathname.slice(basePath.length), { deny: options.deny });
      if (file) {
        const [body, info] = await Promise.all([readFile(file), stat(file)]);
        options.onRead?.({ file, mtimeMs: info.mtimeMs });
        const type = TYPES[file.slice(file.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';
        return new Response(body, { headers: { 'Content-Type': type } });
      }
      // A file that appears later must show: noted as missing (modification time 0).
      options.onRead?.({ file: resolve(root, '.' + decodeSafely(url.pathname.slice(basePath.length - 1))), mtimeMs: 0 });
      if (!options.network) return new Response('Not Found', { status: 404, headers: { 'Content-Type': TYPES.txt } });
    }
    const response = await network(url, init);
    options.onRead?.(remoteRead(url.href, response));
    return response;
  };
}

const decodeSafely = (path: string) => {
  try {
    return decodeURIComponent(path).replace(/\0/g, '');
  } catch {
    return path;
  }
};

/** How long a remote answer may be reused, from its Cache-Control / Expires; 0 when it must be revalidated. */
export function remoteRead(url: string, response: Response, now = Date.now()): SourceRead {
  const control = response.headers.get('cache-control') ?? '';
  const maxAge = /(?:^|,)\s*(?:s-maxage|max-age)\s*=\s*"?(\d+)/i.exec(control);
  const noStore = /(?:^|,)\s*(no-store|no-cache|private)\b/i.test(control);
  const expiresAt = Date.parse(response.headers.get('expires') ?? '');
  const age = Number(response.headers.get('age')) || 0;
  const expires = noStore || !response.ok ? 0 : maxAge ? now + (Number(maxAge[1]) - age) * 1000 : Number.isNaN(expiresAt) ? 0 : expiresAt;
  return {
    url,
    etag: response.headers.get('etag') ?? undefined,
    lastModified: response.headers.get('last-modified') ?? undefined,
    expires,
  };
}
