import { useCallback, useState } from 'react';
import type { Screen } from './navigation';

export interface ScreenStack {
  screen: Screen;
  /** Opens a screen above the current one (a replay, to come back from). */
  push(screen: Screen): void;
  /** Swaps the current screen (moving between tabs, from a room to its table). */
  replace(screen: Screen): void;
  /** Starts over from one screen (after a game, after signing in). */
  reset(screen: Screen): void;
  back(): void;
}

/** A tiny typed navigation stack in React state; the bottom screen is never popped. */
export function useScreenStack(initial: Screen): ScreenStack {
  const [stack, setStack] = useState<Screen[]>([initial]);
  const push = useCallback((screen: Screen) => setStack((current) => [...current, screen]), []);
  const replace = useCallback((screen: Screen) => setStack((current) => [...current.slice(0, -1), screen]), []);
  const reset = useCallback((screen: Screen) => setStack([screen]), []);
  const back = useCallback(() => setStack((current) => (current.length > 1 ? current.slice(0, -1) : current)), []);
  return { screen: stack[stack.length - 1], push, replace, reset, back };
}
