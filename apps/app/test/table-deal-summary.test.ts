import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DealResult, SeatView } from '@guandan/engine';
import { dealSummary, type NextDealView } from '../src/table/model/deal-summary';

const result: DealResult = {
  number: 1,
  level: '2',
  levelTeam: null,
  order: [2, 0, 1, 3],
  team: 0,
  rise: 3,
  levels: ['5', '2'],
  aFailures: [0, 0],
  restCards: [
    { seat: 1, cards: ['S3', 'H4'] },
    { seat: 3, cards: ['BJ'] },
  ],
  failedAttempt: null,
  demoted: null,
} as DealResult;

const tribute = (kind: 'single' | 'double', givers: SeatView['seat'][]): NonNullable<SeatView['tribute']> => ({
  kind,
  givers,
  submitted: [],
  mySubmitted: null,
  paid: [],
  returned: [],
});
const next = (view: Partial<NextDealView>): NextDealView => ({ dealNumber: 2, tribute: null, antiTribute: null, ...view });

describe('the summary between deals', () => {
  it('lists the finishing order with the cards each seat still held, and the levels before and after', () => {
    const summary = dealSummary(result, ['2', '2'], null);
    assert.deepEqual(
      summary.rows.map((row) => [row.place, row.seat, row.rest]),
      [
        [1, 2, []],
        [2, 0, []],
        [3, 1, ['S3', 'H4']],
        [4, 3, ['BJ']],
      ],
    );
    assert.deepEqual(summary.levelsBefore, ['2', '2']);
    assert.deepEqual(summary.levelsAfter, ['5', '2']);
    assert.equal(summary.rise, 3);
    assert.equal(summary.tribute, null, 'no next view: nothing said about tribute');
  });

  it('names the coming tribute from the next deal: single to 头游, double to the first two, or 抗贡', () => {
    assert.deepEqual(dealSummary(result, null, next({ tribute: tribute('single', [3]) })).tribute, { kind: 'single', giver: 3, receiver: 2 });
    assert.deepEqual(dealSummary(result, null, next({ tribute: tribute('double', [1, 3]) })).tribute, { kind: 'double', givers: [1, 3], receivers: [2, 0] });
    assert.deepEqual(dealSummary(result, null, next({ antiTribute: [1, 3], tribute: null })).tribute, { kind: 'anti', seats: [1, 3] });
  });

  it('says nothing of tribute when the rules have none, or when the view is not of the next deal', () => {
    assert.equal(dealSummary(result, null, next({})).tribute, null);
    assert.equal(dealSummary(result, null, { ...next({ tribute: tribute('single', [3]) }), dealNumber: 1 }).tribute, null);
  });
});
