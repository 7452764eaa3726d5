import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startLocalChain } from '../src/local-chain.js';

const alive = (pid: number): boolean => existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/status`, 'utf8').includes('State:\tZ');

describe('the local chain', () => {
  const dir = mkdtempSync(join(tmpdir(), 'guandan-chain-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('stops the anvil a killed process left on the same state before starting a new one', { skip: !existsSync('/proc/self') && 'needs /proc' }, async () => {
    const stateFile = join(dir, 'state.json');
    const module = fileURLToPath(new URL('../src/local-chain.ts', import.meta.url));
    const script = `import(${JSON.stringify(module)}).then(async (m) => { await m.startLocalChain({ stateFile: ${JSON.stringify(stateFile)} }); console.log('up'); setInterval(() => {}, 1000); })`;
    const crashing = spawn(process.execPath, ['--import', 'tsx', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((resolve) => crashing.stdout.once('data', resolve));
    const leftOver = Number(readFileSync(`${stateFile}.pid`, 'utf8'));
    crashing.kill('SIGKILL');
    await new Promise((resolve) => crashing.once('exit', resolve));
    assert.ok(alive(leftOver), 'a SIGKILLed parent leaves its anvil running');

    const chain = await startLocalChain({ stateFile });
    try {
      for (let attempt = 0; attempt < 50 && alive(leftOver); attempt++) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.equal(alive(leftOver), false, 'the left-over anvil was stopped');
      const answer = await fetch(chain.rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }) });
      assert.equal(((await answer.json()) as { result: string }).result, '0x7a69');
    } finally {
      await chain.stop();
    }
    assert.equal(existsSync(`${stateFile}.pid`), false, 'a clean stop removes the pid file');
  });
});
