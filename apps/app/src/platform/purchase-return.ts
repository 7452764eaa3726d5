import type { PurchaseReturn } from '../shop/purchase-return';

/** On phones the payment page opens in the browser and nothing comes back to the app's address: no return to read. */
export function launchPurchaseReturn(): PurchaseReturn | null {
  return null;
}
