import { ChainInfoSchema } from '@guandan/protocol';
import { createPublicClient, createWalletClient, encodeFunctionData, http, keccak256, parseAbi, parseUnits, toHex } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';

/**
 * anvil's public development mnemonic: account 0 deployed the contracts on the local chain and holds every GUAN
 * (docs/CHAIN.md). Never a key for anything else.
 */
const DEV_MNEMONIC = 'test test test test test test test test test test test junk';

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

/**
 * The GUAN holder's side of the DAO, for the browser test to have a proposal to show and vote on: it delegates its
 * votes, proposes, and (once voting opens) votes for. It reaches the local chain the way the app's dev wallet does,
 * through the server's relay with a player's session (viem's http transport with the JWT in fetchOptions).
 */
export async function guanHolder(platformUrl: string, jwt: string) {
  const chain = ChainInfoSchema.parse(await (await fetch(`${platformUrl}/v4/chain`)).json());
  const transport = http(`${platformUrl}/v4/chain/rpc`, { fetchOptions: { headers: { authorization: `Bearer ${jwt}` } }, retryCount: 0 });
  const account = mnemonicToAccount(DEV_MNEMONIC, { addressIndex: 0 });
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

  return {
    /** Delegates the holder's GUAN to itself (votes count only once delegated), then proposes. */
    async propose(): Promise<void> {
      await send(wallet.writeContract({ chain: null, address: chain.contracts.GuanToken as `0x${string}`, abi: GOVERNANCE_ABI, functionName: 'delegate', args: [account.address] }));
      await send(wallet.writeContract({ chain: null, address: governor as `0x${string}`, abi: GOVERNANCE_ABI, functionName: 'propose', args: [targets, values, calldatas, DESCRIPTION] }));
    },
    /** Votes for, after mining a block or two if voting has not opened yet (the local voting delay is one block). */
    async voteFor(): Promise<void> {
      const id = await proposalId();
      for (let tries = 0; (await reader.readContract({ address: governor as `0x${string}`, abi: GOVERNANCE_ABI, functionName: 'state', args: [id] })) !== ACTIVE; tries++) {
        if (tries === 5) throw new Error('the proposal never became active');
        await send(wallet.sendTransaction({ chain: null, to: account.address, value: 0n }));
      }
      await send(wallet.writeContract({ chain: null, address: governor as `0x${string}`, abi: GOVERNANCE_ABI, functionName: 'castVote', args: [id, 1] }));
    },
  };
}
