import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readEvidence } from '../src/lib/case-evidence';

const SUBJECT = '44444444-4444-4444-8444-444444444444';
const OTHER = '55555555-5555-4555-8555-555555555555';
const line = (seq: number, userId: string | null, text: string | null, emoji: string | null = null) => ({
  seq,
  user_id: userId,
  username: userId === SUBJECT ? 'rude' : 'calm',
  text,
  emoji,
  at: `2026-12-08T10:00:0${seq}.000Z`,
});

test("a report's chat reads as a transcript in order, the subject's lines marked", () => {
  const evidence = readEvidence('report', { chat: [line(2, OTHER, 'please stop'), line(1, SUBJECT, 'you play like a bot'), line(3, SUBJECT, null, '😡')] }, [SUBJECT]);
  assert.equal(evidence.kind, 'chat');
  assert.ok(evidence.kind === 'chat');
  assert.deepEqual(
    evidence.lines.map((entry) => [entry.seq, entry.text, entry.emoji, entry.bySubject]),
    [
      [1, 'you play like a bot', null, true],
      [2, 'please stop', null, false],
      [3, null, '😡', true],
    ],
  );
});

test('a line without an account (the table itself) is never the subject’s', () => {
  const evidence = readEvidence('report', { chat: [line(1, null, 'the game starts')] }, [SUBJECT]);
  assert.ok(evidence.kind === 'chat');
  assert.equal(evidence.lines[0].bySubject, false);
});

test('a report without a game has an empty chat', () => {
  assert.deepEqual(readEvidence('report', { chat: [] }, [SUBJECT]), { kind: 'chat', lines: [] });
});

test("a detector's figures, or a report of a shape this console does not know, are shown as they came", () => {
  const figures = { games: 40, agreement: 0.97, seats: [1, 3] };
  assert.deepEqual(readEvidence('anticheat', figures, [SUBJECT]), { kind: 'figures', value: figures });
  // Even a chat inside a detector's figures is the detector's: it is not read as the game's chat.
  assert.deepEqual(readEvidence('anticheat', { chat: [] }, [SUBJECT]), { kind: 'figures', value: { chat: [] } });
  const odd = { chat: [{ seq: 'one', text: 'x' }] };
  assert.deepEqual(readEvidence('report', odd, [SUBJECT]), { kind: 'figures', value: odd });
  assert.deepEqual(readEvidence('report', ['x'], [SUBJECT]), { kind: 'figures', value: ['x'] });
});

const screening = {
  address: '0x8589427373d6d84e98730d7795d8f6f8731fda16',
  purpose: 'payout wallet',
  hits: [
    { source: 'local list', name: 'local sanctions list', category: 'sanctions' },
    { source: 'chainalysis', name: 'SANCTIONS: OFAC SDN Tornado Cash 2022-08-08', category: 'sanctions', description: 'only what is shown is kept' },
  ],
};

test("sanctions screening's evidence reads as the address, its purpose and each list's designation", () => {
  assert.deepEqual(readEvidence('aml', screening, [SUBJECT]), {
    kind: 'screening',
    screening: {
      address: screening.address,
      purpose: 'payout wallet',
      hits: [
        { source: 'local list', name: 'local sanctions list', category: 'sanctions' },
        { source: 'chainalysis', name: 'SANCTIONS: OFAC SDN Tornado Cash 2022-08-08', category: 'sanctions' },
      ],
    },
  });
});

test('screening evidence of another shape, or the same shape from another source, is shown as it came', () => {
  const odd = { address: screening.address, hits: [{ source: 'local list' }] };
  assert.deepEqual(readEvidence('aml', odd, [SUBJECT]), { kind: 'figures', value: odd });
  assert.deepEqual(readEvidence('aml', { ...screening, hits: 'many' }, [SUBJECT]), { kind: 'figures', value: { ...screening, hits: 'many' } });
  assert.deepEqual(readEvidence('anticheat', screening, [SUBJECT]), { kind: 'figures', value: screening });
});

test('no evidence at all', () => {
  assert.deepEqual(readEvidence('report', null, [SUBJECT]), { kind: 'none' });
  assert.deepEqual(readEvidence('anticheat', undefined, [SUBJECT]), { kind: 'none' });
});
