import { BirthDateBodySchema, PublicUserSchema, UpdateMeBodySchema, UserSchema, UuidSchema } from '@guandan/protocol';
import { z } from 'zod';
import { route } from '../http/api.js';
import type { UsersService } from './users-service.js';

const UserParamsSchema = z.strictObject({ userId: UuidSchema });

export function usersRoutes(users: UsersService) {
  return [
    route({
      method: 'GET',
      path: '/users/me',
      summary: 'The signed-in user',
      tag: 'users',
      auth: true,
      response: UserSchema,
      handler: async ({ user }) => users.get(user.userId),
    }),
    route({
      method: 'PATCH',
      path: '/users/me',
      summary: 'Change the username or avatar',
      tag: 'users',
      auth: true,
      body: UpdateMeBodySchema,
      response: UserSchema,
      handler: async ({ user, body }) => users.updateProfile(user.userId, body),
    }),
    route({
      method: 'PUT',
      path: '/users/me/birth-date',
      summary: 'Give the date of birth once (an account made without one: a guest, a wallet); buying needs it',
      tag: 'users',
      auth: true,
      body: BirthDateBodySchema,
      response: UserSchema,
      handler: async ({ user, body }) => users.setBirthDate(user.userId, body.birth_date),
    }),
    route({
      method: 'GET',
      path: '/users/:userId',
      summary: "A user's public profile",
      tag: 'users',
      auth: true,
      params: UserParamsSchema,
      response: PublicUserSchema,
      handler: async ({ params }) => users.getPublic(params.userId),
    }),
  ];
}
