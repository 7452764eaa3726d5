import type { GameStatePayload, RoomConfigInput, ServerMessage } from '@guandan/protocol';
import { RealtimeClient, RestClient, type SocketLike } from '@guandan/sdk';
import type { ChildServer } from '@guandan/server/child-server';
import WebSocket from 'ws';

/** A guest signed in over the API with an open realtime connection: a player at a table, without a browser. */
export interface Guest {
  rest: RestClient;
  realtime: RealtimeClient;
  userId: string;
  username: string;
  /** The last view of the table this guest was sent. */
  lastView(): ServerMessage<'GAME_STATE_UPDATE'> | null;
}

const openClients = new Set<RealtimeClient>();
let counter = 0;

/** A guest with a realtime connection (Node 20 has no WebSocket: the `ws` package stands in). */
export async function connectedGuest(server: ChildServer, prefix: string): Promise<Guest> {
  counter += 1;
  const rest = new RestClient({ baseUrl: server.url });
  const session = await rest.guest(`${prefix}${Date.now().toString(36).slice(-4)}${counter}`);
  const realtime = new RealtimeClient({
    url: `${server.url.replace(/^http/, 'ws')}/v4/realtime`,
    token: () => rest.accessToken,
    socket: (url) => new WebSocket(url) as unknown as SocketLike,
    reconnect: { minDelayMs: 50, maxDelayMs: 500 },
    idPrefix: prefix,
  });
  openClients.add(realtime);
  let last: ServerMessage<'GAME_STATE_UPDATE'> | null = null;
  realtime.on('GAME_STATE_UPDATE', (message) => (last = message));
  await realtime.connect();
  return { rest, realtime, userId: session.user.user_id, username: session.user.username, lastView: () => last };
}

/** Closes every guest's connection (an open client keeps reconnecting, and keeps the test process alive). */
export function closeGuests(): void {
  for (const client of openClients) client.close();
  openClients.clear();
}

/** Whether a view asks its own seat to act now. */
function asksToAct(message: ServerMessage<'GAME_STATE_UPDATE'>): boolean {
  const { view } = message.payload as GameStatePayload;
  return view.actors.includes(view.seat) && view.phase !== 'over';
}

/** The next view that asks this guest to act, or the last one if it already does. */
export async function turnOf(guest: Guest, timeoutMs = 20_000): Promise<ServerMessage<'GAME_STATE_UPDATE'>> {
  const last = guest.lastView();
  if (last !== null && asksToAct(last)) return last;
  return guest.realtime.next('GAME_STATE_UPDATE', asksToAct, timeoutMs);
}

/**
 * Four guests in one custom room, as players make one: the first opens it, the others join by its invite code,
 * everyone is ready. Resolves once the table has dealt to all four, with the game's id.
 */
export async function customTable(guests: readonly Guest[], config: RoomConfigInput = { match_length: 1 }): Promise<string> {
  const [host, ...others] = guests;
  const dealt = Promise.all(guests.map((guest) => guest.realtime.next('GAME_STATE_UPDATE', () => true, 20_000)));
  const room = await host.rest.createRoom('custom', config);
  for (const guest of others) await guest.rest.joinByCode(room.invite_code as string);
  for (const guest of guests) await guest.rest.ready(room.room_id, true);
  const [first] = await dealt;
  return first.payload.gameId;
}

/** One guest alone in a quick match: bots fill the other seats (QUICK_MATCH_BOT_FILL_MS is short in tests). The game's id. */
export async function quickMatch(guest: Guest): Promise<string> {
  const dealt = guest.realtime.next('GAME_STATE_UPDATE', () => true, 20_000);
  await guest.rest.createRoom('quick_match');
  return (await dealt).payload.gameId;
}

/** Says something at the table, and resolves when `listener` has heard it (so it is in the table's chat log). */
export async function say(speaker: Guest, listener: Guest, text: string): Promise<void> {
  const heard = listener.realtime.next('CHAT_MESSAGE', (message) => message.payload.text === text);
  speaker.realtime.send('SEND_MESSAGE', { text });
  await heard;
}

/** Plays this guest's turn as a cautious player would: a pass when allowed, else the first legal play. */
export async function playOneTurn(guest: Guest): Promise<void> {
  const { payload } = await turnOf(guest);
  const { legal } = payload as GameStatePayload;
  if (legal.canPass) guest.realtime.send('PASS', {});
  else guest.realtime.send('PLAY_CARDS', { cards: legal.plays[0].cards, reading: { type: legal.plays[0].type, rank: legal.plays[0].rank } });
}

/** Hands the guest's seat to the server (托管): the table then plays it at the bots' pace. */
export function autoPlay(guest: Guest): void {
  guest.realtime.send('AUTO_PLAY', { on: true });
}
