import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { evaluate } from './eval.js';
import { describeEvent } from './log.js';
import type { Rules } from './rules.js';
import { emptyStats, selfPlayMatch } from './selfplay.js';

const USAGE = `usage:
  guandan eval                 JSON lines on stdin -> one JSON line each on stdout
                               ops: classify, beats, moves, tribute, return (see the engine README)
  guandan selfplay --matches N --seed S [--rules FILE] [--log]
                               full matches between random legal players`;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

async function evalLines(): Promise<number> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    process.stdout.write(`${JSON.stringify(evaluate(line))}\n`);
  }
  return 0;
}

function selfPlay(args: string[]): number {
  const matches = Number(option(args, '--matches') ?? '1');
  const seed = option(args, '--seed') ?? '1';
  const rulesFile = option(args, '--rules');
  if (!Number.isInteger(matches) || matches < 1) {
    process.stderr.write(`--matches must be a positive integer\n${USAGE}\n`);
    return 2;
  }
  let rules: Partial<Rules> | undefined;
  try {
    rules = rulesFile === undefined ? undefined : (JSON.parse(readFileSync(rulesFile, 'utf8')) as Partial<Rules>);
  } catch (error) {
    process.stderr.write(`cannot read rules from ${rulesFile}: ${String(error)}\n`);
    return 2;
  }
  const log = args.includes('--log');
  const stats = emptyStats();
  const started = process.hrtime.bigint();
  try {
    for (let match = 0; match < matches; match++) {
      const matchSeed = matches === 1 ? seed : `${seed}/${match}`;
      if (log) process.stdout.write(`${match === 0 ? '' : '\n'}=== Match ${match + 1} (seed ${matchSeed}) ===\n`);
      selfPlayMatch(
        {
          seed: matchSeed,
          rules,
          onEvent: log ? (event, state) => process.stdout.write(`${describeEvent(event, state).join('\n')}\n`) : undefined,
        },
        stats,
      );
    }
  } catch (error) {
    process.stderr.write(`${String(error)}\n`);
    return 2;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const summary = [
    '',
    `matches: ${stats.matches}  deals: ${stats.deals}  actions: ${stats.actions}`,
    `tributes: ${stats.singleTributes} single, ${stats.doubleTributes} double, ${stats.antiTributes} anti-tribute`,
    `bombs: ${stats.bombs}`,
    `match winners: team 0 ${stats.wins[0]}, team 1 ${stats.wins[1]}, drawn ${stats.draws}`,
    `errors: ${stats.errors}`,
    ...stats.errorMessages.map((message) => `  ${message}`),
    `time: ${seconds.toFixed(2)} s (${(stats.deals / seconds).toFixed(0)} deals/s${log ? ', with logging' : ''})`,
  ];
  process.stdout.write(`${summary.join('\n')}\n`);
  return stats.errors === 0 ? 0 : 1;
}

/** Runs the `guandan` command line; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  // A reader that stops early (`| head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const [command, ...rest] = args;
  if (command === 'eval') return evalLines();
  if (command === 'selfplay') return selfPlay(rest);
  process.stderr.write(`${USAGE}\n`);
  return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
}
