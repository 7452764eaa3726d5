import type { HandCard } from './hand';
import { findStraightFlushes } from './straight-flushes';

/**
 * 理牌: the columns the player asked for on top of the default by-rank stacking.
 *
 * What the 理牌 button does, as players of the commercial apps expect it:
 * - cards selected: they become one column of their own, leftmost (taken out of any column they were in);
 *   selecting exactly an existing group and pressing again dissolves it;
 * - nothing selected: the hand's natural straight flushes are pulled into columns of their own (right of the
 *   player's groups); pressing again with nothing selected puts them back;
 * - 重置 drops every group (NO_ARRANGEMENT): the hand is stacked by rank again.
 * Groups hold card keys (`SA#0`). A player group survives its cards being played (it just shrinks; an empty one
 * disappears); a straight-flush column that loses a card was broken up by the player, so it dissolves.
 */
export interface CardGroup {
  kind: 'group' | 'straightFlush';
  /** Top of the column first. */
  keys: readonly string[];
}

export interface Arrangement {
  /** In display order, left to right: the player's groups (newest first), then the straight flushes. */
  groups: readonly CardGroup[];
}

export const NO_ARRANGEMENT: Arrangement = { groups: [] };

const FLUSH_SIZE = 5;

/** The arrangement with only what `hand` still holds: unknown or repeated keys dropped, emptied groups gone. */
export function fitArrangement(arrangement: Arrangement, hand: readonly Pick<HandCard, 'key'>[]): Arrangement {
  const inHand = new Set(hand.map((card) => card.key));
  const seen = new Set<string>();
  const groups: CardGroup[] = [];
  for (const group of arrangement.groups) {
    const keys = group.keys.filter((key) => inHand.has(key) && !seen.has(key));
    for (const key of keys) seen.add(key);
    if (keys.length === 0 || (group.kind === 'straightFlush' && keys.length !== FLUSH_SIZE)) continue;
    groups.push({ kind: group.kind, keys });
  }
  return sameGroups(groups, arrangement.groups) ? arrangement : { groups };
}

/** What pressing 理牌 does with `selection` (card keys): see Arrangement. */
export function pressArrange(arrangement: Arrangement, hand: readonly HandCard[], selection: ReadonlySet<string>): Arrangement {
  const current = fitArrangement(arrangement, hand);
  const chosen = hand.filter((card) => selection.has(card.key)).map((card) => card.key);
  return chosen.length > 0 ? groupCards(current, chosen) : toggleStraightFlushes(current, hand);
}

/** Whether pressing 理牌 would change anything (the button is disabled otherwise). */
export function canPressArrange(arrangement: Arrangement, hand: readonly HandCard[], selection: ReadonlySet<string>): boolean {
  return !sameGroups(pressArrange(arrangement, hand, selection).groups, fitArrangement(arrangement, hand).groups);
}

function groupCards(arrangement: Arrangement, keys: readonly string[]): Arrangement {
  const chosen = new Set(keys);
  const same = arrangement.groups.findIndex((group) => group.keys.length === chosen.size && group.keys.every((key) => chosen.has(key)));
  if (same >= 0) return { groups: arrangement.groups.filter((_, index) => index !== same) };
  const rest: Arrangement = {
    groups: arrangement.groups.map((group) => ({ kind: group.kind, keys: group.keys.filter((key) => !chosen.has(key)) })),
  };
  // Taking cards out of a straight flush breaks it: it dissolves, as an emptied group disappears.
  const kept = withoutEmptied(rest);
  return { groups: [{ kind: 'group', keys: [...keys] }, ...kept.groups] };
}

function toggleStraightFlushes(arrangement: Arrangement, hand: readonly HandCard[]): Arrangement {
  const flushes = arrangement.groups.filter((group) => group.kind === 'straightFlush');
  if (flushes.length > 0) return { groups: arrangement.groups.filter((group) => group.kind !== 'straightFlush') };
  const grouped = new Set(arrangement.groups.flatMap((group) => group.keys));
  const found = findStraightFlushes(hand.filter((card) => !grouped.has(card.key)));
  if (found.length === 0) return arrangement;
  return { groups: [...arrangement.groups, ...found.map((keys): CardGroup => ({ kind: 'straightFlush', keys }))] };
}

/** Drops emptied groups and broken straight flushes (every key left is known to be held). */
function withoutEmptied(arrangement: Arrangement): Arrangement {
  return {
    groups: arrangement.groups.filter((group) => group.keys.length > 0 && (group.kind === 'group' || group.keys.length === FLUSH_SIZE)),
  };
}

/**
 * The arrangement after the hand changed from `before` to `after` (card keys). Keys number the copies of a card
 * (`SA#0`, `SA#1`) and are renumbered when one goes, so the groups are carried over by card, not by key: the
 * copies that left are the ones in `played` (the player's last selection) when it names them, else ungrouped
 * copies, else grouped ones; the copies that stay keep their groups under their new numbers.
 */
export function carryArrangement(
  arrangement: Arrangement,
  before: readonly string[],
  after: readonly string[],
  played: ReadonlySet<string> = new Set(),
): Arrangement {
  const groupOf = new Map<string, number>();
  arrangement.groups.forEach((group, index) => group.keys.forEach((key) => groupOf.set(key, index)));
  const afterCount = new Map<string, number>();
  for (const key of after) afterCount.set(cardOfKey(key), (afterCount.get(cardOfKey(key)) ?? 0) + 1);
  const byCard = new Map<string, string[]>();
  for (const key of before) {
    const card = cardOfKey(key);
    byCard.set(card, [...(byCard.get(card) ?? []), key]);
  }
  const renamed = new Map<string, string>();
  for (const [card, keys] of byCard) {
    const gone = keys.length - (afterCount.get(card) ?? 0);
    const leaving = new Set<string>();
    const leaveFirst = [
      ...keys.filter((key) => played.has(key)),
      ...keys.filter((key) => !played.has(key) && !groupOf.has(key)).reverse(),
      ...keys.filter((key) => !played.has(key) && groupOf.has(key)).reverse(),
    ];
    for (const key of leaveFirst.slice(0, Math.max(0, gone))) leaving.add(key);
    keys
      .filter((key) => !leaving.has(key))
      .sort((a, b) => copyOfKey(a) - copyOfKey(b))
      .forEach((key, copy) => renamed.set(key, `${card}#${copy}`));
  }
  const groups = arrangement.groups.map((group) => ({
    kind: group.kind,
    keys: group.keys.flatMap((key) => {
      const next = renamed.get(key);
      return next === undefined ? [] : [next];
    }),
  }));
  return fitArrangement({ groups }, after.map((key) => ({ key })));
}

function cardOfKey(key: string): string {
  const hash = key.lastIndexOf('#');
  return hash < 0 ? key : key.slice(0, hash);
}

function copyOfKey(key: string): number {
  return Number(key.slice(key.lastIndexOf('#') + 1));
}

function sameGroups(a: readonly CardGroup[], b: readonly CardGroup[]): boolean {
  return (
    a.length === b.length &&
    a.every((group, index) => group.kind === b[index].kind && group.keys.length === b[index].keys.length && group.keys.every((key, at) => key === b[index].keys[at]))
  );
}
