import type { RealtimeClient, RestClient } from '@guandan/sdk';
import { useEffect, useState } from 'react';
import type { PurchaseReturn } from '../../shop/purchase-return';

/** What the shop says about the purchase the player came back from. */
export type ReturnState = { kind: 'cancelled' } | { kind: 'waiting' } | { kind: 'arrived'; coins: number; balance: number } | null;

/** How often the receipt is read while the coins have not come. */
const CHECK_MS = 3000;

/**
 * After the payment page: waiting for the coins, then "+N coins". They come with PURCHASE_COMPLETED; but the provider
 * often confirms the payment before this page has even loaded, and a message sent while the socket is down is not
 * sent again, so the receipt is read too until it is no longer pending. `onSettled` runs once it is.
 */
export function usePurchaseReturn(rest: RestClient, realtime: RealtimeClient, returned: PurchaseReturn | undefined, onSettled: () => void): ReturnState {
  const [state, setState] = useState<ReturnState>(() => (returned === undefined ? null : returned.cancelled ? { kind: 'cancelled' } : { kind: 'waiting' }));
  const purchaseId = returned !== undefined && !returned.cancelled ? returned.purchaseId : null;
  const givenUp = returned !== undefined && returned.cancelled ? returned.purchaseId : null;

  useEffect(() => {
    if (givenUp === null) return;
    // Closed at the provider, the checkout can no longer be paid and stops counting against the player's limits. It may
    // have been paid meanwhile (CONFLICT) or be gone: the receipts show what became of it either way.
    rest
      .cancelPurchase(givenUp)
      .catch(() => undefined)
      .finally(onSettled);
  }, [rest, givenUp, onSettled]);

  useEffect(() => {
    if (purchaseId === null) return;
    let over = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = (next: ReturnState) => {
      if (over) return;
      over = true;
      setState(next);
      onSettled();
    };
    const off = realtime.on('PURCHASE_COMPLETED', ({ payload }) => {
      if (payload.purchaseId === purchaseId) settle({ kind: 'arrived', coins: payload.coins, balance: payload.balance });
    });
    const check = async () => {
      const purchase = (await rest.purchases()).items.find((item) => item.purchase_id === purchaseId);
      if (purchase === undefined || purchase.status === 'pending') return;
      // Paid, or already refunded or failed: the receipts below say which.
      if (purchase.status !== 'paid') return settle(null);
      const me = await rest.me();
      settle({ kind: 'arrived', coins: purchase.coins, balance: me.game_coin_balance });
    };
    const poll = () => {
      check()
        .catch(() => undefined)
        .finally(() => {
          if (!over) timer = setTimeout(poll, CHECK_MS);
        });
    };
    poll();
    return () => {
      over = true;
      off();
      clearTimeout(timer);
    };
  }, [rest, realtime, purchaseId, onSettled]);

  return state;
}
