import {
  type Card,
  type DealResult,
  type Exchange,
  type LogEntry,
  partnerOf,
  type Rank,
  resolveRules,
  type Rules,
  type Seat,
  type SeatView,
  type Team,
  teamOf,
  type TrickState,
} from '@guandan/engine';
import { isPassTuple, tupleToPlay } from './tuples.js';
import { readCards, readExchanges, readRank, readSeat, readSeats, type WireMessage } from './wire.js';

const PHASES: Record<string, SeatView['phase']> = { play: 'play', tribute: 'tribute', back: 'return' };

const newTrick = (leader: Seat): TrickState => ({ leader, lastPlay: null, lastSeat: null, passes: 0 });

/**
 * A client's picture of the table, kept from the protocol's messages so that our bots, which decide from a
 * SeatView, can play for a remote seat. It follows the deal's public record (plays, passes, tribute, returns, the
 * finishing order so far) and the current trick. The protocol does not say when a trick ends, so the table applies
 * the rule itself: once every other seat still holding cards has passed the standing play, its player leads (their
 * partner if they went out with it). What the messages do not carry is left at a neutral value: the A-level
 * failures ([0, 0]), the double-tribute cards not yet shown, and the winner (null).
 */
export class ClientTable {
  seat: Seat | null = null;
  /** The last `gameResult` notify, if any. */
  gameResult: { victoryNum: number[]; draws: number[] } | null = null;
  private readonly rules: Rules;
  private level: Rank = '2';
  private levels: [Rank, Rank] = ['2', '2'];
  private levelTeam: Team | null = null;
  private dealNumber = 0;
  private counts = [27, 27, 27, 27];
  private log: LogEntry[] = [];
  private finished: Seat[] = [];
  private trick: TrickState = newTrick(0);
  private paid: Exchange[] = [];
  private returned: Exchange[] = [];
  private antiTribute: Seat[] | null = null;
  private lastDeal: DealResult | null = null;
  private lastDealLevelsKnown = false;

  constructor(rules: Partial<Rules> = {}) {
    this.rules = resolveRules(rules);
  }

  /** Takes in a notify message (anything else is ignored). */
  notify(message: WireMessage): void {
    switch (message.stage) {
      case 'beginning':
        this.beginDeal(readSeat(message.myPos));
        break;
      case 'play':
        this.onAction(readSeat(message.curPos), message.curAction);
        break;
      case 'tribute':
        this.onExchanges(readExchanges(message.result), this.paid);
        break;
      case 'back':
        this.onExchanges(readExchanges(message.result), this.returned);
        break;
      case 'anti-tribute':
        this.antiTribute = readSeats(message.antiPos);
        break;
      case 'episodeOver':
        this.endDeal(readSeats(message.order), readRank(message.curRank), message.restCards);
        break;
      case 'gameOver':
        this.dealNumber = 0;
        this.levelTeam = null;
        this.levels = ['2', '2'];
        this.lastDeal = null;
        break;
      case 'gameResult': {
        const victoryNum = message.victoryNum;
        const draws = message.draws;
        if (Array.isArray(victoryNum) && Array.isArray(draws)) this.gameResult = { victoryNum, draws };
        break;
      }
      default:
        break;
    }
  }

  /** The seat's view for an `act` message, or null when the message (or what came before it) cannot be read. */
  viewForAct(act: WireMessage): SeatView | null {
    const seat = this.seat;
    const hand = readCards(act.handCards);
    const phase = typeof act.stage === 'string' ? PHASES[act.stage] : undefined;
    if (seat === null || hand === null || phase === undefined) return null;
    this.level = readRank(act.curRank) ?? this.level;
    this.readLevels(seat, act);
    this.readCounts(act.publicInfo);
    if (phase === 'play') this.readTrick(seat, act);
    return {
      seat,
      rules: this.rules,
      phase,
      dealNumber: this.dealNumber,
      level: this.level,
      levelTeam: this.levelTeam,
      levels: [...this.levels],
      aFailures: [0, 0],
      hand,
      handCounts: [...this.counts],
      turn: phase === 'play' ? seat : null,
      actors: [seat],
      trick: { ...this.trick },
      finished: [...this.finished],
      log: [...this.log],
      tribute: this.tributeView(phase),
      antiTribute: this.antiTribute === null ? null : [...this.antiTribute],
      lastDeal: this.lastDeal,
      winner: null,
    };
  }

  private beginDeal(seat: Seat | null): void {
    if (seat !== null) this.seat = seat;
    this.dealNumber++;
    this.counts = [27, 27, 27, 27];
    this.log = [];
    this.finished = [];
    this.trick = newTrick(this.seat ?? 0);
    this.paid = [];
    this.returned = [];
    this.antiTribute = null;
  }

