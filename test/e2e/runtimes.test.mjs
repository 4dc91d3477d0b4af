// The same handler under Bun and Deno (their npm packages ship the binaries): each renders a page,
// takes a message without JavaScript and as JSON, and reads both back from the store.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeSite, message } from './handler-site.mjs';

const repo = join(import.meta.dirname, '../..');
const runtimes = {
  bun: { bin: join(repo, 'node_modules/.bin/bun'), args: (file) => [file] },
  deno: { bin: join(repo, 'node_modules/.bin/deno'), args: (file) => ['run', '-A', '--quiet', '--node-modules-dir=manual', file] },
};

for (const [name, { bin, args }] of Object.entries(runtimes)) {
  test(
    `under ${name}: a page rendered, a form post and a JSON post stored and read back`,
    { skip: !existsSync(bin) && `${bin} missing` },
    async () => {
      const site = makeSite();
      const file = join(site.dir, 'serve.mjs');
      writeFileSync(
        file,
        `import { newsroom, jsonLinesStore } from ${JSON.stringify(join(repo, 'dist/server/index.js'))};
      const site = newsroom({ root: ${JSON.stringify(site.root)}, messages: ${JSON.stringify(site.messagesFile)}, form: { rules: { fields: 'name,email,message' }, thanks: '/thanks.html' } });
      const server = ${name === 'bun' ? 'Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: site.fetch })' : 'Deno.serve({ port: 0, hostname: "127.0.0.1", onListen() {} }, site.fetch)'};
      const port = ${name === 'bun' ? 'server.port' : 'server.addr.port'};
      const url = 'http://127.0.0.1:' + port;
      const out = {};
      const page = await fetch(url + '/contact.html');
      const html = await page.text();
      out.page = page.status;
      out.rendered = html.includes('shadowrootmode="open"');
      const key = /name="_idempotency" value="([^"]+)"/.exec(html)[1];
      const form = ${JSON.stringify(message())};
      const posted = await fetch(url + '/api/messages', { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' }, body: new URLSearchParams({ ...form, _idempotency: key }) });
      out.form = posted.status;
      const json = ${JSON.stringify(message())};
      const created = await fetch(url + '/api/messages', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() }, body: JSON.stringify(json) });
      out.json = created.status;
      const stored = await jsonLinesStore(${JSON.stringify(site.messagesFile)}).list();
      out.stored = [form.message, json.message].map((text) => stored.filter((r) => r.message.message === text).length);
      console.log(JSON.stringify(out));
      await site.close();
      ${name === 'bun' ? 'server.stop(true)' : 'await server.shutdown()'};
      process.exit(0);`,
      );
      const child = spawn(bin, args(file), { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      const code = await new Promise((resolve) => child.on('exit', resolve));
      assert.equal(code, 0, stderr);
      const out = JSON.parse(stdout.trim().split('\n').at(-1));
      assert.deepEqual(out, { page: 200, rendered: true, form: 303, json: 201, stored: [1, 1] });
    },
  );
}
