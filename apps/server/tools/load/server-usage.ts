import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';

/** The server process's cumulative CPU time and its resident memory at one moment. */
export interface ServerUsage {
  cpuSeconds: number;
  rssBytes: number;
}

export type UsageSource = () => Promise<ServerUsage>;

/** Linux counts CPU time in clock ticks; 100 per second nearly everywhere, but ask rather than assume. */
function clockTicksPerSecond(): number {
  try {
    const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isFinite(ticks) && ticks > 0 ? ticks : 100;
  } catch {
    return 100;
  }
}

/** A local process, read from /proc/<pid>/stat (utime + stime) and /proc/<pid>/status (VmRSS). */
export function procUsage(pid: number): UsageSource {
  const ticksPerSecond = clockTicksPerSecond();
  return async () => {
    const [stat, status] = await Promise.all([readFile(`/proc/${pid}/stat`, 'utf8'), readFile(`/proc/${pid}/status`, 'utf8')]);
    // The command name (field 2) may hold spaces and parentheses: count fields from the last ')'. After it come
    // state (field 3) ... utime (field 14) and stime (field 15).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    const rssKib = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? Number.NaN);
    return { cpuSeconds: ticks / ticksPerSecond, rssBytes: rssKib * 1024 };
  };
}

/** A remote server, from prom-client's default metrics on its /metrics page (read with the server's METRICS_TOKEN). */
export function prometheusUsage(metricsUrl: string, metricsToken: string | undefined): UsageSource {
  return async () => {
    const response = await fetch(metricsUrl, { headers: metricsHeaders(metricsToken) });
    if (!response.ok) throw new Error(`${metricsUrl}: HTTP ${response.status}`);
    const text = await response.text();
    return { cpuSeconds: metricValue(text, 'process_cpu_seconds_total'), rssBytes: metricValue(text, 'process_resident_memory_bytes') };
  };
}

/** The value of an unlabelled metric in the Prometheus text format. */
export function metricValue(text: string, name: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name} `));
  if (line === undefined) throw new Error(`no ${name} in the metrics`);
  return Number(line.slice(name.length + 1));
}

/** The sum of a labelled metric's series in the Prometheus text format (0 before any series exists). */
export function metricSum(text: string, name: string): number {
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

/** The headers a /metrics request needs: the bearer METRICS_TOKEN, when there is one. */
export function metricsHeaders(metricsToken: string | undefined): Record<string, string> {
  return metricsToken === undefined ? {} : { authorization: `Bearer ${metricsToken}` };
}
