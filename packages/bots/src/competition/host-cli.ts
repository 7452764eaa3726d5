import { parseArgs } from 'node:util';
import { positiveNumber, readRulesFile, runMain, seedOf } from './cli-args.js';
import { runHost } from './host.js';

const USAGE = `usage: npm run compete-host -w packages/bots -- [options]
  --port N          port to listen on (default 23456); clients connect to ws://HOST:N/game/{name}
  --matches N       matches to play (default 1)
  --seed S          deal seed (default: the clock; printed)
  --rules FILE      rule options as JSON, e.g. {"aWinRequires":"first-and-second"}
  --timeout SEC     seconds a seat has to answer an act before its default move is played (default 30)
  --minutes M       match length when the rules end matches on time ({"matchEnd":{"kind":"time"}})
  --bind ADDRESS    address to listen on (default: all)`;

runMain('compete-host', async () => {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '23456' },
      matches: { type: 'string', default: '1' },
      seed: { type: 'string' },
      rules: { type: 'string' },
      timeout: { type: 'string', default: '30' },
      minutes: { type: 'string' },
      bind: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number\n${USAGE}`);
  const matches = positiveNumber('matches', values.matches);
  if (!Number.isInteger(matches)) throw new Error('--matches must be a whole number');
  const seed = values.seed === undefined ? Date.now() : seedOf(values.seed);
  await runHost({
    port,
    bindAddress: values.bind,
    matches,
    seed,
    rules: values.rules === undefined ? undefined : readRulesFile(values.rules),
    actTimeoutMs: positiveNumber('timeout', values.timeout) * 1000,
    matchTimeMs: values.minutes === undefined ? undefined : positiveNumber('minutes', values.minutes) * 60_000,
  });
});
