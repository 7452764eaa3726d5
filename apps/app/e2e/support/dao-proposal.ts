import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChainInfoSchema, SessionSchema, WalletNonceSchema } from '@guandan/protocol';
import { createPublicClient, createWalletClient, encodeFunctionData, http, keccak256, parseAbi, parseUnits, toHex } from 'viem';
import { type HDAccount, mnemonicToAccount } from 'viem/accounts';

const GOVERNANCE_ABI = parseAbi([
  'function delegate(address delegatee)',
  'function propose(address[] targets, uint256[] values, bytes[] calldatas, string description) returns (uint256)',
  'function hashProposal(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) view returns (uint256)',
  'function state(uint256 proposalId) view returns (uint8)',
  'function castVote(uint256 proposalId, uint8 support) returns (uint256)',
  'function setRewardRate(uint256 rate)',
]);
const ACTIVE = 1;

export const PROPOSAL_TITLE = 'Raise the staking reward to 0.2 PLAY a second';
const DESCRIPTION = `${PROPOSAL_TITLE}\nStaking pays 0.1 PLAY a second today; doubling it for a season brings more PLAY into stakes.`;

/** Signs in with the wallet (its account is made the first time): the relay only sends what its own wallet signed. */
async function walletSession(platformUrl: string, account: HDAccount): Promise<string> {
  const post = async (path: string, body: object) =>
    (await fetch(`${platformUrl}/v4${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
  const { message } = WalletNonceSchema.parse(await post('/auth/wallet/nonce', { address: account.address }));
  return SessionSchema.parse(await post('/auth/wallet/verify', { message, signature: await account.signMessage({ message }) })).jwt;
}

/**
 * The GUAN holder's side of the DAO, for the browser test to have a proposal to show and vote on: it delegates its
 * votes, proposes, and (once voting opens) votes for. The holder is the local chain's deployer, account 0 of the
 * mnemonic the server keeps in its data directory (docs/CHAIN.md). It reaches the chain the way the app's dev wallet
 * does, through the server's relay with its own wallet's session (viem's http transport with the JWT in fetchOptions).
 */
export async function guanHolder(platformUrl: string, dataDir: string) {
  const chain = ChainInfoSchema.parse(await (await fetch(`${platformUrl}/v4/chain`)).json());
  const account = mnemonicToAccount(readFileSync(join(dataDir, 'chain', 'mnemonic'), 'utf8').trim(), { addressIndex: 0 });
  const jwt = await walletSession(platformUrl, account);
  const transport = http(`${platformUrl}/v4/chain/rpc`, { fetchOptions: { headers: { authorization: `Bearer ${jwt}` } }, retryCount: 0 });
  const wallet = createWalletClient({ account, transport });
  const reader = createPublicClient({ transport, pollingInterval: 100 });
  const governor = chain.contracts.GuandanGovernor;
  const targets = [chain.contracts.Staking] as `0x${string}`[];
  const values = [0n];
  const calldatas = [encodeFunctionData({ abi: GOVERNANCE_ABI, functionName: 'setRewardRate', args: [parseUnits('0.2', 18)] })];
  const send = async (hash: Promise<`0x${string}`>) => {
    const receipt = await reader.waitForTransactionReceipt({ hash: await hash });
    if (receipt.status !== 'success') throw new Error(`transaction ${receipt.transactionHash} reverted`);
  };
  const proposalId = () =>
    reader.readContract({ address: governor as `0x${string}`, abi: GOVERNANCE_ABI, functionName: 'hashProposal', args: [targets, values, calldatas, keccak256(toHex(DESCRIPTION))] });

  const delegateToSelf = () =>
    send(wallet.writeContract({ chain: null, address: chain.contracts.GuanToken as `0x${string}`, abi: GOVERNANCE_ABI, functionName: 'delegate', args: [account.address] }));

  return {
    /** Delegates the holder's GUAN to itself (votes count only once delegated), then proposes. */
    async propose(): Promise<void> {
      await delegateToSelf();
      await send(wallet.writeContract({ chain: null, address: governor as `0x${string}`, abi: GOVERNANCE_ABI, functionName: 'propose', args: [targets, values, calldatas, DESCRIPTION] }));
    },
    /**
     * Votes for, after mining a block or two if voting has not opened yet (the local voting delay is one block): a
     * delegation again mines one, a call to a platform contract being all the relay passes.
     */
    async voteFor(): Promise<void> {
      const id = await proposalId();
      for (let tries = 0; (await reader.readContract({ address: governor as `0x${string}`, abi: GOVERNANCE_ABI, functionName: 'state', args: [id] })) !== ACTIVE; tries++) {
        if (tries === 5) throw new Error('the proposal never became active');
        await delegateToSelf();
      }
      await send(wallet.writeContract({ chain: null, address: governor as `0x${string}`, abi: GOVERNANCE_ABI, functionName: 'castVote', args: [id, 1] }));
    },
  };
}
