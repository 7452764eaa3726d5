import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

// The command as users run it: the bin script over the compiled engine (npm test builds it first).
const BIN = fileURLToPath(new URL('../bin/guandan.js', import.meta.url));

function guandan(args: string[], input = ''): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function evalLines(lines: unknown[]): unknown[] {
  const input = lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n');
  const { status, stdout } = guandan(['eval'], `${input}\n`);
  assert.equal(status, 0);
  return stdout.trim().split('\n').map((line) => JSON.parse(line) as unknown);
}

describe('guandan eval', () => {
  it('answers each op on its own line and goes on after bad lines', () => {
    const pairOfTwos = { type: 'Pair', rank: '2', cards: ['S2', 'D2'] };
    const pairOfAces = { type: 'Pair', rank: 'A', cards: ['SA', 'DA'] };
    const replies = evalLines([
      { op: 'classify', level: '2', cards: ['S9', 'C9', 'H2'] },
      'this is not json',
      { op: 'beats', level: '2', play: pairOfTwos, over: pairOfAces },
      { op: 'beats', level: '2', play: pairOfAces, over: pairOfTwos },
      { op: 'classify', level: '2', cards: ['S9', 'X9'] },
      { op: 'moves', level: '2', hand: ['S3', 'D3', 'S4'], over: { type: 'Single', rank: '3', cards: ['C3'] } },
      { op: 'tribute', level: '2', hand: ['SA', 'DA', 'H2', 'S3'] },
      { op: 'return', level: '5', hand: ['SA', 'D5', 'S6', 'CT', 'HJ'], id: 7 },
      { op: 'shuffle', level: '2' },
      { op: 'beats', level: '2', play: { type: 'Pair', rank: '9', cards: ['S9', 'S8'] }, over: pairOfAces },
    ]);
    assert.deepEqual(replies, [
      { ok: true, result: [{ type: 'Trips', rank: '9', cards: ['S9', 'C9', 'H2'] }] },
      { ok: false, error: { code: 'BAD_JSON', message: 'the line is not JSON' } },
      { ok: true, result: true },
      { ok: true, result: false },
      { ok: false, error: { code: 'BAD_CARD', message: 'not a card: "X9"' } },
      { ok: true, result: [{ type: 'Single', rank: '4', cards: ['S4'] }] },
      { ok: true, result: ['SA', 'DA'] },
      { ok: true, result: ['S6', 'CT'], id: 7 },
      {
        ok: false,
        error: { code: 'BAD_REQUEST', message: 'unknown op "shuffle"; use classify, beats, moves, tribute or return' },
      },
      { ok: false, error: { code: 'BAD_PLAY', message: 'S9 S8 is not Pair 9' } },
    ]);
  });

  it('refuses bad rule options per line', () => {
    const [reply] = evalLines([{ op: 'classify', level: '2', cards: ['S9'], rules: { maxBombSize: 7 } }]);
    assert.deepEqual(reply, { ok: false, error: { code: 'BAD_RULES', message: 'maxBombSize must be one of 10, 8' } });
  });
});

describe('guandan selfplay', () => {
  it('plays full matches and reports zero errors', () => {
    const { status, stdout } = guandan(['selfplay', '--matches', '3', '--seed', 'cli']);
    assert.equal(status, 0);
    assert.match(stdout, /matches: 3 {2}deals: \d+/);
    assert.match(stdout, /errors: 0/);
  });

  it('prints a readable log with --log and applies a rules file', () => {
    const folder = mkdtempSync(join(tmpdir(), 'guandan-cli-'));
    const rulesFile = join(folder, 'rules.json');
    writeFileSync(rulesFile, JSON.stringify({ matchEnd: { kind: 'deals', deals: 2 } }));
    const { status, stdout } = guandan(['selfplay', '--matches', '1', '--seed', '5', '--rules', rulesFile, '--log']);
    assert.equal(status, 0);
    assert.match(stdout, /^Deal 1 · level 2/m);
    assert.match(stdout, /^Deal 2 · level/m);
    assert.doesNotMatch(stdout, /^Deal 3 /m);
    assert.match(stdout, /seat \d plays /);
    assert.match(stdout, /matches: 1 {2}deals: 2 /);
  });

  it('exits 2 on a bad rules file', () => {
    const folder = mkdtempSync(join(tmpdir(), 'guandan-cli-'));
    const rulesFile = join(folder, 'rules.json');
    writeFileSync(rulesFile, JSON.stringify({ aMaxFailures: 0 }));
    const { status, stderr } = guandan(['selfplay', '--rules', rulesFile]);
    assert.equal(status, 2);
    assert.match(stderr, /BAD_RULES|aMaxFailures must be a positive integer/);
  });
});
