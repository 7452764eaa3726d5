import type { AnalyticsReport } from '@guandan/protocol';

/** The funnel's steps in the order an account reaches them. */
export const FUNNEL_STEPS = ['signed_up', 'first_game', 'ten_games', 'wallet_linked', 'first_reward'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

export interface FunnelBar {
  step: FunnelStep;
  accounts: number;
  /** Of the accounts at the step before, the share that reached this one; null for the first step, or after a step nobody reached. */
  ofPrevious: number | null;
  /** Of the accounts that signed up, for the bar's length; null when nobody signed up. */
  ofSignedUp: number | null;
}

export function funnelBars(funnel: AnalyticsReport['funnel']): FunnelBar[] {
  const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);
  return FUNNEL_STEPS.map((step, index) => {
    const previous = index === 0 ? undefined : FUNNEL_STEPS[index - 1];
    return {
      step,
      accounts: funnel[step],
      ofPrevious: previous === undefined ? null : share(funnel[step], funnel[previous]),
      ofSignedUp: share(funnel[step], funnel.signed_up),
    };
  });
}
