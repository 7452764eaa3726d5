/** ws(s)://host/v4/realtime for an http(s) origin. */
export function realtimeUrl(origin: string): string {
  return `${origin.replace(/^http/, 'ws')}/v4/realtime`;
}
