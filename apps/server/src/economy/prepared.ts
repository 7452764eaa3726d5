import type { PreparedTransactions } from '@guandan/protocol';
import { type Abi, type Address, type ContractFunctionArgs, type ContractFunctionName, encodeFunctionData, erc20Abi } from 'viem';
import type { ChainRuntime } from './chain-runtime.js';

type Step = PreparedTransactions['transactions'][number];

/** One contract call for the player's wallet to sign, described for the person approving it. */
export function call<const A extends Abi, N extends ContractFunctionName<A, 'nonpayable' | 'payable'>>(
  to: Address,
  abi: A,
  functionName: N,
  args: ContractFunctionArgs<A, 'nonpayable' | 'payable', N>,
  description: string,
): Step {
  return { to, data: encodeFunctionData({ abi, functionName, args } as never), value: '0', description };
}

/** An `approve` first when the wallet has not allowed `spender` to take `amount` of `token`. */
export async function approvalIfNeeded(chain: ChainRuntime, token: Address, owner: Address, spender: Address, amount: bigint, description: string): Promise<Step[]> {
  const allowed = await chain.link.reader.readContract({ address: token, abi: erc20Abi, functionName: 'allowance', args: [owner, spender] });
  return allowed >= amount ? [] : [call(token, erc20Abi, 'approve', [spender, amount], description)];
}

export function prepared(chain: ChainRuntime, from: Address, transactions: Step[]): PreparedTransactions {
  return { chain_id: chain.addresses.chainId, from, transactions };
}
