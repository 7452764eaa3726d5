import { z } from 'zod';
import { BotLevelSchema, RulesSchema, UuidSchema } from './common.js';
import { normalizeUsername, USERNAME_PROBLEM_CODES, USERNAME_PROBLEM_TEXT, usernameProblem } from './username.js';

const Timestamp = z.iso.datetime().meta({ description: 'ISO 8601, UTC' });

/**
 * The header a client sends its install's own random id in: not a fingerprint, an id the app made once and keeps.
 * Sign-ins record it, so operators and the anti-cheat see accounts that share a device.
 */
export const DEVICE_ID_HEADER = 'x-device-id';
export const DEVICE_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

export const EmailSchema = z.email().max(254).transform((email) => email.toLowerCase());
export const PasswordSchema = z.string().min(8).max(128);
/**
 * A username, normalised (NFKC, trimmed) and checked by the shared rule (`username.ts`); each refusal carries its
 * own error code in the issue's `params.errorCode`, which the server answers with.
 */
export const UsernameSchema = z
  .string()
  .max(256)
  .transform(normalizeUsername)
  .superRefine((name, context) => {
    const problem = usernameProblem(name);
    if (problem === null) return;
    context.addIssue({ code: 'custom', message: USERNAME_PROBLEM_TEXT[problem], params: { errorCode: USERNAME_PROBLEM_CODES[problem] } });
  })
  .meta({ description: `${USERNAME_PROBLEM_TEXT.length}; ${USERNAME_PROBLEM_TEXT.characters}; ${USERNAME_PROBLEM_TEXT['mixed-scripts']}. Compared without case` });

export const UserSchema = z
  .object({
    user_id: UuidSchema,
    email: z.string().nullable(),
    username: z.string(),
    avatar_url: z.string().nullable(),
    wallet_address: z.string().nullable(),
    game_coin_balance: z.int(),
    total_wins: z.int(),
    total_losses: z.int(),
    total_score: z.int(),
    is_guest: z.boolean(),
    created_at: Timestamp,
    last_login: Timestamp.nullable(),
    birth_date: z.string().nullable().meta({ description: 'YYYY-MM-DD, given at sign-up (or once later); never shown to others' }),
  })
  .meta({ id: 'User' });

/** What other players may see of a user. */
export const PublicUserSchema = UserSchema.pick({ user_id: true, username: true, avatar_url: true, total_wins: true, total_losses: true, total_score: true }).meta({
  id: 'PublicUser',
});

/** A date of birth, YYYY-MM-DD, a real day in the past. */
export const BirthDateSchema = z.iso.date().refine((day) => day <= new Date().toISOString().slice(0, 10) && day >= '1900-01-01', 'a date of birth in the past');

export const RegisterBodySchema = z.strictObject({ email: EmailSchema, password: PasswordSchema, username: UsernameSchema, birth_date: BirthDateSchema });
export const BirthDateBodySchema = z.strictObject({ birth_date: BirthDateSchema });
export const LoginBodySchema = z.strictObject({ email: EmailSchema, password: z.string().min(1).max(128) });
export const GuestBodySchema = z.strictObject({ username: UsernameSchema.optional() });
export const RefreshBodySchema = z.strictObject({ refresh_token: z.string().min(20).max(200) });
export const UpdateMeBodySchema = z
  .strictObject({ username: UsernameSchema, avatar_url: z.url({ protocol: /^https?$/ }).max(500).nullable() })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'nothing to change');

export const RegisterResponseSchema = z.object({ user: UserSchema });
export const SessionSchema = z
  .object({ jwt: z.string(), refresh_token: z.string(), expires_in: z.int().meta({ description: 'seconds the jwt is valid' }), user: UserSchema })
  .meta({ id: 'Session' });

export const WALLET_TYPES = ['metamask', 'walletconnect', 'magic'] as const;
export const WalletTypeSchema = z.enum(WALLET_TYPES).meta({ description: 'how the player reached the wallet' });
export const WalletAddressSchema = z
  .string()
  .regex(/^0x[0-9a-fA-F]{40}$/, 'an Ethereum address: 0x and 40 hex digits')
  .meta({ description: 'any case; a mixed-case address must carry a valid EIP-55 checksum. Answers are checksummed' });
