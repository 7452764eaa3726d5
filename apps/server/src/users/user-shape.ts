import type { PublicUser, User, Wallet } from '@guandan/protocol';
import type { Selectable } from 'kysely';
import type { UsersTable } from '../platform/db/schema.js';

export type UserRow = Selectable<UsersTable>;

/** A user as the API shows it to its owner, with their game coins: never the password hash. */
export function toUser(row: UserRow, coins: number): User {
  return {
    user_id: row.id,
    email: row.email,
    username: row.username,
    avatar_url: row.avatar_url,
    wallet_address: row.wallet_address,
    game_coin_balance: coins,
    total_wins: row.total_wins,
    total_losses: row.total_losses,
    total_score: row.total_score,
    is_guest: row.is_guest === 1,
    created_at: row.created_at,
    last_login: row.last_login,
    birth_date: row.birth_date,
  };
}

/** A user as other players see them. */
export function toPublicUser(row: UserRow): PublicUser {
  return {
    user_id: row.id,
    username: row.username,
    avatar_url: row.avatar_url,
    total_wins: row.total_wins,
    total_losses: row.total_losses,
    total_score: row.total_score,
  };
}

/** The user's wallet, or null when none is linked. */
export function toWallet(row: UserRow): Wallet | null {
  return row.wallet_address === null ? null : { wallet_address: row.wallet_address, wallet_type: row.wallet_type };
}
