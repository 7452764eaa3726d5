import type { Random } from './random.js';

export const MINUTE_MS = 60 * 1000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
/** A game and the wait for the next one: about ten minutes for two deals, plus queueing. */
export const GAME_SPACING_MS = 12 * MINUTE_MS;

export interface CalendarOptions {
  /** The first day of the run, at 00:00 UTC. */
  start: number;
  days: number;
}

/** A sitting: when it starts and how many games it holds. */
export interface Session {
  start: number;
  games: number;
}

/**
 * Sittings of two to six games on random days, each starting near the account's usual hour, until `games` are
 * placed. People do not play at the same minute every day: the start wanders by an hour and a half either way.
 */
export function sessions(peakHour: number, games: number, random: Random, calendar: CalendarOptions): Session[] {
  const result: Session[] = [];
  for (let placed = 0; placed < games; ) {
    const size = Math.min(games - placed, 2 + random.int(5));
    const hour = (((peakHour + 1.5 * random.normal()) % 24) + 24) % 24;
    result.push({ start: calendar.start + random.int(calendar.days) * DAY_MS + Math.round(hour * HOUR_MS), games: size });
    placed += size;
  }
  return result;
}

/** The start times of a session's games. */
export function slotTimes(session: Session, random: Random): number[] {
  return Array.from({ length: session.games }, (_, i) => session.start + i * GAME_SPACING_MS + random.int(2 * MINUTE_MS));
}

/** A sign-in a minute or a few before a session. */
export function signInBefore(time: number, random: Random, latestMinutes = 3): number {
  return time - Math.round(random.between(0.5, latestMinutes) * MINUTE_MS);
}

/** Every account's sign-ins, as the platform would log them. */
export class SignInBook {
  readonly byAccount = new Map<string, number[]>();

  add(account: string, time: number): void {
    const own = this.byAccount.get(account) ?? [];
    own.push(time);
    this.byAccount.set(account, own);
  }
}