export const SiweMessageSchema = z
  .string()
  .min(1)
  .max(2000)
  .meta({ description: 'the EIP-4361 message exactly as /auth/wallet/nonce returned it' });
/** 65 bytes (r, s, v) as personal_sign returns them: externally owned accounts only, no contract wallets. */
export const WalletSignatureSchema = z
  .string()
  .regex(/^0x[0-9a-fA-F]{130}$/, 'a 65-byte signature: 0x and 130 hex digits')
  .meta({ description: "the wallet's personal_sign signature of the message" });

export const WalletNonceBodySchema = z.strictObject({ address: WalletAddressSchema });
export const WalletNonceSchema = z
  .object({
    nonce: z.string(),
    message: z.string().meta({ description: 'the EIP-4361 message to sign, unchanged' }),
    expires_at: Timestamp,
  })
  .meta({ id: 'WalletNonce' });
export const WalletVerifyBodySchema = z.strictObject({
  message: SiweMessageSchema,
  signature: WalletSignatureSchema,
  wallet_type: WalletTypeSchema.optional().meta({ description: 'kept when this sign-in makes the account' }),
});
export const WalletConnectBodySchema = z.strictObject({
  wallet_type: WalletTypeSchema,
  wallet_address: WalletAddressSchema,
  message: SiweMessageSchema,
  signature: WalletSignatureSchema,
});
export const WalletSchema = z
  .object({ wallet_address: z.string(), wallet_type: WalletTypeSchema.nullable() })
  .meta({ id: 'Wallet' });
export const WalletResponseSchema = z.object({ wallet: WalletSchema.nullable() });

export const FriendSchema = z
  .object({
    user: PublicUserSchema,
    status: z.enum(['accepted', 'incoming', 'outgoing']),
    online: z.boolean(),
    since: Timestamp,
  })
  .meta({ id: 'Friend' });
export const FriendRequestBodySchema = z.strictObject({ user_id: UuidSchema.optional(), username: UsernameSchema.optional() }).refine(
  (body) => (body.user_id === undefined) !== (body.username === undefined),
  'give exactly one of user_id and username',
);

export const GAME_MODES = ['quick_match', 'custom', 'ranked'] as const;
export const GameModeSchema = z.enum(GAME_MODES);

export const MatchLengthSchema = z
  .union([z.literal('A'), z.int().min(1).max(50)])
  .meta({ description: 'a number of deals, or "A" to play until a team wins at A' });

export const RoomConfigSchema = z
  .strictObject({
    base_bet: z.int().min(0).max(10_000).default(0),
    max_players: z.literal(4).default(4),
    match_length: MatchLengthSchema.optional(),
    rules: RulesSchema.default({}),
    bot_level: BotLevelSchema.default('normal'),
  })
  .meta({ id: 'RoomConfig' });

export const CreateRoomBodySchema = z.strictObject({ game_mode: GameModeSchema, room_config: RoomConfigSchema.default(RoomConfigSchema.parse({})) });

export const RoomPlayerSchema = z
  .object({
    seat: z.int().min(0).max(3),
    user_id: UuidSchema.nullable(),
    username: z.string(),
    is_bot: z.boolean(),
    bot_level: BotLevelSchema.nullable(),
    ready: z.boolean(),
    connected: z.boolean(),
  })
  .meta({ id: 'RoomPlayer' });

export const ROOM_STATUSES = ['waiting', 'playing', 'finished'] as const;

export const GameRoomSchema = z
  .object({
    room_id: UuidSchema,
    game_mode: GameModeSchema,
    players: z.array(RoomPlayerSchema),
    status: z.enum(ROOM_STATUSES),
    room_config: z.object({
      base_bet: z.int(),
      max_players: z.literal(4),
      match_length: MatchLengthSchema,
      rules: RulesSchema,
      bot_level: BotLevelSchema,
    }),
    invite_code: z.string().nullable(),
    creator_id: UuidSchema.nullable(),
    game_id: UuidSchema.nullable(),
    created_at: Timestamp,
    /** When bots take the open seats of a waiting quick-match or ranked room; null otherwise. */
    bot_fill_at: Timestamp.nullable().optional(),
  })
  .meta({ id: 'GameRoom' });

