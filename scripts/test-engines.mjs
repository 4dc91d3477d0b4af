// `npm test`'s browser half: the whole web-test-runner suite once in each engine found here
// (test/engines.mjs), one engine after the other, then a table of what ran, what it counted and
// how long it took, and why an engine was left out.
//   NEWSROOM_ENGINES=firefox,webkit   only these engines
//   NEWSROOM_REQUIRE_ENGINES=1        an engine that is not installed fails the run (CI)
// Arguments are passed on to wtr, e.g. `node scripts/test-engines.mjs --files test/news-list.test.ts`.
import { spawn } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { ENGINES, findEngine } from '../test/engines.mjs';

const wanted = process.env.NEWSROOM_ENGINES ? process.env.NEWSROOM_ENGINES.split(',').map((name) => name.trim()) : ENGINES;
const required = Boolean(process.env.NEWSROOM_REQUIRE_ENGINES);
const unknown = wanted.filter((name) => !ENGINES.includes(name));
if (unknown.length) {
  console.error(`Unknown engine ${unknown.join(', ')}: NEWSROOM_ENGINES takes ${ENGINES.join(', ')}`);
  process.exit(2);
}

/**
 * The lines of wtr's output that say why a file failed (a failed test, or an error of its own:
 * an uncaught error on the page, a page that would not open or close), for the closing table:
 * an engine can fail with every test passed, and its reason is otherwise far up a long log.
 * The mock server's own rejections of malformed requests, which tests provoke, are left out.
 */
function errorLines(output) {
  const lines = stripVTControlCharacters(output).split('\n');
  const picked = [];
  let file = '';
  for (const [index, line] of lines.entries()) {
    if (/^\S+\.test\.ts:$/.test(line.trim())) file = line.trim() + ' ';
    if (!/❌|\bError\b|Uncaught|Timed out|did not start|did not close/.test(line)) continue;
    if (/Error while handling server request|BadRequestError|^\s+at /.test(line) || /BadRequestError/.test(lines[index + 1] ?? ''))
      continue;
    picked.push(file + line.trim());
  }
  return [...new Set(picked)].slice(0, 20);
}

/** Runs wtr for one engine, echoing its output, and reads its closing counts. */
function runSuite(name) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', ...process.argv.slice(2)], {
      env: { ...process.env, NEWSROOM_ENGINE: name },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    // The runner's own errors (an uncaught exception in it stops the run) go to stderr.
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      output += chunk;
    });
    child.on('close', (code, signal) => {
      const counts = [...output.matchAll(/(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/g)].at(-1);
      resolve({
        name,
        code: code ?? 1,
        signal,
        passed: counts ? Number(counts[1]) : 0,
        failed: counts ? Number(counts[2]) : 0,
        skipped: counts?.[3] ? Number(counts[3]) : 0,
        seconds: Math.round((Date.now() - started) / 1000),
        errors: errorLines(output),
      });
    });
  });
}

const results = [];
const left = [];
for (const name of wanted) {
  const engine = await findEngine(name).catch((error) => ({ name, found: false, why: error.message }));
  if (!engine.found) {
    left.push(engine);
    continue;
  }
  console.log(`\n=== ${name}: ${engine.executablePath}\n`);
  let result = await runSuite(name);
  // An engine whose run failed with no test failed (a browser that did not start for a file, as
  // WebKitGTK's MiniBrowser once did; a protocol error from the browser driver while a page
  // opened or closed; Firefox once exited 1 on CI with 369 of 369 passed) runs its suite once
  // more, said out loud with what the first run reported. A run in which a test failed never does.
  if (result.code !== 0 && result.failed === 0) {
    console.log(`\n=== ${name}: the run failed with no test failed; running the engine's suite once more. It reported:`);
    for (const line of result.errors.length ? result.errors : ['(no error line: see the output above)']) console.log(`    ${line}`);
    console.log('');
    const first = result;
    result = { ...(await runSuite(name)), retriedAfter: first };
  }
  results.push(result);
}

console.log('\nBrowser suite by engine:');
for (const r of results) {
  const state = r.code === 0 ? 'ok' : `FAILED (exit ${r.signal ?? r.code})`;
  console.log(`  ${r.name.padEnd(9)} ${state.padEnd(16)} ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped in ${r.seconds} s`);
  if (r.retriedAfter)
    console.log(`  ${''.padEnd(9)} (a second run: the first failed with no test failed, after ${r.retriedAfter.seconds} s)`);
}
const report = (name, run, errors = []) => {
  if (!errors.length) return;
  console.log(`  ${name}, what its ${run} reported:`);
  for (const line of errors) console.log(`    ${line}`);
};
for (const r of results) {
  report(r.name, 'first run', r.retriedAfter?.errors);
  if (r.code !== 0) report(r.name, r.retriedAfter ? 'second run' : 'run', r.errors);
}
for (const engine of left) console.log(`  ${engine.name.padEnd(9)} ${required ? 'MISSING' : 'not run'}: ${engine.why}`);

const chromiumMissing = left.some((engine) => engine.name === 'chromium');
const failed = results.some((r) => r.code !== 0) || chromiumMissing || (required && left.length > 0);
const total = results.reduce((sum, r) => ({ passed: sum.passed + r.passed, failed: sum.failed + r.failed }), { passed: 0, failed: 0 });
console.log(`  all engines: ${total.passed} tests passed, ${total.failed} failed`);
// A run that stopped (a page that navigated away, a browser that died) fails its engine even
// when no single test counted as failed: the closing line counts engines.
const engineFailures = results.filter((r) => r.code !== 0).length + (chromiumMissing || (required && left.length) ? left.length : 0);
console.log(`engines: ${results.length - results.filter((r) => r.code !== 0).length} passed, ${engineFailures} failed`);
process.exit(failed ? 1 : 0);
