import type { Arrangement, CardGroup } from './arrangement';

/**
 * 理牌 groups kept on the device so that a reload or a reconnect finds them again: one record per game and seat,
 * for the deal being played. The records live under one storage key and only the newest few are kept, so groups
 * of finished games never pile up.
 */
export interface StoredArrangement {
  game: string;
  seat: number;
  deal: number;
  /** The hand's keys when saved: the groups are carried from it to the hand found after the reload. */
  hand: string[];
  groups: CardGroup[];
  /** ms since the epoch. */
  savedAt: number;
}

export const ARRANGEMENT_STORAGE_KEY = 'guandan.arrangement';
const KEEP = 4;
/** Older than a day: no game lasts that long. */
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** The records in `text`, leaving out anything malformed (storage written by an older version, or tampered). */
export function parseStoredArrangements(text: string | null): StoredArrangement[] {
  if (text === null) return [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return [];
  }
  return Array.isArray(json) ? json.filter(isRecord) : [];
}

/** The groups saved for this game, seat and deal, if they are not stale. */
export function findStoredArrangement(
  records: readonly StoredArrangement[],
  at: { game: string; seat: number; deal: number },
  now: number,
): StoredArrangement | null {
  return records.find((record) => record.game === at.game && record.seat === at.seat && record.deal === at.deal && now - record.savedAt <= MAX_AGE_MS) ?? null;
}

/** The records with `record` saved: it replaces its game and seat's, stale ones go, the newest KEEP stay. */
export function storeArrangement(records: readonly StoredArrangement[], record: StoredArrangement): StoredArrangement[] {
  const others = records.filter((old) => !(old.game === record.game && old.seat === record.seat) && record.savedAt - old.savedAt <= MAX_AGE_MS);
  return [record, ...others].sort((a, b) => b.savedAt - a.savedAt).slice(0, KEEP);
}

export function toStoredGroups(arrangement: Arrangement): CardGroup[] {
  return arrangement.groups.map((group) => ({ kind: group.kind, keys: [...group.keys] }));
}

function isRecord(value: unknown): value is StoredArrangement {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.game === 'string' &&
    Number.isInteger(record.seat) &&
    Number.isInteger(record.deal) &&
    typeof record.savedAt === 'number' &&
    isKeyList(record.hand) &&
    Array.isArray(record.groups) &&
    record.groups.every((group: unknown) => {
      if (typeof group !== 'object' || group === null) return false;
      const { kind, keys } = group as Record<string, unknown>;
      return (kind === 'group' || kind === 'straightFlush') && isKeyList(keys);
    })
  );
}

function isKeyList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((key) => typeof key === 'string' && /^[SHCD][2-9TJQKABR]#\d+$/.test(key));
}
