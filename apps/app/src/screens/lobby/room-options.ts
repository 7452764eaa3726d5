import { DEFAULT_RULES, type Rules } from '@guandan/engine';
import type { BOT_LEVEL_NAMES, RoomConfigInput } from '@guandan/protocol';

export type BotLevel = (typeof BOT_LEVEL_NAMES)[number];

/** The engine takes any positive count or time for these; the dialog offers only these choices. */
export const A_MAX_FAILURES = [3, 5, 'none'] as const;
export const PLAY_SECONDS = [15, 20, 30] as const;

/** The options a player picks for a custom room; each maps onto RoomConfigSchema / RulesSchema. */
export interface RoomOptions extends Pick<Rules, 'aWinRequires' | 'returnCap' | 'equalDoubleTribute' | 'maxBombSize' | 'fullHouseJokerPair'> {
  matchLength: 1 | 3 | 5 | 'A';
  baseBet: 0 | 10 | 50 | 100;
  botLevel: BotLevel;
  aMaxFailures: (typeof A_MAX_FAILURES)[number];
  playSeconds: (typeof PLAY_SECONDS)[number];
}

/** The engine's default as one of the dialog's choices; a default the dialog cannot show would leave no choice picked. */
function offered<T>(value: unknown, choices: readonly T[]): T {
  const choice = choices.find((candidate) => candidate === value);
  if (choice === undefined) throw new Error(`the custom-room dialog does not offer the engine's default ${JSON.stringify(value)}`);
  return choice;
}

/** The engine's default (competition) rules, played to A. */
export const DEFAULT_ROOM_OPTIONS: RoomOptions = {
  matchLength: 'A',
  baseBet: 0,
  botLevel: 'normal',
  aWinRequires: DEFAULT_RULES.aWinRequires,
  aMaxFailures: offered(DEFAULT_RULES.aMaxFailures, A_MAX_FAILURES),
  returnCap: DEFAULT_RULES.returnCap,
  equalDoubleTribute: DEFAULT_RULES.equalDoubleTribute,
  maxBombSize: DEFAULT_RULES.maxBombSize,
  fullHouseJokerPair: DEFAULT_RULES.fullHouseJokerPair,
  playSeconds: offered(DEFAULT_RULES.timers.play, PLAY_SECONDS),
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
