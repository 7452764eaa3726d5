import type { AccountFacts, GameMode, GameObservation, PerSeat } from '@guandan/anticheat';
import type { ReplayableGame } from '../records/index.js';

const MODE_OF: Record<ReplayableGame['gameMode'], GameMode> = { quick_match: 'quick', custom: 'custom', ranked: 'ranked' };

/** What is known of a game beyond its record: how long each action took, and the coins and $PLAY it moved. */
export interface GameExtras {
  decisionMs: (number | null)[] | undefined;
  coins: Map<string, number> | undefined;
  rewardsMilli: Map<string, number> | undefined;
}

function perSeat<T>(seats: readonly (string | null)[], value: (userId: string | null) => T): PerSeat<T> {
  return [value(seats[0]), value(seats[1]), value(seats[2]), value(seats[3])];
}

/** A recorded game as the detectors read it. Actions the table log does not time (a game recorded elsewhere) are null. */
export function observationOf(game: ReplayableGame, extras: GameExtras): GameObservation {
  const timed = extras.decisionMs !== undefined && extras.decisionMs.length === game.actions.length ? extras.decisionMs : undefined;
  const seats = perSeat(game.seats, (userId) => userId);
  return {
    gameId: game.gameId,
    mode: MODE_OF[game.gameMode],
    startedAt: Date.parse(game.startedAt),
    endedAt: Date.parse(game.endedAt),
    seats,
    seed: game.seed,
    rules: game.rules,
    actions: game.actions,
    decisionMs: timed ?? game.actions.map(() => null),
    coinDelta: perSeat(game.seats, (userId) => (userId === null ? 0 : (extras.coins?.get(userId) ?? 0))),
    winningTeam: game.winningTeam,
    ...(extras.rewardsMilli === undefined ? {} : { rewardPlay: perSeat(game.seats, (userId) => (userId === null ? 0 : (extras.rewardsMilli?.get(userId) ?? 0))) }),
  };
}

/**
 * What the platform knows of an account outside its games: the install ids (DEVICE_ID_HEADER), addresses and times of
 * its sign-ins, its wallet and when it was made.
 */
export function accountFactsOf(
  userId: string,
  account: { createdAt: string; wallet: string | null } | undefined,
  signIns: { addresses: string[]; devices: string[]; times: number[] } | undefined,
): AccountFacts {
  return {
    accountId: userId,
    createdAt: account === undefined ? 0 : Date.parse(account.createdAt),
    devices: signIns?.devices ?? [],
    addresses: signIns?.addresses ?? [],
    wallet: account?.wallet ?? null,
    signIns: signIns?.times ?? [],
  };
}
