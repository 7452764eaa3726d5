import { type ChainAddresses } from '@guandan/contracts';
import { ProtocolError } from '@guandan/protocol';
import { type Address, getAddress, isHex, parseTransaction, recoverTransactionAddress, type TransactionSerialized } from 'viem';

/** The platform's contracts: the only places a relayed transaction may go. */
export function platformContracts(addresses: ChainAddresses): ReadonlySet<Address> {
  const { chainId: _chainId, deployBlock: _deployBlock, ...contracts } = addresses;
  return new Set(Object.values(contracts).map((address) => getAddress(address)));
}

/**
 * Lets a signed transaction through the relay only when the caller's own linked wallet signed it and it calls one
 * of the platform's contracts. Anyone else's signature (a leaked or public key's, another player's) and any other
 * target (a transfer out, a contract creation) is refused before the chain sees it.
 */
export async function checkRelayedTransaction(raw: unknown, wallet: Address, contracts: ReadonlySet<Address>): Promise<void> {
  if (typeof raw !== 'string' || !isHex(raw)) throw new ProtocolError('BAD_REQUEST', 'params[0]: a signed transaction, 0x-hex');
  let sender: Address;
  let to: Address | null | undefined;
  try {
    const serialized = raw as TransactionSerialized;
    to = parseTransaction(serialized).to;
    sender = await recoverTransactionAddress({ serializedTransaction: serialized });
  } catch {
    throw new ProtocolError('BAD_REQUEST', 'params[0]: not a signed transaction');
  }
  if (getAddress(sender) !== wallet) throw new ProtocolError('RELAY_SENDER_REFUSED', 'only transactions signed by your own linked wallet are relayed');
  if (to === null || to === undefined) throw new ProtocolError('RELAY_TARGET_REFUSED', 'contract creation is not relayed');
  if (!contracts.has(getAddress(to))) throw new ProtocolError('RELAY_TARGET_REFUSED', `${to} is not one of the platform's contracts`);
}
