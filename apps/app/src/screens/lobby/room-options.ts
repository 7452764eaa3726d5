import type { BOT_LEVEL_NAMES, RoomConfigInput } from '@guandan/protocol';

export type BotLevel = (typeof BOT_LEVEL_NAMES)[number];

/** The options a player picks for a custom room; each maps onto RoomConfigSchema / RulesSchema. */
export interface RoomOptions {
  matchLength: 1 | 3 | 5 | 'A';
  baseBet: 0 | 10 | 50 | 100;
  botLevel: BotLevel;
  aWinRequires: 'first-and-second-or-third' | 'first-and-second';
  aMaxFailures: 3 | 5 | 'none';
  returnCap: 10 | 'any';
  equalDoubleTribute: 'next-player' | 'random';
  maxBombSize: 10 | 8;
  fullHouseJokerPair: boolean;
  playSeconds: 15 | 20 | 30;
}

/** The competition rules, played to A. */
export const DEFAULT_ROOM_OPTIONS: RoomOptions = {
  matchLength: 'A',
  baseBet: 0,
  botLevel: 'normal',
  aWinRequires: 'first-and-second-or-third',
  aMaxFailures: 3,
  returnCap: 10,
  equalDoubleTribute: 'next-player',
  maxBombSize: 10,
  fullHouseJokerPair: true,
  playSeconds: 20,
};

/** The room config to create; how the match ends comes from `match_length` (the server derives matchEnd from it). */
export function roomConfigOf(options: RoomOptions): RoomConfigInput {
  return {
    base_bet: options.baseBet,
    match_length: options.matchLength,
    bot_level: options.botLevel,
    rules: {
      aWinRequires: options.aWinRequires,
      aMaxFailures: options.aMaxFailures,
      returnCap: options.returnCap,
      equalDoubleTribute: options.equalDoubleTribute,
      maxBombSize: options.maxBombSize,
      fullHouseJokerPair: options.fullHouseJokerPair,
      timers: { play: options.playSeconds },
    },
  };
}
