import type { Session } from '@guandan/protocol';
import { RealtimeClient, RestClient } from '@guandan/sdk';
import WebSocket from 'ws';
import type { SocketLike } from '@guandan/sdk';
import type { TestServer } from './server.js';

export interface TestPlayer {
  rest: RestClient;
  realtime: RealtimeClient;
  session: Session;
  userId: string;
  /** Every message this player's connection received, in order. */
  received: import('@guandan/protocol').AnyServerMessage[];
}

let counter = 0;
const open = new Set<RealtimeClient>();

/** Closes every realtime client the tests opened (a client left open would keep reconnecting). */
export function closeAllPlayers(): void {
  for (const client of open) client.close();
  open.clear();
}

/** A guest signed in over REST with an open realtime connection (Node's `ws` as the socket). */
export async function connectedPlayer(t: Pick<TestServer, 'url' | 'wsUrl'>, name = 'p'): Promise<TestPlayer> {
  counter++;
  const rest = new RestClient({ baseUrl: t.url });
  const session = await rest.guest(`${name}-${process.pid % 1000}-${counter}`);
  const realtime = new RealtimeClient({
    url: t.wsUrl,
    token: () => rest.accessToken,
    socket: (url) => new WebSocket(url) as unknown as SocketLike,
    reconnect: { minDelayMs: 50, maxDelayMs: 500 },
    idPrefix: name,
  });
  open.add(realtime);
  const received: TestPlayer['received'] = [];
  realtime.on('*', (message) => received.push(message));
  await realtime.connect();
  return { rest, realtime, session, userId: session.user.user_id, received };
}

/** A connected guest who has given a date of birth of age (buying needs one). */
export async function connectedAdult(t: Pick<TestServer, 'url' | 'wsUrl'>, name = 'p'): Promise<TestPlayer> {
  const player = await connectedPlayer(t, name);
  await player.rest.setBirthDate('1990-04-01');
  return player;
}
