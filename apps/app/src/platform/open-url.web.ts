/** Leaves the app for a page of another site (the payment page), in this tab: the site sends the player back here. */
export async function openExternal(url: string): Promise<void> {
  window.location.assign(url);
}
