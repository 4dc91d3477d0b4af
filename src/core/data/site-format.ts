import type { ContentResponse } from '../network/content-client.js';
import type { Contact, MenuItem, Site } from './model.js';
import { isObject, Reader } from './reader.js';
import { pageBase } from '../page/address.js';

// Kept apart from the list and article readers so that menus and contact cards never pull in
// the HTML sanitizer.
const MAX_MENU_DEPTH = 32;

function menu(r: Reader, values: unknown[], path: string, depth: number): MenuItem[] {
  const out: MenuItem[] = [];
  for (const [entry, at] of r.objects(values, path)) {
    const label = r.text(entry, 'label', at);
    if (!label) {
      r.warn(`${at}.label`, 'a label');
      continue;
    }
    const children = depth < MAX_MENU_DEPTH ? menu(r, r.list(entry, 'children', at), `${at}.children`, depth + 1) : [];
    out.push({ label, href: r.url(entry, 'href', at), children });
  }
  return out;
}

function contact(r: Reader, value: unknown): Contact | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) {
    r.warn('contact', 'an object');
    return undefined;
  }
  const p = 'contact';
  return {
    title: r.text(value, 'title', p),
    address: r.text(value, 'address', p),
    phone: r.text(value, 'phone', p),
    email: r.text(value, 'email', p),
    website: r.url(value, 'website', p),
    fax: r.text(value, 'fax', p),
    hours: r.text(value, 'hours', p),
    map: r.url(value, 'map', p),
  };
}

/** `site.json`: name, menus, contact, copyright. */
export function normalizeSite(data: unknown, base: string = pageBase()): Site {
  const r = new Reader(base);
  const root = isObject(data) ? data : {};
  if (!isObject(data)) r.warn('site', 'an object');
  const menus: Record<string, MenuItem[]> = {};
  if (isObject(root.menus)) {
    for (const [name, entries] of Object.entries(root.menus)) {
      if (Array.isArray(entries)) menus[name] = menu(r, entries, `menus.${name}`, 0);
      else r.warn(`menus.${name}`, 'a list');
    }
  } else if (root.menus !== undefined) {
    r.warn('menus', 'an object');
  }
  return {
    name: r.text(root, 'name', 'site'),
    locale: r.text(root, 'locale', 'site'),
    menus,
    contact: contact(r, root.contact),
    copyright: r.text(root, 'copyright', 'site'),
  };
}

// Elements sharing one request get the same response object: normalise it once for all of them.
const sites = new WeakMap<ContentResponse, Site>();

/** The `site.json` behind `response`, normalised once per response. */
export function siteOf(response: ContentResponse): Site {
  let site = sites.get(response);
  if (!site) sites.set(response, (site = normalizeSite(response.data, response.url)));
  return site;
}
