// Node's http server for the Fetch handler: the Request/Response conversion is @hono/node-server's.
import { getRequestListener } from '@hono/node-server';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A `node:http` / Express / Connect request listener for a Fetch handler such as `newsroom()`:
 * `createServer(nodeListener(site))`, or `app.use(nodeListener(site))`.
 */
export function nodeListener(handler: {
  fetch(request: Request): Response | Promise<Response>;
}): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  return getRequestListener((request) => handler.fetch(request));
}
