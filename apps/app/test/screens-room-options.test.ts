import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_RULES, resolveRules, type Rules } from '@guandan/engine';
import { CreateRoomBodySchema } from '@guandan/protocol';
import { DEFAULT_ROOM_OPTIONS, roomConfigOf, type RoomOptions } from '../src/screens/lobby/room-options';

/** Every value each option can take (the custom-room dialog offers exactly these). */
const CHOICES = {
  matchLength: [1, 3, 5, 'A'],
  baseBet: [0, 10, 50, 100],
  botLevel: ['random', 'easy', 'normal', 'hard'],
  aWinRequires: ['first-and-second-or-third', 'first-and-second'],
  aMaxFailures: [3, 5, 'none'],
  returnCap: [10, 'any'],
  equalDoubleTribute: ['next-player', 'random'],
  maxBombSize: [10, 8],
  fullHouseJokerPair: [true, false],
  playSeconds: [15, 20, 30],
} as const satisfies { [K in keyof RoomOptions]: readonly RoomOptions[K][] };

// A value RoomOptions allows but CHOICES leaves out is a compile error here.
type Unlisted = { [K in keyof RoomOptions]: Exclude<RoomOptions[K], (typeof CHOICES)[K][number]> }[keyof RoomOptions];
const _everyValueListed: [Unlisted] extends [never] ? true : never = true;

function everyCombination(): RoomOptions[] {
  let combinations: Partial<RoomOptions>[] = [{}];
  for (const [key, values] of Object.entries(CHOICES)) {
    combinations = combinations.flatMap((partial) => values.map((value) => ({ ...partial, [key]: value })));
  }
  return combinations as RoomOptions[];
}

const createBody = (options: RoomOptions) => CreateRoomBodySchema.parse({ game_mode: 'custom', room_config: roomConfigOf(options) });

describe('room options', () => {
  it('every combination makes a body the server accepts, keeping every choice, with rules the engine accepts', () => {
    const combinations = everyCombination();
    assert.equal(combinations.length, 4 * 4 * 4 * 2 * 3 * 2 * 2 * 2 * 2 * 3);
    for (const options of combinations) {
      const { room_config: config } = createBody(options);
      assert.deepEqual(
        [config.match_length, config.base_bet, config.bot_level],
        [options.matchLength, options.baseBet, options.botLevel],
        JSON.stringify(options),
      );
      const rules: Rules = resolveRules(config.rules as Partial<Rules>);
      assert.deepEqual(
        rules,
        {
          ...DEFAULT_RULES,
          aWinRequires: options.aWinRequires,
          aMaxFailures: options.aMaxFailures,
          returnCap: options.returnCap,
          equalDoubleTribute: options.equalDoubleTribute,
          maxBombSize: options.maxBombSize,
          fullHouseJokerPair: options.fullHouseJokerPair,
          timers: { ...DEFAULT_RULES.timers, play: options.playSeconds },
        },
        JSON.stringify(options),
      );
    }
  });

  it('the untouched options are the room the server makes when given no config', () => {
    const chosen = createBody(DEFAULT_ROOM_OPTIONS).room_config;
    const unconfigured = CreateRoomBodySchema.parse({ game_mode: 'custom' }).room_config;
    assert.deepEqual(resolveRules(chosen.rules as Partial<Rules>), resolveRules(unconfigured.rules as Partial<Rules>));
    assert.deepEqual(resolveRules(chosen.rules as Partial<Rules>), DEFAULT_RULES);
    assert.deepEqual([chosen.base_bet, chosen.bot_level, chosen.max_players], [unconfigured.base_bet, unconfigured.bot_level, unconfigured.max_players]);
    // The server reads a custom room without match_length as played to A (apps/server/src/rooms/room.ts).
    assert.equal(chosen.match_length, 'A');
  });
});
