// What a newcomer sees first: `npm start` builds, then shows the demo's address within its first
// ten lines, with no warning on the way. It runs in a copy of the repository's files (node_modules
// linked, not copied), so the build it makes does not replace the dist/ the other tests read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { repoRoot } from './demo-server.mjs';

/** The repository's files as a fresh clone has them (tracked and new, not ignored), in a temporary folder. */
function cloneLike() {
  const dir = mkdtempSync(join(tmpdir(), 'newsroom-start-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot, encoding: 'utf8' });
  for (const file of files.split('\0')) {
    if (file && existsSync(join(repoRoot, file))) cpSync(join(repoRoot, file), join(dir, file));
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** `npm start` in `dir` (PORT=0: a free port) until it prints the address: every line printed until then. */
function startUntilUrl(dir) {
  // Not the npm settings of a surrounding `npm test` (a --silent there would hide npm's own lines).
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
  const child = spawn('npm', ['start'], { cwd: dir, env: { ...env, PORT: '0' }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const done = (error) => {
      if (child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
      const lines = stripVTControlCharacters(output).split('\n');
      if (error) reject(new Error(`${error}:\n${output}`));
      else resolve(lines);
    };
    const read = (chunk) => {
      output += chunk;
      if (/http:\/\/localhost:\d+\/\n/.test(output)) done();
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => done(`npm start exited with ${code} before showing the address`));
  });
}

test('npm start builds without a warning and shows the demo URL within its first 10 lines', { timeout: 10 * 60_000 }, async () => {
  const dir = cloneLike();
  try {
    const lines = await startUntilUrl(dir);
    const urlLine = lines.findIndex((line) => /newsroom-elements demo: http:\/\/localhost:\d+\//.test(line));
    assert.ok(urlLine >= 0 && urlLine < 10, `the URL is on line ${urlLine + 1}:\n${lines.join('\n')}`);
    const warnings = lines.filter((line) => /warn/i.test(line));
    assert.deepEqual(warnings, [], `npm start printed warnings:\n${lines.join('\n')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
