/**
 * Deploys the contracts to a configured chain and writes their addresses (the file the server's
 * CHAIN_ADDRESSES_FILE points at). docs/CHAIN.md has the steps for Polygon Amoy and mainnet.
 *   DEPLOYER_PRIVATE_KEY=0x... npm run deploy -w packages/contracts -- --rpc URL --chain-id N \
 *     --reward-minter 0x... [--usdc 0x...] [--guan-holder 0x...] [--out chain-addresses.json]
 * Without --usdc a TestUSDC is deployed: only for test networks.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type Address, getAddress, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { linkChain } from '../src/chain-link.js';
import { deployContracts } from '../src/deploy.js';

const { values } = parseArgs({
  options: {
    rpc: { type: 'string' },
    'chain-id': { type: 'string' },
    'reward-minter': { type: 'string' },
    usdc: { type: 'string' },
    'guan-holder': { type: 'string' },
    out: { type: 'string', default: 'chain-addresses.json' },
  },
});

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
