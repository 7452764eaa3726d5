import { readPurchaseReturn, type PurchaseReturn, searchWithoutReturn } from '../shop/purchase-return';

/**
 * Read once as the app loads, then taken off the address, so that a reload or a shared link does not announce the
 * payment again.
 */
const launched = readPurchaseReturn(window.location.search);
if (launched !== null) {
  const { pathname, search, hash } = window.location;
  window.history.replaceState(window.history.state, '', `${pathname}${searchWithoutReturn(search)}${hash}`);
}

/** The purchase the payment page sent the player back for, if the app was opened that way. */
export function launchPurchaseReturn(): PurchaseReturn | null {
  return launched;
}
