import type { ResponsiblePlay, SpendingPeriod } from '@guandan/protocol';
import type { RestClient } from '@guandan/sdk';
import { useCallback, useEffect, useState } from 'react';

export interface ResponsiblePlayData {
  view: ResponsiblePlay | null;
  /** The last failure (loading, or a change refused), for its words. */
  error: unknown;
  /** A change is on its way to the server: its buttons wait. */
  saving: boolean;
  reload(): void;
  /** Resolves true when the server took the change. */
  setLimit(period: SpendingPeriod, limitMinor: number | null): Promise<boolean>;
  exclude(days: number): Promise<boolean>;
}

/** The player's spending limits and self-exclusion, and changing them; every answer is the whole new view. */
export function useResponsiblePlay(rest: RestClient): ResponsiblePlayData {
  const [view, setView] = useState<ResponsiblePlay | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const reload = useCallback(() => {
    rest.responsiblePlay().then(setView).catch(setError);
  }, [rest]);

  useEffect(reload, [reload]);

  const change = useCallback(async (request: Promise<ResponsiblePlay>) => {
    setSaving(true);
    setError(null);
    try {
      setView(await request);
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    } finally {
      setSaving(false);
    }
  }, []);

  const setLimit = useCallback((period: SpendingPeriod, limitMinor: number | null) => change(rest.setSpendingLimit(period, limitMinor)), [rest, change]);
  const exclude = useCallback((days: number) => change(rest.selfExclude(days)), [rest, change]);

  return { view, error, saving, reload, setLimit, exclude };
}
