import type { MenuItem } from '../core/model.js';
import { pageBase } from '../core/page.js';

// `/news/index.html` and `/news/` are the same page.
const pagePath = (path: string) => path.replace(/\/(index|default)\.[a-z]+$/i, '/');

/** How well `href` names the page at `here`: 0 not at all, higher is better, an exact match best. */
function score(href: string, here: URL): number {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return 0;
  }
  if (url.origin !== here.origin) return 0;
  const path = pagePath(url.pathname);
  const current = pagePath(here.pathname);
  if (path === current && url.search === here.search) return Number.MAX_SAFE_INTEGER;
  // A section (`/news/`) holds the pages under it; the home page `/` is only ever an exact match.
  if (url.search || path === '/') return 0;
  if (path === current || current.startsWith(path.endsWith('/') ? path : path + '/')) return path.length;
  return 0;
}

/**
 * The trail from the top of `items` to the entry that best names the page at `current`: an
 * exact match first, else the longest path prefix (ties go to the deeper entry). Empty when no
 * entry matches.
 */
export function findTrail(items: MenuItem[], current: string): MenuItem[] {
  let here: URL;
  try {
    here = new URL(current, pageBase());
  } catch {
    return [];
  }
  let best: MenuItem[] = [];
  let bestScore = 0;
  const visit = (list: MenuItem[], path: MenuItem[]) => {
    for (const item of list) {
      const trail = [...path, item];
      const value = item.href ? score(item.href, here) : 0;
      if (value > bestScore || (value && value === bestScore && trail.length > best.length)) {
        best = trail;
        bestScore = value;
      }
      if (item.children.length) visit(item.children, trail);
    }
  };
  visit(items, []);
  return best;
}
