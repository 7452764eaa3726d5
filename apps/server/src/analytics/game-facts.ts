import type { GameEnded } from '../records/index.js';

/** What one finished game adds to its day's row in analytics_game_days. */
export interface GameFacts {
  games: number;
  deals: number;
  humanSeats: number;
  botSeats: number;
  quitSeats: number;
  autoPlaySeats: number;
  matchMs: number;
}

/** The counts of one game; events written before `quit` and `autoPlayed` existed count neither. */
export function gameFactsOf(game: GameEnded): GameFacts {
  const people = game.seats.filter((seat) => seat.userId !== null);
  return {
    games: 1,
    deals: game.deals.length,
    humanSeats: people.length,
    botSeats: game.seats.length - people.length,
    quitSeats: people.filter((seat) => seat.quit === true).length,
    autoPlaySeats: people.filter((seat) => seat.autoPlayed === true).length,
    matchMs: Math.max(0, Date.parse(game.endedAt) - Date.parse(game.startedAt)),
  };
}
