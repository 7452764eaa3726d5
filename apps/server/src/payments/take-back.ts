/**
 * The coins a refund takes back: the purchase's coins in proportion to the money refunded so far, rounded up (a
 * player never keeps a coin of a refunded cent), never more than the purchase gave. Exact in integers.
 */
export function coinsToTakeBack(coins: number, amountMinor: number, refundedMinor: number): number {
  if (amountMinor <= 0 || refundedMinor >= amountMinor) return coins;
  if (refundedMinor <= 0) return 0;
  const share = (BigInt(coins) * BigInt(refundedMinor) + BigInt(amountMinor) - 1n) / BigInt(amountMinor);
  return Number(share);
}
