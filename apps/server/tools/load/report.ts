import type { FloodSummary } from './flooder.js';
import type { LatencySummary } from './latency.js';
import type { LoadReport } from './load-run.js';

const seconds = (milliseconds: number): string => `${Number((milliseconds / 1000).toFixed(1))} s`;
const ms = (value: number): string => value.toFixed(value < 10 ? 2 : 1);
const percent = (value: number | null): string => (value === null ? 'n/a' : `${value.toFixed(0)}%`);
const megabytes = (value: number | null): string => (value === null ? 'n/a' : `${(value / 2 ** 20).toFixed(0)} MiB`);

const percentiles = (latency: LatencySummary | null): string =>
  latency === null
    ? 'no action answered'
    : `p50 ${ms(latency.p50Ms)} ms, p95 ${ms(latency.p95Ms)} ms, p99 ${ms(latency.p99Ms)} ms, max ${ms(latency.maxMs)} ms (${latency.samples} actions)`;

const joinPercentiles = (latency: LatencySummary): string =>
  `p50 ${ms(latency.p50Ms)} ms, p95 ${ms(latency.p95Ms)} ms, p99 ${ms(latency.p99Ms)} ms, max ${ms(latency.maxMs)} ms (${latency.samples} clients)`;

const pingPercentiles = (latency: LatencySummary): string =>
  `p50 ${ms(latency.p50Ms)} ms, p95 ${ms(latency.p95Ms)} ms, p99 ${ms(latency.p99Ms)} ms, max ${ms(latency.maxMs)} ms (${latency.samples} PINGs)`;

const tally = (counts: Record<string, number>): string =>
  Object.entries(counts)
    .map(([kind, count]) => `${kind} ${count}`)
    .join(', ') || 'none';

function floodLine(flood: FloodSummary): string {
  return `flood            ${flood.socketsOpened} sockets opened by one account, ${flood.socketsOpen} open at the end (closes: ${tally(flood.closes)}); ${flood.sent} chat lines sent, answered: ${tally(flood.answers)}`;
}

/** The run as the CLI prints it: one figure a line. */
export function formatReport(report: LoadReport): string {
  const { errors, server, client } = report;
  const errorCodes = Object.entries(errors.messages).map(([code, count]) => `${code} ${count}`);
  const lines = [
    `tables           ${report.tables} (${report.socketsExpected} clients), ${seconds(report.durationMs)} with a ${seconds(report.rampMs)} ramp, ${report.thinkMs > 0 ? `think time ${seconds(report.thinkMs)} on average` : 'acting at once'}`,
    `actions/s        ${report.actionsPerSecond.toFixed(0)} acknowledged after the ramp (${report.acknowledged} in all)`,
    `latency          ${percentiles(report.latency)}`,
    `  after the ramp ${percentiles(report.latencyAfterRamp)}`,
    ...(report.joins === null ? [] : [`sign-in+connect  ${joinPercentiles(report.joins)}`]),
    ...(report.pingAfterRamp === null ? [] : [`pings            ${pingPercentiles(report.pingAfterRamp)} after the ramp`]),
    ...(report.flood === null ? [] : [floodLine(report.flood)]),
    `errors           ${errors.total} (ERROR messages ${errorCodes.length === 0 ? 0 : errorCodes.join(', ')}; failed connects ${errors.connectFailures}; REST failures ${errors.restFailures})`,
    ...errors.examples.map((example) => `                   ${example}`),
    `tables playing   ${report.tablesPlaying} of ${report.tables} at the end${report.tablesPlaying < report.tables ? ' (the others were still signing in or connecting, or stopped by an error)' : ''}`,
    `games finished   ${report.gamesFinished}`,
    `sockets open     ${report.socketsOpen} of ${report.socketsExpected} at the end`,
    `server played    ${report.serverPlayed} actions for people (timeouts, dropped clients)`,
    `unanswered       ${report.unanswered} actions in flight at the end`,
    `wire             ${report.bytesPerAction.toClients.toFixed(0)} bytes to the clients and ${report.bytesPerAction.fromClients.toFixed(0)} from them per action after the ramp (WebSocket payloads, all four seats)`,
    server === null
      ? 'server           not measured'
      : `server           CPU ${percent(server.meanCpuPercent)} of one core after the ramp (peak ${percent(server.peakCpuPercent)}), RSS peak ${megabytes(server.peakRssBytes)} (last ${megabytes(server.lastRssBytes)}), from ${server.source}${server.failedSamples > 0 ? `, ${server.failedSamples} samples missed` : ''}`,
    `load client      CPU ${percent(client.cpuPercent)} of one core after the ramp, event-loop delay p99 ${ms(client.eventLoopDelayP99Ms)} ms`,
  ];
  return lines.join('\n');
}
