import { performance } from 'node:perf_hooks';
import type { ServerUsage, UsageSource } from './server-usage.js';

export interface ServerStatsSummary {
  /** Where the figures come from: /proc of the child process, or the server's /metrics. */
  source: 'proc' | 'metrics';
  /** CPU time over wall time after the ramp, in percent of one core (200% is both cores of a 2-core machine). */
  meanCpuPercent: number | null;
  /** The busiest one-second interval. */
  peakCpuPercent: number | null;
  peakRssBytes: number | null;
  lastRssBytes: number | null;
  /** Samples that could not be read (the server was too busy to answer /metrics, or had exited). */
  failedSamples: number;
}

interface Sample extends ServerUsage {
  at: number;
}

/** Samples the server's CPU and memory every interval; `markSteady` starts the window the mean is taken over. */
export class ServerStatsSampler {
  private readonly samples: Sample[] = [];
  private failed = 0;
  private steadyFrom = 0;
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly source: UsageSource,
    private readonly kind: ServerStatsSummary['source'],
    private readonly intervalMs = 1000,
  ) {}

  start(): void {
    this.inFlight = this.sample();
    this.timer = setInterval(() => {
      this.inFlight = this.inFlight.then(() => this.sample());
    }, this.intervalMs);
  }

  markSteady(): void {
    this.steadyFrom = this.samples.length;
  }

  /** Takes a last sample and summarises; call before the server stops. */
  async stop(): Promise<ServerStatsSummary> {
    if (this.timer !== null) clearInterval(this.timer);
    await this.inFlight.then(() => this.sample());
    return this.summary();
  }

  private async sample(): Promise<void> {
    try {
      const usage = await this.source();
      this.samples.push({ ...usage, at: performance.now() });
    } catch {
      this.failed++;
    }
  }

  private summary(): ServerStatsSummary {
    const rss = this.samples.map((sample) => sample.rssBytes).filter(Number.isFinite);
    const steady = this.samples.slice(Math.max(0, this.steadyFrom - 1));
    const intervals = this.samples.slice(1).map((sample, index) => cpuPercent(this.samples[index], sample));
    return {
      source: this.kind,
      meanCpuPercent: steady.length < 2 ? null : cpuPercent(steady[0], steady[steady.length - 1]),
      peakCpuPercent: intervals.length === 0 ? null : Math.max(...intervals),
      peakRssBytes: rss.length === 0 ? null : Math.max(...rss),
      lastRssBytes: rss.length === 0 ? null : rss[rss.length - 1],
      failedSamples: this.failed,
    };
  }
}

function cpuPercent(from: Sample, to: Sample): number {
  const wallSeconds = (to.at - from.at) / 1000;
  return wallSeconds <= 0 ? 0 : ((to.cpuSeconds - from.cpuSeconds) / wallSeconds) * 100;
}
