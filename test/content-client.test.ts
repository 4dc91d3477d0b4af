import { expect, waitUntil } from '@open-wc/testing';
import { ContentClient } from '../src/core/network/content-client.js';
import { ContentError } from '../src/core/network/content-error.js';
import { retryDelay } from '../src/core/network/retry.js';
import { mockLog, mockUrl, uniqueKey } from './helpers.js';

const client = () => new ContentClient({ baseDelay: 20 });

async function failure(promise: Promise<unknown>): Promise<ContentError> {
  try {
    await promise;
  } catch (error) {
    return error as ContentError;
  }
  throw new Error('expected the request to fail');
}

describe('ContentClient', () => {
  it('retries 503 twice and then succeeds (three requests)', async () => {
    const key = uniqueKey();
    const response = await client().fetchJson(mockUrl({ key, fail: '503,503', then: '/test/fixtures/list.json' }));
    expect((response.data as { items: unknown[] }).items).to.have.length(3);
    expect(await mockLog(key)).to.have.length(3);
  });

  it('gives up after the retries with the last status', async () => {
    const key = uniqueKey();
    const error = await failure(client().fetchJson(mockUrl({ key, fail: '502,502,502,502' })));
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(502);
    expect(await mockLog(key)).to.have.length(3);
  });

  it('does not retry a 404', async () => {
    const key = uniqueKey();
    const error = await failure(client().fetchJson(mockUrl({ key, fail: '404' })));
    expect(error).to.be.instanceOf(ContentError);
    expect(error.status).to.equal(404);
    expect(await mockLog(key)).to.have.length(1);
  });

  it('honours Retry-After on 429', async () => {
    const key = uniqueKey();
    const started = performance.now();
    await client().fetchJson(mockUrl({ key, fail: '429', retryAfter: '1', then: '/test/fixtures/list.json' }));
    expect(performance.now() - started).to.be.at.least(950);
    expect(await mockLog(key)).to.have.length(2);
  });

  it('shows the failure instead of waiting for a Retry-After beyond its limit', async () => {
    const key = uniqueKey();
    const error = await failure(new ContentClient({ maxRetryAfter: 1000 }).fetchJson(mockUrl({ key, fail: '503', retryAfter: '120' })));
    expect(error.status).to.equal(503);
    expect(await mockLog(key)).to.have.length(1);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryDelay(0, '3', 100)).to.equal(3000);
    const inFive = new Date(Date.now() + 5000).toUTCString();
    expect(retryDelay(0, inFive, 100)).to.be.within(3000, 5000);
  });

  it('backs off with full jitter: from 0 up to baseDelay × 2^attempt, the whole range used', () => {
    const random = Math.random;
    try {
      Math.random = () => 0;
      expect(retryDelay(3, null, 100)).to.equal(0);
      Math.random = () => 0.5;
      expect(retryDelay(3, null, 100)).to.equal(400);
      expect(retryDelay(0, null, 100)).to.equal(50);
      Math.random = () => 1 - Number.EPSILON;
      const top = retryDelay(3, null, 100);
      expect(top).to.be.below(800);
      expect(top).to.be.above(799.99);
      // An empty or unreadable Retry-After falls back to the backoff.
      expect(retryDelay(1, '', 100)).to.be.within(199.99, 200);
      expect(retryDelay(1, 'soon', 100)).to.be.within(199.99, 200);
    } finally {
      Math.random = random;
    }
  });

  it('times out a slow server with a clear error', async () => {
    const key = uniqueKey();
    const error = await failure(client().fetchJson(mockUrl({ key, delay: 2000, then: '/test/fixtures/list.json' }), { timeout: 200 }));
    expect(error.kind).to.equal('timeout');
    expect(error.message).to.contain('200 ms');
  });

  it('makes identical concurrent GETs once and reuses the answer for its max-age', async () => {
    const key = uniqueKey();
    const shared = client();
    const url = mockUrl({ key, delay: 100, then: '/test/fixtures/list.json', 'h.Cache-Control': 'max-age=60' });
    const [a, b, c] = await Promise.all([shared.fetchJson(url), shared.fetchJson(url), shared.fetchJson(url)]);
    expect(a).to.equal(b);
    expect(b).to.equal(c);
    await shared.fetchJson(url);
    expect(await mockLog(key)).to.have.length(1);
    await shared.fetchJson(url, { fresh: true });
    expect(await mockLog(key)).to.have.length(2);
  });

  it('lets one caller abort without cancelling the others', async () => {
    const key = uniqueKey();
    const shared = client();
    const url = mockUrl({ key, delay: 200, then: '/test/fixtures/list.json' });
    const leaving = new AbortController();
    const first = shared.fetchJson(url, { signal: leaving.signal });
    const second = shared.fetchJson(url);
    leaving.abort();
    const aborted = await failure(first);
    expect((aborted as unknown as DOMException).name).to.equal('AbortError');
    expect(((await second).data as { items: unknown[] }).items).to.have.length(3);
  });

  it('reports an HTML page with status 200 as not JSON', async () => {
    const key = uniqueKey();
    const error = await failure(client().fetchJson(mockUrl({ key, type: 'text/html', body: '<!doctype html><title>Login</title>' })));
    expect(error.kind).to.equal('not-json');
    expect(error.message).to.contain('HTML');
  });

  it('reports a truncated body as malformed JSON', async () => {
    const key = uniqueKey();
    const error = await failure(client().fetchJson(mockUrl({ key, body: '{"items": [{"id": "1", "ti' })));
    expect(error.kind).to.equal('format');
    expect(error.message).to.contain('malformed');
  });

  it('retries a network error twice, then reports it', async () => {
    const key = uniqueKey();
    const error = await failure(client().fetchJson(mockUrl({ key, fail: 'drop,drop,drop,drop' })));
    expect(error.kind).to.equal('network');
    expect(await mockLog(key)).to.have.length(3);
  });

  it('recovers from a network error on the next attempt', async () => {
    const key = uniqueKey();
    const response = await client().fetchJson(mockUrl({ key, fail: 'drop', then: '/test/fixtures/list.json' }));
    expect((response.data as { items: unknown[] }).items).to.have.length(3);
    expect(await mockLog(key)).to.have.length(2);
  });

  it('does not reuse an answer marked no-store or no-cache', async () => {
    for (const cacheControl of ['no-store', 'no-cache', 'max-age=0']) {
      const key = uniqueKey();
      const shared = client();
      const url = mockUrl({ key, then: '/test/fixtures/list.json', 'h.Cache-Control': cacheControl });
      await shared.fetchJson(url);
      await shared.fetchJson(url);
      expect(await mockLog(key), cacheControl).to.have.length(2);
    }
  });

  it('reuses an answer without Cache-Control for its ttl, then asks again', async () => {
    const key = uniqueKey();
    const shared = new ContentClient({ ttl: 300 });
    const url = mockUrl({ key, then: '/test/fixtures/list.json', cache: 'none' });
    await shared.fetchJson(url);
    await shared.fetchJson(url);
    expect(await mockLog(key)).to.have.length(1);
    await new Promise((resolve) => setTimeout(resolve, 400));
    await shared.fetchJson(url);
    expect(await mockLog(key)).to.have.length(2);
  });

  it('gives each caller of a shared request its own timeout', async () => {
    const key = uniqueKey();
    const shared = client();
    const url = mockUrl({ key, delay: 600, then: '/test/fixtures/list.json' });
    const patient = shared.fetchJson(url, { timeout: 5000 });
    const hasty = shared.fetchJson(url, { timeout: 100 });
    const error = await failure(hasty);
    expect(error.kind).to.equal('timeout');
    expect(error.message).to.contain('100 ms');
    expect(((await patient).data as { items: unknown[] }).items).to.have.length(3);
    const log = await mockLog(key);
    expect(log).to.have.length(1);
    expect(log[0].aborted).to.equal(false);
  });

  it('a patient first caller does not hold a hasty second one past its timeout', async () => {
    const key = uniqueKey();
    const shared = client();
    const url = mockUrl({ key, delay: 600, then: '/test/fixtures/list.json' });
    let patientDone = false;
    const first = shared.fetchJson(url, { timeout: 5000 }).then(() => (patientDone = true));
    const error = await failure(shared.fetchJson(url, { timeout: 150 }));
    expect(error.kind).to.equal('timeout');
    // The hasty caller gave up while the shared request was still on its way.
    expect(patientDone).to.equal(false);
    await first;
  });

  it('cancels the request on the network when its only caller times out', async () => {
    const key = uniqueKey();
    const error = await failure(client().fetchJson(mockUrl({ key, delay: 1000, then: '/test/fixtures/list.json' }), { timeout: 150 }));
    expect(error.kind).to.equal('timeout');
    await waitUntil(async () => (await mockLog(key))[0]?.aborted, 'request cancelled');
  });

  it('a fresh request (Retry) never joins one already in flight', async () => {
    const key = uniqueKey();
    const shared = client();
    const url = mockUrl({ key, delay: 300, then: '/test/fixtures/list.json' });
    const first = shared.fetchJson(url);
    const fresh = shared.fetchJson(url, { fresh: true });
    await Promise.all([first, fresh]);
    expect(await mockLog(key)).to.have.length(2);
  });

  it('reads WordPress totals from the headers', async () => {
    const key = uniqueKey();
    const response = await client().fetchJson(mockUrl({ key, body: '[]', 'h.X-WP-Total': 57, 'h.X-WP-TotalPages': 6 }));
    expect(response.total).to.equal(57);
    expect(response.totalPages).to.equal(6);
  });
});
