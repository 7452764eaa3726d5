import { parseSimulateArgs, SIMULATE_USAGE, type SimulateCliOptions } from './cli-options.js';
import { formatSimulationReport } from './report.js';
import { judgeSimulation, planSimulation } from './run.js';
import { playOnWorkers } from './worker-pool.js';

const seconds = (since: number): number => (performance.now() - since) / 1000;

/** `npm run simulate -w packages/anticheat -- --honest 400 --games 50 --seed 1` */
async function main(): Promise<number> {
  let options: SimulateCliOptions;
  try {
    options = parseSimulateArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${SIMULATE_USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(SIMULATE_USAGE);
    return 0;
  }
  let started = performance.now();
  const plan = planSimulation(options.simulation);
  const planSeconds = seconds(started);
  started = performance.now();
  const played = await playOnWorkers(plan.games, options.workers);
  const playSeconds = seconds(started);
  started = performance.now();
  const result = judgeSimulation(plan, played);
  const detectSeconds = seconds(started);
  console.log(formatSimulationReport(result, { planSeconds, playSeconds, detectSeconds, workers: options.workers }));
  return 0;
}

process.exitCode = await main();
