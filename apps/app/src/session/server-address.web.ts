/** On the web the app is served by the game server itself, so the API is on the page's own origin. */
export function serverOrigin(): string {
  return window.location.origin;
}
