// A GET exactly as written: no URL normalisation (fetch would resolve `..` and `%2e%2e` before
// the server saw them) and no decompression, so a test sees the very bytes the server sent.
import { request } from 'node:http';

/** `GET path` on 127.0.0.1:`port`; resolves to the status, headers, body bytes and body text. */
export function rawGet(port, path, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        resolve({ status: res.statusCode, headers: res.headers, bytes, body: bytes.toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end();
  });
}
