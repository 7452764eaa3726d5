import type { Card, Rank } from '../cards.js';
import type { Play, PlayRank, PlayType } from '../play.js';
import type { RngState } from '../rng.js';
import type { Rules } from '../rules.js';

/** Seats 0..3 in play order; partners are seat and seat + 2. */
export type Seat = 0 | 1 | 2 | 3;
/** Team 0 is seats 0 and 2, team 1 is seats 1 and 3. */
export type Team = 0 | 1;

export type Phase = 'tribute' | 'return' | 'play' | 'over';

/** A declared reading of the cards played, for cards that read several ways. */
export interface Reading {
  type: PlayType;
  rank: PlayRank;
}

export type Action =
  | { kind: 'play'; seat: Seat; cards: Card[]; reading?: Reading }
  | { kind: 'pass'; seat: Seat }
  | { kind: 'tribute'; seat: Seat; card: Card }
  | { kind: 'return'; seat: Seat; card: Card }
  /** Under `matchEnd: {kind: 'time'}`: the host's clock ran out; the match ends with the current deal. */
  | { kind: 'timeUp' };

/** A card handed from one seat to another: a tribute or a return. Public once made. */
export interface Exchange {
  from: Seat;
  to: Seat;
  card: Card;
}

export interface TributeState {
  kind: 'single' | 'double';
  /** Seats that owe a card, in finishing order. */
  givers: Seat[];
  /** Double tribute: cards given but not yet shown, while the other giver chooses. */
  pending: { seat: Seat; card: Card }[];
  paid: Exchange[];
  returned: Exchange[];
}

export interface TrickState {
  leader: Seat;
  /** The play that stands, or null while the leader is to lead. */
  lastPlay: Play | null;
  lastSeat: Seat | null;
  /** Passes since the standing play. */
  passes: number;
}

/** One public entry of a deal's record: a play, or a pass when `play` is null. */
export interface LogEntry {
  seat: Seat;
  play: Play | null;
}

export interface DealState {
  number: number;
  level: Rank;
  /** The team whose level is played (the previous deal's first finisher); null in the first deal. */
  levelTeam: Team | null;
  hands: Card[][];
  turn: Seat | null;
  trick: TrickState;
  /** Seats in the order they went out. */
  finished: Seat[];
  tribute: TributeState | null;
  /** Anti-tribute (抗贡): the givers who showed the two big jokers; null when there was none. */
  antiTribute: Seat[] | null;
  log: LogEntry[];
}

export interface DealResult {
  number: number;
  level: Rank;
  levelTeam: Team | null;
  /** Finishing order, 头游 first. Seats left in when the deal ended follow in turn order. */
  order: Seat[];
  /** The first finisher's team and how many levels it went up. */
  team: Team;
  rise: number;
  levels: [Rank, Rank];
  aFailures: [number, number];
  /** Cards still held by the seats that were not out, shown at the end of the deal. */
  restCards: { seat: Seat; cards: Card[] }[];
  /** A deal played at a team's A that the team did not win. */
  failedAttempt: Team | null;
  /** The team sent back to 2 after too many failed attempts at A. */
  demoted: Team | null;
}

export interface MatchState {
  version: 1;
  seed: string | number;
  rules: Rules;
  rng: RngState;
  phase: Phase;
  levels: [Rank, Rank];
  aFailures: [number, number];
  deal: DealState;
  history: DealResult[];
  /** The winning team once the match is over; null while it runs and for a drawn match. */
  winner: Team | null;
  timeUp: boolean;
  /** Actions applied since the start; the index of the next action. */
  actionCount: number;
}

export type MatchEvent =
  | { kind: 'dealStarted'; deal: number; level: Rank; levelTeam: Team | null; tribute: 'none' | 'single' | 'double' | 'anti' }
  | { kind: 'antiTribute'; seats: Seat[] }
  | { kind: 'tributeSubmitted'; seat: Seat }
  | { kind: 'tributePaid'; exchange: Exchange }
  | { kind: 'tributeReturned'; exchange: Exchange }
  | { kind: 'playBegins'; leader: Seat }
  | { kind: 'played'; seat: Seat; play: Play }
  | { kind: 'passed'; seat: Seat }
  | { kind: 'trickWon'; seat: Seat; leader: Seat }
  | { kind: 'playerOut'; seat: Seat; place: number }
  | { kind: 'dealEnded'; result: DealResult }
  | { kind: 'matchEnded'; winner: Team | null; levels: [Rank, Rank] };

export interface Transition {
  state: MatchState;
  events: MatchEvent[];
}

/** What one seat may know: its own hand, card counts, and the public record. */
export interface SeatView {
  seat: Seat;
  rules: Rules;
  phase: Phase;
  dealNumber: number;
  level: Rank;
  levelTeam: Team | null;
  levels: [Rank, Rank];
  aFailures: [number, number];
  hand: Card[];
  handCounts: number[];
  turn: Seat | null;
  /** Seats that must act now (several during tribute and return). */
  actors: Seat[];
  trick: TrickState;
  finished: Seat[];
  log: LogEntry[];
  tribute: {
    kind: 'single' | 'double';
    givers: Seat[];
    /** Givers whose card is in but not yet shown. */
    submitted: Seat[];
    /** This seat's own card while it is not yet shown. */
    mySubmitted: Card | null;
    paid: Exchange[];
    returned: Exchange[];
  } | null;
  antiTribute: Seat[] | null;
  lastDeal: DealResult | null;
  winner: Team | null;
}

export const teamOf = (seat: Seat): Team => (seat % 2) as Team;
export const partnerOf = (seat: Seat): Seat => ((seat + 2) % 4) as Seat;
export const nextSeat = (seat: Seat): Seat => ((seat + 1) % 4) as Seat;
export const SEATS: readonly Seat[] = [0, 1, 2, 3];
