import { MINUTE_MS } from './calendar.js';
import type { GameMode } from '../observations.js';
import type { SimAccount } from './model.js';
import type { Random } from './random.js';
import { type Draft, QUICK_BET, seatTable } from './tables.js';

/** Quick match gathers whoever queued within this long; seats left empty go to bots. */
const MATCH_WINDOW_MS = 15 * MINUTE_MS;
/** Rooms of four people: ranked, quick match, or a custom room among friends. */
const HUMAN_ROOMS: readonly { mode: GameMode; share: number; baseBet: number }[] = [
  { mode: 'ranked', share: 0.35, baseBet: 0 },
  { mode: 'quick', share: 0.55, baseBet: QUICK_BET },
  { mode: 'custom', share: 0.1, baseBet: 50 },
];

/** One account wanting a game at a time. */
export interface Slot {
  account: SimAccount;
  time: number;
}

/** The room a table of four people goes to, for a uniform draw in [0, 1). */
function roomFor(draw: number): (typeof HUMAN_ROOMS)[number] {
  let below = 0;
  for (const room of HUMAN_ROOMS) {
    below += room.share;
    if (draw < below) return room;
  }
  return HUMAN_ROOMS[HUMAN_ROOMS.length - 1];
}

/**
 * Ordinary games: everyone's slots in time order, gathered into 15-minute windows and seated at random, four to a
 * table; an account with two slots in one window keeps the second for the next; a table short of four gets bots.
 */
export function matchmake(slots: readonly Slot[], random: Random): Draft[] {
  const drafts: Draft[] = [];
  const byWindow = new Map<number, Slot[]>();
  for (const slot of slots) {
    const window = Math.floor(slot.time / MATCH_WINDOW_MS);
    const waiting = byWindow.get(window) ?? [];
    waiting.push(slot);
    byWindow.set(window, waiting);
  }
  let carried: Slot[] = [];
  for (const window of [...byWindow.keys()].sort((a, b) => a - b)) {
    const waiting = [...carried, ...(byWindow.get(window) ?? [])];
    const seated = new Set<string>();
    const queue: SimAccount[] = [];
    carried = [];
    for (const slot of waiting) {
      if (seated.has(slot.account.id)) carried.push({ ...slot, time: (window + 1) * MATCH_WINDOW_MS });
      else {
        seated.add(slot.account.id);
        queue.push(slot.account);
      }
    }
    const shuffled = random.shuffled(queue);
    for (let i = 0; i < shuffled.length; i += 4) {
      const people = shuffled.slice(i, i + 4);
      const startedAt = window * MATCH_WINDOW_MS + random.int(MATCH_WINDOW_MS);
      if (people.length < 4) {
        drafts.push({ startedAt, mode: 'quick', baseBet: QUICK_BET, seats: seatTable(people, random) });
        continue;
      }
      const room = roomFor(random.next());
      drafts.push({ startedAt, mode: room.mode, baseBet: room.baseBet, seats: seatTable(people, random) });
    }
  }
  // Whoever is still carried after the last window plays with bots.
  for (const slot of carried) drafts.push({ startedAt: slot.time, mode: 'quick', baseBet: QUICK_BET, seats: seatTable([slot.account], random) });
  return drafts;
}
