import { FriendRequestBodySchema, FriendSchema, UuidSchema } from '@guandan/protocol';
import { z } from 'zod';
import { route } from '../http/api.js';
import type { FriendsService } from './friends-service.js';

const OtherUserParamsSchema = z.strictObject({ userId: UuidSchema });

export function friendsRoutes(friends: FriendsService) {
  const common = { tag: 'friends', auth: true } as const;
  return [
    route({
      ...common,
      method: 'GET',
      path: '/friends',
      summary: 'Friends and open friend requests, with who is online',
      response: z.array(FriendSchema),
      handler: async ({ user }) => friends.list(user.userId),
    }),
    route({
      ...common,
      method: 'POST',
      path: '/friends/requests',
      summary: 'Ask a user (by id or username) to be friends; accepts their request if they asked first',
      body: FriendRequestBodySchema,
      response: FriendSchema,
      handler: async ({ user, body }) => friends.request(user.userId, body),
    }),
    route({
      ...common,
      method: 'POST',
      path: '/friends/requests/:userId/accept',
      summary: "Accept a user's friend request",
      params: OtherUserParamsSchema,
      response: FriendSchema,
      handler: async ({ user, params }) => friends.accept(user.userId, params.userId),
    }),
    route({
      ...common,
      method: 'POST',
      path: '/friends/requests/:userId/decline',
      summary: "Decline a user's friend request",
      params: OtherUserParamsSchema,
      status: 204,
      response: null,
      handler: async ({ user, params }) => friends.decline(user.userId, params.userId),
    }),
    route({
      ...common,
      method: 'DELETE',
      path: '/friends/:userId',
      summary: 'Stop being friends',
      params: OtherUserParamsSchema,
      status: 204,
      response: null,
      handler: async ({ user, params }) => friends.remove(user.userId, params.userId),
    }),
  ];
}
