import { z } from 'zod';
import { UuidSchema } from './common.js';
import { GameModeSchema, GameRecordSchema, LedgerEntrySchema } from './rest.js';

const Timestamp = z.iso.datetime().meta({ description: 'ISO 8601, UTC' });

/**
 * Who may do what on the operator side, lowest first: each role may do everything the roles before it may.
 * A moderator works reports, mutes and suspends; an operator also bans, signs players out, corrects coins and
 * watches tables; an admin also grants roles.
 */
export const STAFF_ROLES = ['player', 'moderator', 'operator', 'admin'] as const;
export const StaffRoleSchema = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRoleSchema>;

/** Whether `role` carries at least the powers of `needed`. */
export function roleAtLeast(role: StaffRole, needed: StaffRole): boolean {
  return STAFF_ROLES.indexOf(role) >= STAFF_ROLES.indexOf(needed);
}

/** A reason an operator gives for an action: it is written to the audit log with the action. */
export const ReasonSchema = z.string().trim().min(3).max(500);

export const AdminPageQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  per_page: z.coerce.number().int().min(1).max(100).default(25),
});

/** A page of a list: the rows and how many there are in all. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.int() });
}

export const SANCTION_KINDS = ['mute', 'suspend', 'ban'] as const;
export const SanctionKindSchema = z.enum(SANCTION_KINDS);
export type SanctionKind = z.infer<typeof SanctionKindSchema>;

export const SanctionSchema = z
  .object({
    sanction_id: UuidSchema,
    user_id: UuidSchema,
    kind: SanctionKindSchema,
    reason: z.string(),
    imposed_by: UuidSchema.nullable(),
    created_at: Timestamp,
    ends_at: Timestamp.nullable().meta({ description: 'null: until lifted' }),
    lifted_at: Timestamp.nullable(),
    lifted_by: UuidSchema.nullable(),
    lift_reason: z.string().nullable(),
  })
  .meta({ id: 'Sanction' });

/** What is in force on an account now. */
export const StandingSchema = z
  .object({
    muted: z.boolean(),
    muted_until: Timestamp.nullable().meta({ description: 'when the mute ends; null while muted: until lifted' }),
    suspended: z.boolean(),
    suspended_until: Timestamp.nullable(),
    banned: z.boolean(),
  })
  .meta({ id: 'Standing' });

export const AdminUserSchema = z
  .object({
    user_id: UuidSchema,
    username: z.string(),
    email: z.string().nullable(),
    wallet_address: z.string().nullable(),
    is_guest: z.boolean(),
    created_at: Timestamp,
    last_login: Timestamp.nullable(),
    game_coin_balance: z.int(),
    role: StaffRoleSchema,
    standing: StandingSchema,
  })
  .meta({ id: 'AdminUser' });

export const SignInSchema = z
  .object({ at: Timestamp, method: z.string(), address: z.string().nullable(), user_agent: z.string().nullable(), device_id: z.string().nullable() })
  .meta({ id: 'SignIn' });

export const AdminUserDetailSchema = AdminUserSchema.extend({
  total_wins: z.int(),
  total_losses: z.int(),
  total_score: z.int(),
  rating: z.number().nullable(),
  rated_games: z.int(),
  active_sessions: z.int().meta({ description: 'refresh tokens still live' }),
  sign_ins: z.array(SignInSchema).meta({ description: 'the latest sign-ins, newest first' }),
  addresses: z.array(z.object({ address: z.string(), sign_ins: z.int(), last_seen: Timestamp })),
  sanctions: z.array(SanctionSchema),
}).meta({ id: 'AdminUserDetail' });

export const AdminUsersQuerySchema = AdminPageQuerySchema.extend({
  q: z.string().trim().max(200).optional().meta({ description: 'a name, an email, a wallet address or a user id (or the start of one)' }),
  role: StaffRoleSchema.exclude(['player']).optional().meta({ description: 'only staff of this role' }),
  standing: z.enum(['muted', 'suspended', 'banned']).optional(),
});

