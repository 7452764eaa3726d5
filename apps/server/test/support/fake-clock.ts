import type { Clock, ClockTimer } from '../../src/platform/clock.js';

interface Pending extends ClockTimer {
  run(): void;
  order: number;
}

/**
 * A clock a test moves by hand: `advance` runs each timer that falls due in order, at its own instant, and lets the
 * work it starts finish (`settle`) before the next, so minutes of table time pass in milliseconds.
 */
export class FakeClock implements Clock {
  private pending: Pending[] = [];
  private count = 0;

  constructor(
    private time: number,
    private readonly settle: () => Promise<void>,
  ) {}

  now(): number {
    return this.time;
  }

  setTimer(delayMs: number, run: () => void): ClockTimer {
    const timer: Pending = { dueAt: this.time + Math.max(0, delayMs), run, order: this.count++ };
    this.pending.push(timer);
    return timer;
  }

  clearTimer(timer: ClockTimer): void {
    this.pending = this.pending.filter((pending) => pending !== timer);
  }

  /** Moves time on by `ms`, firing every timer due on the way. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const next = this.pending.filter((timer) => timer.dueAt <= end).sort((a, b) => a.dueAt - b.dueAt || a.order - b.order)[0];
      if (next === undefined) break;
      this.pending = this.pending.filter((timer) => timer !== next);
      this.time = Math.max(this.time, next.dueAt);
      next.run();
      await this.settle();
    }
    this.time = end;
    await this.settle();
  }

  /** When the next timer falls due, if any. */
  nextDue(): number | undefined {
    return this.pending.reduce<number | undefined>((earliest, timer) => (earliest === undefined || timer.dueAt < earliest ? timer.dueAt : earliest), undefined);
  }
}
