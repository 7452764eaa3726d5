import { parseArgs } from 'node:util';
import { BOT_LEVELS, type BotLevel } from '../bot.js';
import { readRulesFile, runMain, seedOf } from './cli-args.js';
import { runClient } from './client.js';

const USAGE = `usage: npm run compete-client -w packages/bots -- [--level ${BOT_LEVELS.join('|')}] [--seed S] [--rules FILE] ws://HOST:PORT/game/NAME
  --level L     the bot that plays the seat (default normal)
  --seed S      seeds the bot's own random choices
  --rules FILE  the host's rule options as JSON, if not the defaults`;

runMain('compete-client', async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      level: { type: 'string', default: 'normal' },
      seed: { type: 'string' },
      rules: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) {
    console.log(USAGE);
    return;
  }
  const url = positionals[0];
  if (url === undefined || positionals.length > 1) throw new Error(`give one host URL\n${USAGE}`);
  if (!(BOT_LEVELS as readonly string[]).includes(values.level)) throw new Error(`unknown --level ${values.level}\n${USAGE}`);
  const result = await runClient({
    url,
    level: values.level as BotLevel,
    seed: values.seed === undefined ? undefined : seedOf(values.seed),
    rules: values.rules === undefined ? undefined : readRulesFile(values.rules),
    log: (line) => console.log(line),
  });
  console.log(`seat ${result.seat}: ${result.acts} acts answered, ${result.fallbacks} fallbacks to index 0`);
  if (result.gameResult !== null) {
    console.log(`wins per seat ${result.gameResult.victoryNum.join(' ')}; draws ${result.gameResult.draws.join(' ')}`);
  }
});