export const UserIdParamsSchema = z.strictObject({ userId: UuidSchema });

export const SanctionBodySchema = z
  .strictObject({
    kind: SanctionKindSchema,
    reason: ReasonSchema,
    ends_at: Timestamp.nullable().default(null).meta({ description: 'required for a suspension; null for a mute or a ban until lifted' }),
  })
  .refine((body) => body.kind !== 'suspend' || body.ends_at !== null, { message: 'a suspension needs ends_at', path: ['ends_at'] })
  .refine((body) => body.ends_at === null || Date.parse(body.ends_at) > Date.now(), { message: 'ends_at must be in the future', path: ['ends_at'] });

export const SanctionParamsSchema = z.strictObject({ userId: UuidSchema, sanctionId: UuidSchema });
export const ReasonBodySchema = z.strictObject({ reason: ReasonSchema });

export const CoinCorrectionBodySchema = z.strictObject({
  amount: z
    .int()
    .min(-1_000_000_000)
    .max(1_000_000_000)
    .refine((amount) => amount !== 0, 'a correction moves coins')
    .meta({ description: 'game coins to add (negative: to take)' }),
  reason: ReasonSchema,
  idempotency_key: UuidSchema.meta({ description: 'one per correction the operator means: a retried request is applied once' }),
});
export const CoinCorrectionSchema = z.object({ applied: z.boolean(), balance: z.int() }).meta({ id: 'CoinCorrection' });

export const RoleBodySchema = z.strictObject({ role: StaffRoleSchema, reason: ReasonSchema });

export const AdminLedgerPageSchema = pageOf(LedgerEntrySchema);
export const AdminGamesPageSchema = pageOf(GameRecordSchema);

