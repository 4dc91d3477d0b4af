// The files the Node tests write: temporary folders, and the message store's JSON lines.
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made = [];
// One test file is one process: its folders go when it ends, passed or failed.
process.once('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A new folder `newsroom-<name>-…` in the OS temp folder, removed when the test process exits. */
export function tempDir(name) {
  const dir = mkdtempSync(join(tmpdir(), `newsroom-${name}-`));
  made.push(dir);
  return dir;
}

/** The message store file's lines, parsed; throws on a line that is not JSON but the last. */
export async function storedLines(file) {
  const text = await readFile(file, 'utf8').catch(() => '');
  const lines = text.split('\n').filter(Boolean);
  return lines.flatMap((line, index) => {
    try {
      return [JSON.parse(line)];
    } catch (error) {
      if (index === lines.length - 1 && !text.endsWith('\n')) return [];
      throw error;
    }
  });
}
