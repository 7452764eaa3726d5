import { type Seat, teamOf } from '@guandan/engine';
import { type GameObservation, MILLI_PER_PLAY, type PerSeat } from '../observations.js';
import type { PlayedGame } from './play-game.js';

/** The server's tokenomics at the time of writing (docs/TOKENOMICS.md), in whole PLAY. */
const TOKENOMICS = {
  perDealWon: 10,
  perLevelRaised: 5,
  gameWon: 20,
  rankedMultiplier: 2,
  botOpponentsFactor: 0.2,
  dailyCap: 500,
} as const;
const DAY_MS = 24 * 60 * 60 * 1000;

/** What each seat earns for a game before the daily cap, in milli-PLAY; bots earn nothing. */
function uncappedRewards(played: PlayedGame): PerSeat<number> {
  const { observation, deals } = played;
  return observation.seats.map((account, seat) => {
    if (account === null) return 0;
    const team = teamOf(seat as Seat);
    const won = deals.filter((deal) => deal.team === team);
    let play = won.length * TOKENOMICS.perDealWon + won.reduce((sum, deal) => sum + deal.rise, 0) * TOKENOMICS.perLevelRaised;
    if (observation.winningTeam === team) play += TOKENOMICS.gameWon;
    if (observation.mode === 'ranked') play *= TOKENOMICS.rankedMultiplier;
    const facesPeople = observation.seats.some((other, otherSeat) => other !== null && teamOf(otherSeat as Seat) !== team);
    return Math.round(play * (facesPeople ? 1 : TOKENOMICS.botOpponentsFactor) * MILLI_PER_PLAY);
  }) as PerSeat<number>;
}

/** The games with their rewards paid in the order they ended, each account's pay capped per UTC day as the server does. */
export function payRewards(played: readonly PlayedGame[]): GameObservation[] {
  const earned = new Map<string, number>();
  const byEnd = [...played].sort((a, b) => a.observation.endedAt - b.observation.endedAt);
  return byEnd.map((game) => {
    const day = Math.floor(game.observation.endedAt / DAY_MS);
    const rewards = uncappedRewards(game).map((milli, seat) => {
      const account = game.observation.seats[seat];
      if (account === null) return 0;
      const key = `${account}@${day}`;
      const before = earned.get(key) ?? 0;
      const paid = Math.max(0, Math.min(milli, TOKENOMICS.dailyCap * MILLI_PER_PLAY - before));
      earned.set(key, before + paid);
      return paid;
    }) as PerSeat<number>;
    return { ...game.observation, rewardPlay: rewards };
  });
}
