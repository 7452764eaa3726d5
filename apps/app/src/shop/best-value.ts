import type { Product } from '@guandan/protocol';

/**
 * The pack that gives the most coins for the money, to mark it: none when there is only one to choose from, or when
 * the packs are not all in one currency (their prices would not compare).
 */
export function bestValue(products: readonly Product[]): string | null {
  if (products.length < 2 || new Set(products.map((product) => product.currency)).size > 1) return null;
  let best: Product | null = null;
  for (const product of products) {
    // Coins per minor unit, compared by cross-multiplying: integers, no division.
    if (best === null || product.coins * best.price_minor > best.coins * product.price_minor) best = product;
  }
  return best?.product_id ?? null;
}
