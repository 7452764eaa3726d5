/** Whether two addresses are the same account: the case of an address is only its EIP-55 checksum. */
export function sameAddress(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** A text as the 0x-hex bytes of its UTF-8, the form personal_sign takes its message in (EIP-1193 wallets). */
export function utf8Hex(text: string): `0x${string}` {
  let hex = '0x';
  for (const byte of new TextEncoder().encode(text)) hex += byte.toString(16).padStart(2, '0');
  return hex as `0x${string}`;
}

/** A non-negative integer as a JSON-RPC quantity (0x-hex, no leading zeros). */
export function quantity(value: bigint | number): `0x${string}` {
  return `0x${value.toString(16)}`;
}
