/** An address or a transaction hash cut to its ends ("0x1234…abcd"): enough to recognise, short enough for a row. */
export function shortHex(hex: string, keep = 4): string {
  if (!/^0x[0-9a-fA-F]+$/.test(hex) || hex.length <= 2 + keep * 2 + 1) return hex;
  return `${hex.slice(0, 2 + keep)}…${hex.slice(-keep)}`;
}
