import type { Standing } from '@guandan/protocol';

/** One thing in force on an account, for a badge: `until` is null when it lasts until lifted. */
export interface StandingBadge {
  kind: 'banned' | 'suspended' | 'muted';
  until: string | null;
}

/** What is in force now (the server decides, as of the answer), most severe first. */
export function standingBadges(standing: Standing): StandingBadge[] {
  const badges: StandingBadge[] = [];
  if (standing.banned) badges.push({ kind: 'banned', until: null });
  if (standing.suspended) badges.push({ kind: 'suspended', until: standing.suspended_until });
  if (standing.muted) badges.push({ kind: 'muted', until: standing.muted_until });
  return badges;
}