export const AuditEntrySchema = z
  .object({
    audit_id: z.int(),
    at: Timestamp,
    actor_id: UuidSchema.nullable().meta({ description: 'null: the command line' }),
    actor_name: z.string(),
    action: z.string(),
    target_type: z.string(),
    target_id: z.string(),
    reason: z.string(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
  })
  .meta({ id: 'AuditEntry' });

export const AuditQuerySchema = AdminPageQuerySchema.extend({
  actor_id: UuidSchema.optional(),
  target_id: z.string().max(100).optional(),
  action: z.string().max(60).optional(),
});
export const AuditExportQuerySchema = AuditQuerySchema.omit({ page: true, per_page: true }).extend({ format: z.enum(['csv', 'jsonl']).default('csv') });

export const AdminMeSchema = z.object({ user_id: UuidSchema, username: z.string(), role: StaffRoleSchema }).meta({ id: 'AdminMe' });

export type Sanction = z.infer<typeof SanctionSchema>;
export type Standing = z.infer<typeof StandingSchema>;
export type AdminUser = z.infer<typeof AdminUserSchema>;
export type AdminUserDetail = z.infer<typeof AdminUserDetailSchema>;
export type SignIn = z.infer<typeof SignInSchema>;
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export type AdminMe = z.infer<typeof AdminMeSchema>;

/** Why a player reports another. */
export const REPORT_CATEGORIES = ['cheating', 'abuse', 'name', 'other'] as const;
export const ReportCategorySchema = z.enum(REPORT_CATEGORIES);

/** A player's report of another player, from the table or from a replay. */
export const ReportBodySchema = z.strictObject({
  user_id: UuidSchema.meta({ description: 'the player reported' }),
  category: ReportCategorySchema,
  note: z.string().trim().max(500).default(''),
  game_id: UuidSchema.nullable().default(null).meta({ description: 'the game it happened in, if any' }),
  position: z.int().min(0).max(100_000).nullable().default(null).meta({ description: 'the replay position (action index) it points at' }),
});
export const ReportReceiptSchema = z.object({ case_id: UuidSchema, status: z.string() }).meta({ id: 'ReportReceipt' });

/** Where a case came from: a player's report, or a detector of the anti-cheat. */
export const CASE_SOURCES = ['report', 'anticheat', 'aml'] as const;
export const CASE_STATUSES = ['open', 'actioned', 'dismissed'] as const;
export const CaseStatusSchema = z.enum(CASE_STATUSES);

export const ChatLineSchema = z.object({ seq: z.int(), user_id: UuidSchema.nullable(), username: z.string(), text: z.string().nullable(), emoji: z.string().nullable(), at: Timestamp });

export const ModerationCaseSchema = z
  .object({
    case_id: UuidSchema,
    source: z.enum(CASE_SOURCES),
    category: z.string().meta({ description: 'a report category, or the detector that opened it' }),
    status: CaseStatusSchema,
    subject_ids: z.array(UuidSchema).meta({ description: 'the accounts the case is about' }),
    subject_names: z.array(z.string()),
    reporter_id: UuidSchema.nullable(),
    reporter_name: z.string().nullable(),
    note: z.string(),
    score: z.number().nullable().meta({ description: 'the detector\'s score, 0 to 1' }),
    game_id: UuidSchema.nullable(),
    position: z.int().nullable(),
    evidence: z.unknown().meta({ description: 'chat lines of the game, or the detector\'s figures' }),
    created_at: Timestamp,
    resolved_at: Timestamp.nullable(),
    resolved_by: UuidSchema.nullable(),
    outcome: z.string().nullable(),
  })
  .meta({ id: 'ModerationCase' });

export const CasesQuerySchema = AdminPageQuerySchema.extend({
  status: CaseStatusSchema.optional(),
  source: z.enum(CASE_SOURCES).optional(),
  subject_id: UuidSchema.optional(),
});
export const CaseParamsSchema = z.strictObject({ caseId: UuidSchema });
export const ResolveCaseBodySchema = z.strictObject({
  status: z.enum(['actioned', 'dismissed']),
  outcome: ReasonSchema.meta({ description: 'what was decided and done' }),
});

export type ReportCategory = z.infer<typeof ReportCategorySchema>;
export type ModerationCase = z.infer<typeof ModerationCaseSchema>;
export type ChatLine = z.infer<typeof ChatLineSchema>;

export const AdminTableSeatSchema = z.object({
  seat: z.int(),
  user_id: UuidSchema.nullable(),
  username: z.string(),
  bot_level: z.string().nullable(),
  auto_play: z.boolean(),
  quit: z.boolean(),
  cards_left: z.int(),
});

export const AdminTableSummarySchema = z
  .object({
    game_id: UuidSchema,
    room_id: UuidSchema,
    game_mode: z.string(),
    base_bet: z.int(),
    started_at: Timestamp,
    last_event_at: Timestamp.nullable(),
    events: z.int(),
    deal: z.int(),
    deals_completed: z.int(),
    levels: z.tuple([z.string(), z.string()]),
    stuck: z.boolean().meta({ description: 'nothing happened for longer than a turn can last' }),
    node: z.string().nullable().meta({ description: 'the server running the table; null when none does (its server stopped and none has taken it over yet)' }),
    status: z.enum(['playing', 'over', 'ended']).meta({ description: 'over: the match finished; ended: an operator ended it before' }),
    ended_reason: z.string().nullable().meta({ description: 'why an operator ended it (status ended)' }),
    seats: z.array(AdminTableSeatSchema),
  })
  .meta({ id: 'AdminTableSummary' });

export const AdminTablesQuerySchema = AdminPageQuerySchema.extend({
  mode: z.enum(['quick_match', 'custom', 'ranked']).optional(),
  stuck: z.enum(['true', 'false']).optional(),
  user_id: UuidSchema.optional().meta({ description: 'tables this account is seated at' }),
  node: z.string().max(100).optional().meta({ description: 'tables this server runs' }),
  min_age_minutes: z.coerce.number().int().min(0).max(525_600).optional().meta({ description: 'tables started at least this many minutes ago' }),
});

/** A table as only an operator sees it: every seat's view, each with its own hand. */
export const AdminTableSchema = AdminTableSummarySchema.extend({
  phase: z.string(),
  turn: z.int().nullable(),
  deadline: Timestamp.nullable(),
  hands: z.array(z.array(z.string())).meta({ description: 'every seat\'s hand, by seat' }),
  views: z.array(z.unknown()).meta({ description: 'what each seat is shown, by seat' }),
}).meta({ id: 'AdminTable' });

export const GameIdParamsSchema = z.strictObject({ gameId: UuidSchema });

/** What ending a table did: the deals that count (completed ones) and the levels the game stopped at. */
export const AdminTableEndedSchema = z
  .object({
    game_id: UuidSchema,
    deals_completed: z.int(),
    levels: z.tuple([z.string(), z.string()]),
    reason: z.string(),
  })
  .meta({ id: 'AdminTableEnded' });

export type AdminTableSummary = z.infer<typeof AdminTableSummarySchema>;
export type AdminTable = z.infer<typeof AdminTableSchema>;
export type AdminTableEnded = z.infer<typeof AdminTableEndedSchema>;

export const MintedDaySchema = z.object({
  day: z.string().meta({ description: 'UTC day, YYYY-MM-DD' }),
  confirmed_milli: z.int(),
  unconfirmed_milli: z.int().meta({ description: 'pending or being minted' }),
  failed_milli: z.int(),
  accounts: z.int(),
  accounts_at_cap: z.int().meta({ description: 'accounts whose rewards that day reached the daily cap' }),
});

export const CoinFlowDaySchema = z.object({
  day: z.string(),
  granted: z.int().meta({ description: 'starting coins of new accounts' }),
  won: z.int(),
  lost: z.int(),
  corrected: z.int().meta({ description: 'operator corrections, net' }),
  purchased: z.int().meta({ description: 'coins bought in the shop, net of what refunds and disputes took back' }),
});

export const RewardBatchSchema = z
  .object({
    batch_id: z.string(),
    status: z.enum(['open', 'confirmed', 'failed']),
    rewards: z.int(),
    amount_milli: z.int(),
    attempts: z.int(),
    last_error: z.string().nullable(),
    tx_hash: z.string().nullable(),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .meta({ id: 'RewardBatch' });

/** The DAO's treasury (the timelock holds it) as the chain says now; token amounts as decimal strings. */
export const TreasurySchema = z
  .object({
    status: z.enum(['read', 'chain_off', 'unreachable']).meta({ description: 'chain_off: the platform runs without a chain; unreachable: the chain did not answer' }),
    address: z.string().nullable(),
    play: z.string().nullable(),
    guan: z.string().nullable(),
    usdc: z.string().nullable(),
  })
  .meta({ id: 'Treasury' });

export const EconomyOverviewSchema = z
  .object({
    daily_cap_milli: z.int(),
    minted_by_day: z.array(MintedDaySchema).meta({ description: 'the last 30 days with rewards, newest first' }),
    minter: z.object({
      pending_rewards: z.int(),
      oldest_pending_at: Timestamp.nullable(),
      open_batches: z.int(),
      failed_batches: z.int(),
      last_confirmed_at: Timestamp.nullable(),
    }),
    indexer: z.array(z.object({ name: z.string(), next_block: z.int(), updated_at: Timestamp })),
    proposals: z.array(z.object({ proposal_id: z.string(), proposer: z.string(), description: z.string(), block: z.int() })),
    coins: z.object({ accounts: z.int(), supply: z.int(), flows_by_day: z.array(CoinFlowDaySchema) }),
    treasury: TreasurySchema,
  })
  .meta({ id: 'EconomyOverview' });

export const BatchesQuerySchema = AdminPageQuerySchema.extend({ status: z.enum(['open', 'confirmed', 'failed']).optional() });
export const BatchParamsSchema = z.strictObject({ batchId: z.string().regex(/^0x[0-9a-f]{64}$/).meta({ description: 'the on-chain batch id' }) });

export type EconomyOverview = z.infer<typeof EconomyOverviewSchema>;
export type Treasury = z.infer<typeof TreasurySchema>;
export type RewardBatch = z.infer<typeof RewardBatchSchema>;
export type MintedDay = z.infer<typeof MintedDaySchema>;
export type CoinFlowDay = z.infer<typeof CoinFlowDaySchema>;

export const AnticheatRunSchema = z
  .object({
    run_id: UuidSchema,
    started_at: Timestamp,
    finished_at: Timestamp.nullable(),
    games: z.int(),
    accounts: z.int(),
    signals: z.int().meta({ description: 'signals at or above the flag threshold' }),
    cases_opened: z.int().meta({ description: 'new cases (a signal seen before opens none)' }),
    error: z.string().nullable(),
  })
  .meta({ id: 'AnticheatRun' });

export type AnticheatRun = z.infer<typeof AnticheatRunSchema>;

/** A UTC calendar day, as the analytics routes take and give them. */
const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).meta({ description: 'a UTC day, YYYY-MM-DD' });

export const AnalyticsQuerySchema = z.strictObject({
  from: DaySchema.optional().meta({ description: 'the first day shown; 29 days before `to` by default' }),
  to: DaySchema.optional().meta({ description: 'the last day shown; today by default' }),
});

const Rate = z.number().nullable().meta({ description: 'a share between 0 and 1; null when nothing was counted' });

export const AnalyticsDaySchema = z
  .object({
    day: DaySchema,
    active_players: z.int().meta({ description: 'accounts that finished a game that day' }),
    new_players: z.int().meta({ description: 'accounts made that day' }),
    games: z.int(),
    games_by_mode: z.array(z.object({ game_mode: GameModeSchema, games: z.int() })),
    deals: z.int(),
    average_deal_ms: z.number().nullable(),
    average_match_ms: z.number().nullable(),
    abandonment_rate: Rate.meta({ description: "people's seats that quit, of all people's seats" }),
    auto_play_rate: Rate.meta({ description: "people's seats on 托管 when the game ended, of all people's seats" }),
    bot_seat_share: Rate.meta({ description: 'seats a bot filled, of all seats' }),
    coins_issued: z.int().meta({ description: 'game coins granted, won and bought' }),
    coins_spent: z.int().meta({ description: 'game coins lost (a positive number)' }),
    play_rewarded_milli: z.int().meta({ description: '$PLAY accrued as rewards, in thousandths' }),
  })
  .meta({ id: 'AnalyticsDay' });

export const RetentionCohortSchema = z
  .object({
    day: DaySchema.meta({ description: 'the sign-up day' }),
    size: z.int(),
    day_1: Rate.meta({ description: 'share that played on the day after signing up; null until that day has passed' }),
    day_7: Rate,
    day_30: Rate,
  })
  .meta({ id: 'RetentionCohort' });

export const AnalyticsReportSchema = z
  .object({
    from: DaySchema,
    to: DaySchema,
    days: z.array(AnalyticsDaySchema),
    active: z.object({ daily: z.int(), weekly: z.int(), monthly: z.int() }).meta({ description: 'distinct players in the 1, 7 and 30 days ending `to`' }),
    cohorts: z.array(RetentionCohortSchema),
    funnel: z
      .object({ signed_up: z.int(), first_game: z.int(), ten_games: z.int(), wallet_linked: z.int(), first_reward: z.int() })
      .meta({ description: 'of the accounts made between `from` and `to`, how many reached each step (by now)' }),
  })
  .meta({ id: 'AnalyticsReport' });

export type AnalyticsDay = z.infer<typeof AnalyticsDaySchema>;
export type RetentionCohort = z.infer<typeof RetentionCohortSchema>;
export type AnalyticsReport = z.infer<typeof AnalyticsReportSchema>;
