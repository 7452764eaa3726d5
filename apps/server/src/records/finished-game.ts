import type { Action, DealResult, Rules, Seat, Team } from '@guandan/engine';
import type { BotLevel } from '@guandan/bots';
import type { GameMode } from '@guandan/protocol';

/** A seat of a finished game: a person (userId) or a bot. */
export interface FinishedSeat {
  seat: Seat;
  userId: string | null;
  username: string;
  botLevel: BotLevel | null;
  /** The person quit and a bot played on (absent in events written before it was added: read as false). */
  quit?: boolean;
  /** The person was on 托管 (auto-play) when the game ended (absent in older events: read as false). */
  autoPlayed?: boolean;
}

/** Everything the tables domain hands over when a game ends; the record and the `GameEnded` event are built from it. */
export interface FinishedGame {
  gameId: string;
  roomId: string;
  gameMode: GameMode;
  /** Game coins staked per deal by each person (RoomConfig.base_bet). */
  baseBet: number;
  seats: FinishedSeat[];
  /** Null for a drawn game (fixed deals ending level). */
  winningTeam: 0 | 1 | null;
  deals: DealResult[];
  seed: string;
  rules: Rules;
  actions: Action[];
  startedAt: string;
  endedAt: string;
  /**
   * Set when an operator ended the game before its match was over: `deals` holds the completed deals only (they count
   * for coins, $PLAY, stats and boards), the deal in play is void, nobody won, and ratings do not move.
   */
  endedEarly?: { reason: string; operator: { userId: string; name: string } };
}

export const GAME_ENDED = 'GameEnded';

/**
 * The `GameEnded` event's payload: the finished game without its seed and action log, which can be long, so the
 * event stays small on any bus. A consumer that needs the actions reads the record by `gameId`.
 */
export type GameEnded = Omit<FinishedGame, 'seed' | 'rules' | 'actions'>;

export type HumanSeat = FinishedSeat & { userId: string };

/** The seats played by people; bots have no user and no stats, ratings, boards or coins. */
export function humanSeats(game: GameEnded): HumanSeat[] {
  return game.seats.filter((seat): seat is HumanSeat => seat.userId !== null);
}

export type Outcome = 'win' | 'loss' | 'draw';

export function outcomeFor(game: GameEnded, team: Team): Outcome {
  if (game.winningTeam === null) return 'draw';
  return game.winningTeam === team ? 'win' : 'loss';
}

/** Points per level a team's deals were worth, and for winning the game. */
export const POINTS_PER_LEVEL = 10;
export const POINTS_PER_WIN = 30;

/**
 * A team's score for one game, the score of user stats and leaderboards: 10 points for every level its deals were
 * worth (the `rise` of each deal its player finished first in, +1 to +3, counted even when the A cap stops the
 * level moving, so a strong finish is never worth nothing) plus 30 for winning the game. A draw or a loss scores
 * only its levels.
 */
export function teamScore(game: GameEnded, team: Team): number {
  const levels = game.deals.filter((deal) => deal.team === team).reduce((sum, deal) => sum + deal.rise, 0);
  return POINTS_PER_LEVEL * levels + (outcomeFor(game, team) === 'win' ? POINTS_PER_WIN : 0);
}
