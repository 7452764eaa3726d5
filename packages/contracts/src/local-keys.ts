import { english, generateMnemonic, type HDAccount, mnemonicToAccount } from 'viem/accounts';

/**
 * A fresh random BIP-39 mnemonic for a local chain. Every local chain gets its own: anvil's built-in one is public,
 * and whoever knows a chain's mnemonic holds its deployer and reward keys.
 */
export function newLocalMnemonic(): string {
  return generateMnemonic(english);
}

/** The account a local chain's mnemonic derives at `index` (anvil funds 0 to 9 with ether). */
export function mnemonicAccount(mnemonic: string, index: number): HDAccount {
  return mnemonicToAccount(mnemonic, { addressIndex: index });
}
