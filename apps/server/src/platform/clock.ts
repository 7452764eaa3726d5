/** A timer a `Clock` armed; only that clock can cancel it. */
export interface ClockTimer {
  readonly dueAt: number;
}

/**
 * Where time comes from: the system's clock in the server, a clock a test moves by hand so that behaviour over
 * seconds or minutes is checked without waiting.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Calls `run` once, `delayMs` from now. */
  setTimer(delayMs: number, run: () => void): ClockTimer;
  clearTimer(timer: ClockTimer): void;
}

interface SystemTimer extends ClockTimer {
  handle: NodeJS.Timeout;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(delayMs, run) {
    const timer: SystemTimer = { dueAt: Date.now() + delayMs, handle: setTimeout(run, Math.max(0, delayMs)) };
    return timer;
  },
  clearTimer(timer) {
    clearTimeout((timer as SystemTimer).handle);
  },
};