export const JoinByCodeBodySchema = z.strictObject({ invite_code: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{6}$/) });
export const SeatBotBodySchema = z.strictObject({ seat: z.int().min(0).max(3), bot_level: BotLevelSchema.nullable() });

export const RankingEntrySchema = z
  .object({ rank: z.int(), user_id: UuidSchema, username: z.string(), score: z.int(), wins: z.int() })
  .meta({ id: 'RankingEntry' });
export const RankingQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(100),
  period: z
    .string()
    .regex(/^\d{4}-(W\d{2}|\d{2})$/)
    .optional()
    .meta({ description: 'a past window: 2026-W48 (weekly) or 2026-11 (monthly); the current one by default' }),
});

export const DealRecordSchema = z.object({
  number: z.int(),
  level: z.string(),
  order: z.array(z.int()),
  winning_team: z.int(),
  rise: z.int(),
  levels: z.tuple([z.string(), z.string()]),
});

export const GameRecordSchema = z
  .object({
    game_id: UuidSchema,
    room_id: UuidSchema,
    game_mode: GameModeSchema,
    players: z.array(z.object({ seat: z.int(), user_id: UuidSchema.nullable(), username: z.string(), is_bot: z.boolean(), team: z.int() })),
    winning_team: z.int().nullable(),
    deals: z.array(DealRecordSchema),
    started_at: Timestamp,
    ended_at: Timestamp,
    duration_ms: z.int(),
    ended_early: z
      .object({ reason: z.string() })
      .optional()
      .meta({ description: 'set when an operator ended the game before its match was over: only the completed deals count' }),
  })
  .meta({ id: 'GameRecord' });

export const ReplaySchema = z
  .object({
    record: GameRecordSchema,
    seed: z.string(),
    rules: z.record(z.string(), z.unknown()),
    actions: z.array(z.record(z.string(), z.unknown())).meta({ description: 'every engine action in order' }),
    deals: z.array(z.object({ number: z.int(), hands: z.array(z.array(z.string())), first_action: z.int() })).meta({
      description: 'every hand as dealt, and the index of the deal\'s first action',
    }),
  })
  .meta({ id: 'Replay' });

export const LedgerEntrySchema = z
  .object({ entry_id: z.string(), amount: z.int(), reason: z.string(), balance_after: z.int(), created_at: Timestamp })
  .meta({ id: 'LedgerEntry' });

export const RatingSchema = z.object({ user_id: UuidSchema, rating: z.number(), games: z.int() }).meta({ id: 'Rating' });

export const RANKING_BOARDS = ['global', 'weekly', 'monthly'] as const;
export const RankingBoardSchema = z.enum(RANKING_BOARDS);
export const RankingAroundMeQuerySchema = z.strictObject({
  period: RankingQuerySchema.shape.period,
  span: z.coerce.number().int().min(1).max(50).default(5).meta({ description: 'how many entries to show above and below the caller' }),
});
export const CoinBalanceSchema = z.object({ balance: z.int() }).meta({ id: 'CoinBalance' });

export type User = z.infer<typeof UserSchema>;
export type PublicUser = z.infer<typeof PublicUserSchema>;
export type Session = z.infer<typeof SessionSchema>;
export type Friend = z.infer<typeof FriendSchema>;
export type WalletType = z.infer<typeof WalletTypeSchema>;
export type Wallet = z.infer<typeof WalletSchema>;
export type WalletNonce = z.infer<typeof WalletNonceSchema>;
export type GameMode = z.infer<typeof GameModeSchema>;
export type RoomConfig = z.infer<typeof RoomConfigSchema>;
export type RoomConfigInput = z.input<typeof RoomConfigSchema>;
export type GameRoom = z.infer<typeof GameRoomSchema>;
export type RoomPlayer = z.infer<typeof RoomPlayerSchema>;
export type RankingEntry = z.infer<typeof RankingEntrySchema>;
export type GameRecord = z.infer<typeof GameRecordSchema>;
export type Replay = z.infer<typeof ReplaySchema>;
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;
export type Rating = z.infer<typeof RatingSchema>;
