import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rankLabel, readCard, sortedHand } from '../src/lib/cards';

test('a suited card reads as its rank and suit symbol, red for hearts and diamonds', () => {
  assert.deepEqual(readCard('H7'), { kind: 'suited', code: 'H7', rank: '7', rankLabel: '7', suit: 'H', symbol: '♥', red: true });
  assert.deepEqual(readCard('ST'), { kind: 'suited', code: 'ST', rank: 'T', rankLabel: '10', suit: 'S', symbol: '♠', red: false });
  const diamond = readCard('DA');
  assert.ok(diamond.kind === 'suited' && diamond.red);
  const club = readCard('CK');
  assert.ok(club.kind === 'suited');
  assert.deepEqual([club.symbol, club.red], ['♣', false]);
});

test('SB and HR are the small (black) and big (red) jokers', () => {
  assert.deepEqual(readCard('SB'), { kind: 'joker', code: 'SB', joker: 'small', red: false });
  assert.deepEqual(readCard('HR'), { kind: 'joker', code: 'HR', joker: 'big', red: true });
});

test('a code the console does not know stays visible as it came', () => {
  for (const code of ['', 'X7', 'H1', 'H10', 'h7', 'SR', 'HB']) assert.deepEqual(readCard(code), { kind: 'unknown', code });
});

test('a hand sorts by rank from 2 to A, then the jokers, suits in a fixed order; duplicates kept', () => {
  const hand = sortedHand(['HR', 'SA', 'D2', 'H2', 'SB', 'CT', 'H9', 'H2', 'ZZ', 'S2']);
  assert.deepEqual(
    hand.map((card) => card.code),
    ['S2', 'H2', 'H2', 'D2', 'H9', 'CT', 'SA', 'SB', 'HR', 'ZZ'],
  );
  assert.deepEqual(sortedHand([]), []);
});

test('levels read like ranks', () => {
  assert.equal(rankLabel('T'), '10');
  assert.equal(rankLabel('2'), '2');
  assert.equal(rankLabel('A'), 'A');
});
