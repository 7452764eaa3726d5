/**
 * Deploys the contracts to a configured chain and writes their addresses (the file the server's
 * CHAIN_ADDRESSES_FILE points at). docs/CHAIN.md has the steps for Polygon Amoy and mainnet.
 *   DEPLOYER_PRIVATE_KEY=0x... npm run deploy -w packages/contracts -- --rpc URL --chain-id N \
 *     --reward-minter 0x... [--usdc 0x...] [--guan-holder 0x...] [--out chain-addresses.json]
 * Without --usdc a TestUSDC is deployed: only for test networks.
 *   LOCAL_CHAIN_MNEMONIC="..." npm run deploy -w packages/contracts -- --local [--rpc http://127.0.0.1:8545]
 * deploys to a running local anvil started with that mnemonic (`anvil --mnemonic "..."`; its accounts #0 deploys,
 * #1 mints rewards) and the local settings (a 60 s timelock, the pool seeded). `npm start` does this by itself;
 * this is for a chain of your own. Never anvil's built-in mnemonic: it is public, and its reward key could mint.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type Address, getAddress, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { linkChain } from '../src/chain-link.js';
import { deployContracts, LOCAL_DEPLOY } from '../src/deploy.js';
import { LOCAL_CHAIN_ID } from '../src/local-chain.js';
import { mnemonicAccount } from '../src/local-keys.js';

const { values } = parseArgs({
  options: {
    rpc: { type: 'string' },
    'chain-id': { type: 'string' },
    'reward-minter': { type: 'string' },
    usdc: { type: 'string' },
    'guan-holder': { type: 'string' },
    out: { type: 'string', default: 'chain-addresses.json' },
    local: { type: 'boolean', default: false },
  },
});

if (values.local) {
  const rpc = values.rpc ?? 'http://127.0.0.1:8545';
  const mnemonic = process.env.LOCAL_CHAIN_MNEMONIC;
  if (!mnemonic) {
    console.error('usage: LOCAL_CHAIN_MNEMONIC="<the mnemonic your anvil was started with>" deploy --local [--rpc URL] [--out FILE]');
    process.exit(2);
  }
  const addresses = await deployContracts(linkChain(rpc, LOCAL_CHAIN_ID, mnemonicAccount(mnemonic, 0)), {
    ...LOCAL_DEPLOY,
    rewardMinter: mnemonicAccount(mnemonic, 1).address,
  });
  writeFileSync(values.out, `${JSON.stringify(addresses, null, 2)}\n`);
  console.log(`deployed to the local chain at ${rpc}; addresses in ${values.out}`);
  process.exit(0);
}

const key = process.env.DEPLOYER_PRIVATE_KEY;
if (!values.rpc || !values['chain-id'] || !values['reward-minter'] || !key) {
  console.error('usage: DEPLOYER_PRIVATE_KEY=0x... deploy --rpc URL --chain-id N --reward-minter 0x... [--usdc 0x...] [--guan-holder 0x...] [--out FILE]');
  process.exit(2);
}
const address = (value: string | undefined): Address | undefined => (value === undefined ? undefined : getAddress(value));

const link = linkChain(values.rpc, Number(values['chain-id']), privateKeyToAccount(key as Hex));
const addresses = await deployContracts(link, {
  rewardMinter: getAddress(values['reward-minter']),
  ...(values.usdc === undefined ? {} : { usdc: address(values.usdc) }),
  ...(values['guan-holder'] === undefined ? {} : { guanHolder: address(values['guan-holder']) }),
});
writeFileSync(values.out, `${JSON.stringify(addresses, null, 2)}\n`);
console.log(`deployed to chain ${addresses.chainId}; addresses in ${values.out}`);
console.log(addresses);
