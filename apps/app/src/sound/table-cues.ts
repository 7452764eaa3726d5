import type { Seat, SeatView, Team } from '@guandan/engine';
import { isMyTurn, type TableEffect, type TableState } from '../table/model/table-state';
import { type Cue, playCue } from './cues';

/** 报牌: a player holding this many cards or fewer is announced, once per deal. */
export const REPORT_AT = 10;

/** What the sounds remember between two table states. */
export interface SoundMemory {
  gameId: string | null;
  /** Effects up to this id were heard (ids start again with each game). */
  heardEffect: number;
  dealNumber: number | null;
  /** Cards each seat held when last seen in this deal. */
  counts: readonly number[] | null;
  /** It was this player's turn (and not on auto-play). */
  myTurn: boolean;
}

export const FRESH_MEMORY: SoundMemory = { gameId: null, heardEffect: 0, dealNumber: null, counts: null, myTurn: false };

export interface CueStep {
  memory: SoundMemory;
  cues: Cue[];
}

/**
 * The cues between the table as last heard and `state`. Pure. While `catchingUp` (history sent again after a
 * reload or a reconnect) the memory follows the table but nothing sounds: only what happens live is heard.
 */
export function tableCues(memory: SoundMemory, state: TableState, catchingUp: boolean): CueStep {
  const view = state.view;
  const sameGame = state.gameId === memory.gameId;
  const heardBefore = sameGame ? memory.heardEffect : 0;
  const fresh = state.effects.filter((effect) => effect.id > heardBefore);
  const heardEffect = Math.max(heardBefore, ...fresh.map((effect) => effect.id));
  if (view === null) return { memory: { ...memory, gameId: state.gameId, heardEffect }, cues: [] };

  const reports = reportsDue(sameGame ? memory : FRESH_MEMORY, view);
  const me = state.players.find((player) => player.seat === view.seat);
  const myTurn = isMyTurn(state) && !(me?.autoPlay ?? false);
  const next: SoundMemory = {
    gameId: state.gameId,
    heardEffect,
    dealNumber: view.dealNumber,
    counts: view.handCounts,
    myTurn,
  };
  if (catchingUp) return { memory: next, cues: [] };

  const myTeam = (view.seat % 2) as Team;
  const cues = fresh.flatMap((effect) => effectCue(effect, myTeam) ?? []);
  if (reports.length > 0) cues.push('report');
  if (myTurn && !(sameGame && memory.myTurn)) cues.push('turn');
  // Several effects in one message (a trick closed by bots in a burst) sound once each kind, not as a pile-up.
  return { memory: next, cues: [...new Set(cues)] };
}

function effectCue(effect: TableEffect, myTeam: Team): Cue | null {
  switch (effect.kind) {
    case 'play':
      return playCue(effect.play);
    case 'pass':
      return 'pass';
    case 'dealEnded':
      return effect.result.team === myTeam ? 'won' : 'lost';
    default:
      return null;
  }
}

/**
 * 报牌 of this view: the seats that just went from more than REPORT_AT cards to REPORT_AT or fewer (and still hold
 * some). Counts only fall during a deal, so each seat crosses once per deal; a seat first seen already below (a
 * reload mid-deal) never crossed here, so it never sounds late.
 */
export function reportsDue(memory: SoundMemory, view: SeatView): Seat[] {
  const before = memory.dealNumber === view.dealNumber ? memory.counts : null;
  if (before === null) return [];
  return view.handCounts.flatMap((count, seat) => (count > 0 && count <= REPORT_AT && before[seat] > REPORT_AT ? [seat as Seat] : []));
}
