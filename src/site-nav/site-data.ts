import type { ContentResponse } from '../core/content-client.js';
import { normalizeSite } from '../core/site-format.js';
import type { Site } from '../core/model.js';

// Elements sharing one request get the same response object: normalise it once for all of them.
const sites = new WeakMap<ContentResponse, Site>();

/** The `site.json` behind `response`, normalised once per response. */
export function siteOf(response: ContentResponse): Site {
  let site = sites.get(response);
  if (!site) sites.set(response, (site = normalizeSite(response.data, response.url)));
  return site;
}
