import type { Purchase, Shop } from '@guandan/protocol';
import type { RestClient } from '@guandan/sdk';
import { useCallback, useEffect, useState } from 'react';
import { openExternal } from '../../platform/open-url';

/** The receipts shown: the newest ones. */
const RECEIPTS = 20;

export interface ShopData {
  shop: Shop | null;
  purchases: Purchase[] | null;
  /** The last failure (loading the shop, or starting a purchase), for its words. */
  error: unknown;
  /** The product whose checkout is being started. */
  buying: string | null;
  buy(productId: string): void;
  reloadPurchases(): void;
  /** Forgets the last failure, once what caused it was put right (a date of birth given). */
  clearError(): void;
}

/** What the shop sells, the player's receipts, and buying: a checkout, then off to the provider's payment page. */
export function useShop(rest: RestClient): ShopData {
  const [shop, setShop] = useState<Shop | null>(null);
  const [purchases, setPurchases] = useState<Purchase[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [buying, setBuying] = useState<string | null>(null);

  const reloadPurchases = useCallback(() => {
    rest
      .purchases(1, RECEIPTS)
      .then((page) => setPurchases(page.items))
      .catch(setError);
  }, [rest]);

  useEffect(() => {
    rest.shop().then(setShop).catch(setError);
    reloadPurchases();
  }, [rest, reloadPurchases]);

  const buy = useCallback(
    (productId: string) => {
      setBuying(productId);
      setError(null);
      rest
        .checkout(productId)
        .then((checkout) => openExternal(checkout.checkout_url))
        .catch(setError)
        .finally(() => setBuying(null));
    },
    [rest],
  );

  const clearError = useCallback(() => setError(null), []);

  return { shop, purchases, error, buying, buy, reloadPurchases, clearError };
}
