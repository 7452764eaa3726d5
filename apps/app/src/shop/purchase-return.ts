/** The player is back from the payment page: which purchase, and whether they cancelled it there. */
export interface PurchaseReturn {
  purchaseId: string;
  cancelled: boolean;
}

/** The query the provider sends the player back with (`?purchase=<id>`, `&cancelled=1` when cancelled). */
const PURCHASE = 'purchase';
const CANCELLED = 'cancelled';
const PURCHASE_ID = /^[0-9a-f-]{36}$/i;

/** The return in a page's query (`location.search`), or null when the page was not opened by the provider. */
export function readPurchaseReturn(search: string): PurchaseReturn | null {
  const query = new URLSearchParams(search);
  const purchaseId = query.get(PURCHASE);
  if (purchaseId === null || !PURCHASE_ID.test(purchaseId)) return null;
  return { purchaseId, cancelled: query.get(CANCELLED) === '1' };
}

/** The query without the return's parameters ("" when nothing else is left), for the address once it is read. */
export function searchWithoutReturn(search: string): string {
  const query = new URLSearchParams(search);
  query.delete(PURCHASE);
  query.delete(CANCELLED);
  const rest = query.toString();
  return rest === '' ? '' : `?${rest}`;
}
