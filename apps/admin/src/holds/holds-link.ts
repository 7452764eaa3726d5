/** The holds page filtered to one account, open and lifted alike: where the player page sends an operator. */
export function holdsOfAccount(userId: string): { pathname: string; search: string } {
  return { pathname: '/holds', search: `?filter=${encodeURIComponent(JSON.stringify({ user_id: userId }))}` };
}
