import type { MenuItem } from '../core/data/model.js';
import { pageBase } from '../core/page/address.js';

// `/news/index.html` and `/news/` are the same page.
const pagePath = (path: string) => path.replace(/\/(index|default)\.[a-z]+$/i, '/');

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
  const herePath = pagePath(here.pathname);
  /** How well `href` names the page: 0 not at all, higher is better, an exact match best. */
  const score = (href: string): number => {
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      return 0;
    }
    if (url.origin !== here.origin) return 0;
    const path = pagePath(url.pathname);
    if (path === herePath && url.search === here.search) return Infinity;
    // A section (`/news/`) holds the pages under it; the home page `/` is only ever an exact match.
    if (url.search || path === '/') return 0;
    return path === herePath || herePath.startsWith(path.endsWith('/') ? path : path + '/') ? path.length : 0;
  };
  let best: MenuItem[] = [];
  let bestScore = 0;
  const visit = (list: MenuItem[], path: MenuItem[]) => {
    for (const item of list) {
      const trail = [...path, item];
      const value = item.href ? score(item.href) : 0;
      if (value > bestScore || (value && value === bestScore && trail.length > best.length)) {
        best = trail;
        bestScore = value;
      }
      visit(item.children, trail);
    }
  };
  visit(items, []);
  return best;
}
