/**
 * Runs the Solidity unit and fuzz tests in forge-test/ with forge, offline: `npm run test:forge [-- forge options]`,
 * e.g. `-- --match-contract Staking -vvv` or `-- --fuzz-seed 7 --fuzz-runs 5000`.
 * forge is the binary that the npm package @foundry-rs/forge ships for this platform (no Foundry install, nothing
 * downloaded); foundry.toml has it compile with solc-js through scripts/solc-shim.mjs, into .forge/.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ARCH: Record<string, string> = { x64: 'amd64', arm64: 'arm64' };
const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Like anvilBinary() in src/local-chain.ts. */
function forgeBinary(): string {
  const require = createRequire(import.meta.url);
  const platformPackage = `@foundry-rs/forge-${process.platform}-${ARCH[process.arch] ?? process.arch}`;
  return require.resolve(`${platformPackage}/bin/forge${process.platform === 'win32' ? '.exe' : ''}`);
}

const args = ['test', '--offline', ...(process.stdout.isTTY ? ['--color', 'always'] : []), ...process.argv.slice(2)];
const started = Date.now();
const child = spawn(forgeBinary(), args, { cwd: packageDir, stdio: ['ignore', 'pipe', 'inherit'] });
let output = '';
child.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  output += chunk.toString();
});
child.once('error', (error) => {
  console.error(error);
  process.exit(1);
});
child.once('close', (code) => {
  console.log(`forge test took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // forge exits 0 when it runs no test at all; that must not pass for a green run. (It happens after `forge lint`,
  // which shares the cache and leaves artifacts without bytecode: `npm run test:forge -- --force` recompiles.)
  if (code === 0 && /No tests (found|match)/i.test(output)) {
    console.error('forge ran no tests: with a stale cache, run `npm run test:forge -- --force`');
    process.exit(1);
  }
  process.exit(code ?? 1);
});
