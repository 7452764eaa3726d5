import type { Seat } from '@guandan/engine';
import {
  CreateRoomBodySchema,
  GameRoomSchema,
  JoinByCodeBodySchema,
  PageQuerySchema,
  SeatBotBodySchema,
  UuidSchema,
} from '@guandan/protocol';
import { z } from 'zod';
import { route } from '../http/api.js';
import type { RoomService } from './room-service.js';

const RoomParams = z.strictObject({ roomId: UuidSchema });
const ReadyBody = z.strictObject({ ready: z.boolean() });

export function roomRoutes(rooms: RoomService) {
  return [
    route({
      method: 'POST',
      path: '/game/rooms',
      summary: 'Create a custom room, or find a seat by quick match or ranked matchmaking',
      tag: 'rooms',
      auth: true,
      body: CreateRoomBodySchema,
      status: 201,
      response: GameRoomSchema,
      handler: async ({ user, body }) => rooms.view(await rooms.create(user.userId, body.game_mode, body.room_config), user.userId),
    }),
    route({
      method: 'GET',
      path: '/game/rooms',
      summary: 'Custom rooms waiting for players',
      tag: 'rooms',
      auth: true,
      query: PageQuerySchema,
      response: z.array(GameRoomSchema),
      handler: async ({ user, query }) => (await rooms.openCustomRooms(query.page, query.limit)).map((room) => rooms.view(room, user.userId)),
    }),
    route({
      method: 'GET',
      path: '/game/rooms/current',
      summary: 'The room I am in (waiting or playing), or null when I am in none',
      tag: 'rooms',
      auth: true,
      response: GameRoomSchema.nullable(),
      handler: async ({ user }) => {
        const room = await rooms.currentOrNull(user.userId);
        return room === null ? null : rooms.view(room, user.userId);
      },
    }),
    route({
      method: 'POST',
      path: '/game/rooms/join',
      summary: 'Join a custom room by its invite code',
      tag: 'rooms',
      auth: true,
      body: JoinByCodeBodySchema,
      response: GameRoomSchema,
      handler: async ({ user, body }) => rooms.view(await rooms.joinByCode(user.userId, body.invite_code), user.userId),
    }),
    route({
      method: 'GET',
      path: '/game/rooms/:roomId',
      summary: 'A room',
      tag: 'rooms',
      auth: true,
      params: RoomParams,
      response: GameRoomSchema,
      handler: async ({ user, params }) => rooms.view(await rooms.get(params.roomId), user.userId),
    }),
    route({
      method: 'POST',
      path: '/game/rooms/:roomId/join',
      summary: 'Join a listed custom room',
      tag: 'rooms',
      auth: true,
      params: RoomParams,
      response: GameRoomSchema,
      handler: async ({ user, params }) => rooms.view(await rooms.join(user.userId, params.roomId), user.userId),
    }),
    route({
      method: 'POST',
      path: '/game/rooms/:roomId/leave',
      summary: 'Leave a waiting room, or quit a game (a bot plays on)',
      tag: 'rooms',
      auth: true,
      params: RoomParams,
      status: 204,
      response: null,
      handler: async ({ user, params }) => rooms.leave(user.userId, params.roomId),
    }),
    route({
      method: 'POST',
      path: '/game/rooms/:roomId/ready',
      summary: 'Ready up (or not) in a custom room; the game starts when every seat is taken and ready',
      tag: 'rooms',
      auth: true,
      params: RoomParams,
      body: ReadyBody,
      response: GameRoomSchema,
      handler: async ({ user, params, body }) => rooms.view(await rooms.setReady(user.userId, body.ready, params.roomId), user.userId),
    }),
    route({
      method: 'PUT',
      path: '/game/rooms/:roomId/seats',
      summary: 'The creator puts a bot in an empty seat, or opens it again (bot_level null)',
      tag: 'rooms',
      auth: true,
      params: RoomParams,
      body: SeatBotBodySchema,
      response: GameRoomSchema,
      handler: async ({ user, params, body }) => rooms.view(await rooms.setSeatBot(user.userId, params.roomId, body.seat as Seat, body.bot_level), user.userId),
    }),
  ];
}