  private onAction(seat: Seat | null, action: unknown): void {
    if (seat === null) return;
    if (isPassTuple(action)) {
      this.log.push({ seat, play: null });
      this.onPass();
      return;
    }
    const play = tupleToPlay(action, this.level, this.rules);
    if (play === null) return;
    this.log.push({ seat, play });
    const leader = this.trick.lastPlay === null ? seat : this.trick.leader;
    this.trick = { leader, lastPlay: play, lastSeat: seat, passes: 0 };
    this.counts[seat] = Math.max(0, this.counts[seat] - play.cards.length);
    if (this.counts[seat] === 0 && !this.finished.includes(seat)) this.finished.push(seat);
  }

  /** A pass: the trick ends once every other seat still in has passed (接风 when the standing seat is out). */
  private onPass(): void {
    const trick = this.trick;
    if (trick.lastSeat === null) return;
    const passes = trick.passes + 1;
    const active = this.counts.filter((count) => count > 0).length;
    const standingOut = this.counts[trick.lastSeat] === 0;
    if (passes >= (standingOut ? active : active - 1)) {
      this.trick = newTrick(standingOut ? partnerOf(trick.lastSeat) : trick.lastSeat);
    } else {
      this.trick = { ...trick, passes };
    }
  }

  private onExchanges(exchanges: Exchange[] | null, into: Exchange[]): void {
    for (const exchange of exchanges ?? []) {
      into.push(exchange);
      this.counts[exchange.from]--;
      this.counts[exchange.to]++;
    }
  }

  private endDeal(order: Seat[] | null, level: Rank | null, rest: unknown): void {
    if (order === null || order.length !== 4) return;
    const team = teamOf(order[0]);
    const restCards: { seat: Seat; cards: Card[] }[] = [];
    for (const entry of Array.isArray(rest) ? rest : []) {
      const seat = Array.isArray(entry) ? readSeat(entry[0]) : null;
      const cards = Array.isArray(entry) ? readCards(entry[1]) : null;
      if (seat !== null && cards !== null) restCards.push({ seat, cards });
    }
    this.lastDeal = {
      number: this.dealNumber,
      level: level ?? this.level,
      levelTeam: this.levelTeam,
      order,
      team,
      rise: 4 - order.indexOf(partnerOf(order[0])),
      levels: [...this.levels],
      aFailures: [0, 0],
      restCards,
      failedAttempt: null,
      demoted: null,
    };
    this.lastDealLevelsKnown = false;
    this.levelTeam = team;
  }

  private readLevels(seat: Seat, act: WireMessage): void {
    const own = readRank(act.selfRank);
    const other = readRank(act.oppoRank);
    if (own === null || other === null) return;
    const team = teamOf(seat);
    this.levels = team === 0 ? [own, other] : [other, own];
    if (this.lastDeal !== null && !this.lastDealLevelsKnown) {
      this.lastDeal = { ...this.lastDeal, levels: [...this.levels] };
      this.lastDealLevelsKnown = true;
    }
  }

  private readCounts(publicInfo: unknown): void {
    if (!Array.isArray(publicInfo) || publicInfo.length !== 4) return;
    const rests = publicInfo.map((info: unknown) => (info as { rest?: unknown } | null)?.rest);
    if (rests.every((rest) => typeof rest === 'number')) this.counts = rests as number[];
  }

  /** The act's standing play is the truth; the passes and the leader come from the table's own record. */
  private readTrick(seat: Seat, act: WireMessage): void {
    const standingSeat = readSeat(act.greaterPos);
    const standing = standingSeat === null ? null : tupleToPlay(act.greaterAction, this.level, this.rules);
    if (standing === null || standingSeat === null) {
      this.trick = newTrick(seat);
      return;
    }
    if (this.trick.lastSeat === standingSeat && this.trick.lastPlay !== null) {
      this.trick = { ...this.trick, lastPlay: standing };
      return;
    }
    let passes = 0;
    for (let i = this.log.length - 1; i >= 0 && this.log[i].play === null; i--) passes++;
    this.trick = { leader: this.trick.leader, lastPlay: standing, lastSeat: standingSeat, passes };
  }

  private tributeView(phase: SeatView['phase']): SeatView['tribute'] {
    const order = this.lastDeal?.order;
    const double = order !== undefined && teamOf(order[0]) === teamOf(order[1]);
    if (phase === 'tribute' && order !== undefined) {
      const givers = double ? [order[2], order[3]] : [order[3]];
      return { kind: double ? 'double' : 'single', givers, submitted: [], mySubmitted: null, paid: [], returned: [] };
    }
    if (this.paid.length === 0) return null;
    return {
      kind: this.paid.length === 2 ? 'double' : 'single',
      givers: order === undefined ? this.paid.map((exchange) => exchange.from) : double ? [order[2], order[3]] : [order[3]],
      submitted: [],
      mySubmitted: null,
      paid: [...this.paid],
      returned: [...this.returned],
    };
  }
}
