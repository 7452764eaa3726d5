import type { GameRoom } from '@guandan/protocol';
import type { RealtimeClient, RestClient } from '@guandan/sdk';
import { useEffect, useState } from 'react';

/** How often the room is read again, in case a realtime message was missed while the socket (re)connected. */
const POLL_MS = 2500;

/**
 * The room as it changes: ROOM_UPDATE / PLAYER_JOINED / PLAYER_LEFT on the realtime connection (the server sends
 * them to every person seated, no subscription needed), with a slow REST poll as a safety net. `started` turns
 * true once the room is playing or the first view of its table arrives.
 */
export function useRoomUpdates(rest: RestClient, realtime: RealtimeClient, initial: GameRoom): { room: GameRoom; started: boolean; setRoom: (room: GameRoom) => void } {
  const [room, setRoom] = useState(initial);
  const [tableSeen, setTableSeen] = useState(false);
  const roomId = initial.room_id;

  useEffect(() => {
    let alive = true;
    const refetch = () =>
      rest
        .room(roomId)
        .then((fresh) => alive && setRoom(fresh))
        .catch(() => undefined);
    const offs = [
      realtime.on('ROOM_UPDATE', (message) => {
        if (message.payload.roomId === roomId) setRoom(message.payload.room);
      }),
      realtime.on('PLAYER_JOINED', (message) => {
        if (message.payload.roomId !== roomId) return;
        if (message.payload.room !== undefined) setRoom(message.payload.room);
        else void refetch();
      }),
      realtime.on('PLAYER_LEFT', (message) => {
        if (message.payload.roomId !== roomId) return;
        if (message.payload.room !== undefined) setRoom(message.payload.room);
        else void refetch();
      }),
      realtime.on('GAME_STATE_UPDATE', (message) => {
        if (message.payload.roomId === roomId) setTableSeen(true);
      }),
    ];
    const timer = setInterval(() => void refetch(), POLL_MS);
    return () => {
      alive = false;
      clearInterval(timer);
      for (const off of offs) off();
    };
  }, [rest, realtime, roomId]);

  return { room, started: tableSeen || room.status === 'playing', setRoom };
}
