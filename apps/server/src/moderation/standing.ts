import type { Sanction, SanctionKind, Standing } from '@guandan/protocol';

/** Nothing in force. */
export const GOOD_STANDING: Standing = { muted: false, muted_until: null, suspended: false, suspended_until: null, banned: false };

/** When the latest of these sanctions ends; null when one of them runs until lifted. */
function latestEnd(sanctions: readonly Sanction[]): string | null {
  if (sanctions.some((sanction) => sanction.ends_at === null)) return null;
  return sanctions.reduce<string | null>((latest, sanction) => (latest === null || (sanction.ends_at ?? '') > latest ? sanction.ends_at : latest), null);
}

/** What the sanctions in force (neither lifted nor ended) add up to. */
export function standingOf(inForce: readonly Sanction[]): Standing {
  const of = (kind: SanctionKind) => inForce.filter((sanction) => sanction.kind === kind);
  const mutes = of('mute');
  const suspensions = of('suspend');
  return {
    muted: mutes.length > 0,
    muted_until: mutes.length > 0 ? latestEnd(mutes) : null,
    suspended: suspensions.length > 0,
    suspended_until: suspensions.length > 0 ? latestEnd(suspensions) : null,
    banned: of('ban').length > 0,
  };
}
