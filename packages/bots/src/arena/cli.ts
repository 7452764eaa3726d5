import { runArena } from './arena.js';
import { ARENA_USAGE, type ArenaCliOptions, parseArenaArgs } from './cli-options.js';
import { formatArenaReport } from './report.js';

/** `npm run arena -w packages/bots -- --a hard --b normal --matches 200 --seed 1 [--rules FILE]` */
function main(): number {
  let options: ArenaCliOptions;
  try {
    // npm runs workspace scripts in the workspace directory; INIT_CWD is where the command was typed.
    options = parseArenaArgs(process.argv.slice(2), process.env.INIT_CWD ?? process.cwd());
  } catch (error) {
    console.error(`${messageOf(error)}\n${ARENA_USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(ARENA_USAGE);
    return 0;
  }
  try {
    const { a, b, matches, seed, rules } = options;
    const result = runArena({ a, b, matches, seed, rules, onPairPlayed: process.stderr.isTTY ? showProgress : undefined });
    console.log(formatArenaReport(result));
    return 0;
  } catch (error) {
    console.error(`arena: ${messageOf(error)}`);
    return 1;
  }
}

function showProgress(pairsPlayed: number, pairs: number): void {
  process.stderr.write(pairsPlayed < pairs ? `\rpairs played: ${pairsPlayed}/${pairs}` : '\r\x1b[K');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

process.exitCode = main();
