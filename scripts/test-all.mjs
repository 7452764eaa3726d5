// `npm test`: lint, typecheck, then every workspace's tests, one after another. Each step's output passes through as
// it comes; at the end a table gives each step's duration and test counts, so that growth towards CI's time limit is
// seen early, and one closing line sums the tests. Every step runs even after a failure; the exit code is 1 if any failed.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { URL } from 'node:url';

const root = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const workspaces = root.workspaces.filter((workspace) => {
  const manifest = JSON.parse(readFileSync(new URL(`../${workspace}/package.json`, import.meta.url), 'utf8'));
  return manifest.scripts?.test !== undefined;
});
const steps = [
  { name: 'lint', args: ['run', 'lint'] },
  { name: 'typecheck', args: ['run', 'typecheck'] },
  ...workspaces.map((workspace) => ({ name: workspace, args: ['run', 'test', '-w', workspace] })),
];

/**
 * Node's test runner closes with `# pass N` (TAP) or `ℹ pass N` (spec); a workspace may print several such blocks.
 * A test cancelled (its suite's setup failed, or its process was killed) counts as failed.
 */
const COUNT_LINE = /^(?:#|ℹ) (pass|fail|cancelled|skipped) (\d+)\s*$/;
const COLUMN = { pass: 'pass', fail: 'fail', cancelled: 'fail', skipped: 'skipped' };

function run(step) {
  return new Promise((resolve) => {
    const started = Date.now();
    const counts = { pass: 0, fail: 0, skipped: 0 };
    const child = spawn('npm', step.args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let pending = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const match = COUNT_LINE.exec(line);
        if (match) counts[COLUMN[match[1]]] += Number(match[2]);
      }
    });
    child.on('close', (code) => resolve({ name: step.name, ok: code === 0, seconds: (Date.now() - started) / 1000, counts }));
  });
}

const results = [];
for (const step of steps) {
  console.log(`\n=== ${step.name} ===`);
  results.push(await run(step));
}

const total = results.reduce((sum, result) => ({ pass: sum.pass + result.counts.pass, fail: sum.fail + result.counts.fail, skipped: sum.skipped + result.counts.skipped }), { pass: 0, fail: 0, skipped: 0 });
const failedSteps = results.filter((result) => !result.ok);
console.log('\nsuite                 seconds    pass  fail  skipped  result');
for (const result of results) {
  const { pass, fail, skipped } = result.counts;
  console.log(`${result.name.padEnd(20)} ${result.seconds.toFixed(1).padStart(8)} ${String(pass).padStart(7)} ${String(fail).padStart(5)} ${String(skipped).padStart(8)}  ${result.ok ? 'ok' : 'FAILED'}`);
}
console.log(`${'total'.padEnd(20)} ${results.reduce((sum, result) => sum + result.seconds, 0).toFixed(1).padStart(8)}`);
if (failedSteps.length > 0) console.log(`\nfailed: ${failedSteps.map((result) => result.name).join(', ')}`);
// A step that failed without a failing test (lint, typecheck, a crash) still counts as one failure.
const failures = total.fail + failedSteps.filter((result) => result.counts.fail === 0).length;
console.log(`tests: ${total.pass} passed, ${failures} failed, ${total.skipped} skipped`);
process.exit(failedSteps.length > 0 ? 1 : 0);
