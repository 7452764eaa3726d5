import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

export interface ClientUsageSummary {
  /** CPU time of this process over wall time, in percent of one core. */
  cpuPercent: number;
  /** How late this process's timers ran, 99th percentile: added to every latency the client measures. */
  eventLoopDelayP99Ms: number;
}

const RESOLUTION_MS = 5;

/** The load generator's own CPU and event-loop delay, from `markSteady` (or creation) to `stop`. */
export class ClientUsage {
  private readonly eventLoop = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  private cpuFrom = process.cpuUsage();
  private wallFrom = performance.now();

  constructor() {
    this.eventLoop.enable();
  }

  markSteady(): void {
    this.cpuFrom = process.cpuUsage();
    this.wallFrom = performance.now();
    this.eventLoop.reset();
  }

  stop(): ClientUsageSummary {
    this.eventLoop.disable();
    const cpu = process.cpuUsage(this.cpuFrom);
    const wallMs = performance.now() - this.wallFrom;
    // The monitor records whole timer intervals, in ns: the delay is what exceeds the interval asked for.
    const delayMs = Math.max(0, this.eventLoop.percentile(99) / 1e6 - RESOLUTION_MS);
    return { cpuPercent: ((cpu.user + cpu.system) / 1000 / wallMs) * 100, eventLoopDelayP99Ms: delayMs };
  }
}
