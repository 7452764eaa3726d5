import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { anvilBinary, startLocalChain } from '../src/local-chain.js';
import { mnemonicAccount } from '../src/local-keys.js';

const alive = (pid: number): boolean => existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/status`, 'utf8').includes('State:\tZ');
const needsProc = { skip: !existsSync('/proc/self') && 'needs /proc' };
/** anvil's built-in mnemonic: public, so no chain of ours may use it. */
const PUBLIC_MNEMONIC = 'test test test test test test test test test test test junk';

async function until(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 250 && !condition(); attempt++) await new Promise((resolve) => setTimeout(resolve, 20));
}

async function rpc(url: string, method: string, params: unknown[] = []): Promise<unknown> {
  const answer = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
  return ((await answer.json()) as { result: unknown }).result;
}

describe('the local chain', () => {
  const dir = mkdtempSync(join(tmpdir(), 'guandan-chain-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('dies with the process that started it, even one killed with SIGKILL', needsProc, async () => {
    const stateFile = join(dir, 'killed.json');
    const module = fileURLToPath(new URL('../src/local-chain.ts', import.meta.url));
    const script = `import(${JSON.stringify(module)}).then(async (m) => { await m.startLocalChain({ stateFile: ${JSON.stringify(stateFile)} }); console.log('up'); setInterval(() => {}, 1000); })`;
    const parent = spawn(process.execPath, ['--import', 'tsx', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((resolve) => parent.stdout.once('data', resolve));
    const anvil = Number(readFileSync(`${stateFile}.pid`, 'utf8'));
    assert.ok(alive(anvil), 'anvil runs while its parent does');
    parent.kill('SIGKILL');
    await new Promise((resolve) => parent.once('exit', resolve));
    await until(() => !alive(anvil));
    assert.equal(alive(anvil), false, 'anvil is gone once its parent is');
  });

  it('stops an anvil left on the same state file before starting a new one', needsProc, async () => {
    const stateFile = join(dir, 'left-over.json');
    const leftOver = spawn(anvilBinary(), ['--port', '0'], { stdio: 'ignore' });
    assert.ok(leftOver.pid !== undefined);
    writeFileSync(`${stateFile}.pid`, String(leftOver.pid));
    const chain = await startLocalChain({ stateFile });
    try {
      await until(() => !alive(leftOver.pid as number));
      assert.equal(alive(leftOver.pid as number), false, 'the left-over anvil was stopped');
      assert.equal(await rpc(chain.rpcUrl, 'eth_chainId'), '0x7a69');
    } finally {
      await chain.stop();
    }
    assert.equal(existsSync(`${stateFile}.pid`), false, 'a clean stop removes the pid file');
  });

  it('funds the accounts of its own random mnemonic, never the public one', async () => {
    const [first, second] = [await startLocalChain(), await startLocalChain()];
    try {
      assert.notEqual(first.mnemonic, second.mnemonic);
      assert.notEqual(first.mnemonic, PUBLIC_MNEMONIC);
      const accounts = (await rpc(first.rpcUrl, 'eth_accounts')) as string[];
      assert.equal(accounts[0]?.toLowerCase(), mnemonicAccount(first.mnemonic, 0).address.toLowerCase());
      assert.equal(await rpc(first.rpcUrl, 'eth_getBalance', [mnemonicAccount(PUBLIC_MNEMONIC, 1).address, 'latest']), '0x0');
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
  });
});
