import { ProtocolError } from '@guandan/protocol';
import { isoWeekOf, monthOf } from '../platform/calendar.js';

/** The leaderboard kinds: all time, per ISO week (UTC) and per calendar month (UTC). */
export type BoardKind = 'global' | 'weekly' | 'monthly';

/** Every board a game ended at `endedAt` counts on. */
export function boardsFor(endedAt: string): string[] {
  const instant = new Date(endedAt);
  return ['global', `weekly:${isoWeekOf(instant)}`, `monthly:${monthOf(instant)}`];
}

/**
 * The stored board name for a request: the window containing `now` unless a past `period` is named (`2026-W48`
 * for weekly, `2026-11` for monthly). A period that does not exist or fits another kind is BAD_REQUEST.
 */
export function boardName(kind: BoardKind, period: string | undefined, now: Date): string {
  if (kind === 'global') {
    if (period !== undefined) throw new ProtocolError('BAD_REQUEST', 'the global board has no periods');
    return 'global';
  }
  if (kind === 'weekly') {
    if (period !== undefined && !isWeek(period)) throw new ProtocolError('BAD_REQUEST', `${period} is not an ISO week like 2026-W48`);
    return `weekly:${period ?? isoWeekOf(now)}`;
  }
  if (period !== undefined && !isMonth(period)) throw new ProtocolError('BAD_REQUEST', `${period} is not a month like 2026-11`);
  return `monthly:${period ?? monthOf(now)}`;
}

function isWeek(period: string): boolean {
  const match = /^(\d{4})-W(\d{2})$/.exec(period);
  if (match === null) return false;
  const [year, week] = [Number(match[1]), Number(match[2])];
  // 28 December is always in the last ISO week of its year.
  const lastWeek = Number(isoWeekOf(new Date(Date.UTC(year, 11, 28))).slice(-2));
  return week >= 1 && week <= lastWeek;
}

function isMonth(period: string): boolean {
  const match = /^\d{4}-(\d{2})$/.exec(period);
  return match !== null && Number(match[1]) >= 1 && Number(match[1]) <= 12;
}
