// A small site for the server tests: a contact page with a message form and one news source.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './files.mjs';

export const CONTACT = `<!doctype html><html lang="en"><head><title>Contact</title></head><body>
<message-form action="/api/messages" fields="name,email,message" required="name,email,message"></message-form>
</body></html>`;

/** A temporary site: pages in `root`, sources in `root/content`, and a store file outside it. */
export function makeSite() {
  const dir = tempDir('server');
  const root = join(dir, 'site');
  mkdirSync(join(root, 'content'), { recursive: true });
  writeFileSync(join(root, 'contact.html'), CONTACT);
  writeFileSync(join(root, 'thanks.html'), '<!doctype html><title>Thanks</title><p>Thanks');
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><html lang="en"><head><title>News</title></head><body><news-list src="/content/news.json"></news-list></body></html>',
  );
  writeFileSync(
    join(root, 'content', 'news.json'),
    JSON.stringify({ items: [{ id: 'a1', title: 'First news', date: '2025-06-01', url: '/a1.html' }] }),
  );
  return { dir, root, messagesFile: join(dir, 'data', 'messages.jsonl') };
}

export const message = (extra = {}) => ({ name: 'Ada', email: 'ada@example.com', message: `Hello ${Math.random()}`, ...extra });
