import type { WalletType } from '@guandan/protocol';
import type { Generated } from 'kysely';

/**
 * The tables, as Kysely sees them. Portable between SQLite and PostgreSQL: ids are UUID text, times are ISO 8601
 * text (UTC), booleans are 0/1 integers and structured values are JSON text.
 */
export interface Database {
  users: UsersTable;
  refresh_tokens: RefreshTokensTable;
  login_failures: LoginFailuresTable;
  friendships: FriendshipsTable;
  rooms: RoomsTable;
  room_members: RoomMembersTable;
  game_tables: GameTablesTable;
  table_events: TableEventsTable;
  game_records: GameRecordsTable;
  game_participants: GameParticipantsTable;
  outbox: OutboxTable;
  processed_events: ProcessedEventsTable;
  coin_ledger: CoinLedgerTable;
  coin_balances: CoinBalancesTable;
  ratings: RatingsTable;
  leaderboard: LeaderboardTable;
  wallet_nonces: WalletNoncesTable;
  rewards: RewardsTable;
  reward_wallets: RewardWalletsTable;
  reward_batches: RewardBatchesTable;
  chain_events: ChainEventsTable;
  chain_cursors: ChainCursorsTable;
  sign_ins: SignInsTable;
  session_cutoffs: SessionCutoffsTable;
  sanctions: SanctionsTable;
  staff_roles: StaffRolesTable;
  audit_log: AuditLogTable;
  moderation_cases: ModerationCasesTable;
  case_subjects: CaseSubjectsTable;
  anticheat_runs: AnticheatRunsTable;
  analytics_player_days: AnalyticsPlayerDaysTable;
  analytics_days: AnalyticsDaysTable;
  analytics_game_days: AnalyticsGameDaysTable;
  analytics_accounts: AnalyticsAccountsTable;
  purchases: PurchasesTable;
  payment_events: PaymentEventsTable;
  payment_holds: PaymentHoldsTable;
  spending_limits: SpendingLimitsTable;
  self_exclusions: SelfExclusionsTable;
  kyc_checks: KycChecksTable;
  kyc_events: KycEventsTable;
}

/** A person's identity check for one tier with the provider (kyc domain). */
export interface KycChecksTable {
  user_id: string;
  /** 1 or 2. */
  tier: number;
  /** `sumsub`. */
  provider: string;
  applicant_id: string | null;
  /** The provider's verification level for this tier. */
  level: string;
  /** started, pending, approved, rejected or retry. */
  status: string;
  /** When the provider's latest applied event happened: an older one arriving late changes nothing. */
  event_at: string | null;
  updated_at: string;
}

/** A provider event applied: applied once, whatever the provider sends again. */
export interface KycEventsTable {
  provider: string;
  event_key: string;
  received_at: string;
}

/** A player's own limit on what they spend in the shop over a rolling period (payments domain). */
export interface SpendingLimitsTable {
  user_id: string;
  /** `day`, `week` or `month`: a rolling 24 hours, 7 days or 30 days. */
  period: string;
  /** In the shop's minor unit; null: no limit. */
  limit_minor: number | null;
  /** A raise (or removal: null) waiting out its cooling-off period, in force from `pending_from`. */
  pending_limit_minor: number | null;
  pending_from: string | null;
  updated_at: string;
}

/** A player's self-exclusion from the shop until a time; it only ever grows. */
export interface SelfExclusionsTable {
  user_id: string;
  until: string;
  created_at: string;
}

/** A purchase from the shop (payments domain). Money in minor units. */
export interface PurchasesTable {
  id: string;
  user_id: string;
  product_id: string;
  coins: number;
  amount_minor: number;
  currency: string;
  /** `stripe`. */
  provider: string;
  /** The provider's checkout (a Stripe Checkout Session id). */
  checkout_id: string | null;
  /** The provider's payment (a Stripe PaymentIntent id), once paid. */
  payment_id: string | null;
  /** `PurchaseStatus`. */
  status: string;
  coins_taken_back: Generated<number>;
  created_at: string;
  paid_at: string | null;
  updated_at: string;
}

/** A provider event applied: its id is applied once, whatever the provider sends again. */
export interface PaymentEventsTable {
  provider: string;
  event_id: string;
  kind: string;
  purchase_id: string | null;
  received_at: string;
}

/** Coins a refund or dispute took back that the account had already spent: no purchase until lifted. */
export interface PaymentHoldsTable {
  id: string;
  user_id: string;
  purchase_id: string;
  owed_coins: number;
  reason: string;
  created_at: string;
  lifted_at: string | null;
  lifted_by: string | null;
  lift_reason: string | null;
}

export interface UsersTable {
  id: string;
  email: string | null;
  username: string;
  /**
   * The username NFKC-normalised and case-folded (`usernameKey`), unique: `CaseUser` and `caseuser` are one name.
   * Always written (nullable only because SQLite cannot add a NOT NULL column without a default).
   */
  username_key: string | null;
  password_hash: string | null;
  /** YYYY-MM-DD; null for accounts made without one (guests, wallets) until they give it. */
  birth_date: string | null;
  avatar_url: string | null;
  /** Checksummed (EIP-55), unique: one wallet per account and one account per wallet. */
  wallet_address: string | null;
  /** How the wallet was reached (`WalletType`); null when the client did not say. */
  wallet_type: WalletType | null;
  total_wins: number;
  total_losses: number;
  total_score: number;
  is_guest: number;
  created_at: string;
  last_login: string | null;
}

/** A wrong password: kept for LOGIN_FAILURE_WINDOW_MINUTES to throttle sign-ins (auth/login-throttle.ts). */
export interface LoginFailuresTable {
  /** SHA-256 of the email as typed (lower case): unknown emails are throttled like known ones. */
  account_hash: string;
  /** The client address (X-Forwarded-For's under TRUST_PROXY). */
  address: string;
  failed_at: string;
}

export interface RefreshTokensTable {
  /** SHA-256 of the token: the token itself is a random secret held only by the client. */
  token_hash: string;
  user_id: string;
  expires_at: string;
  revoked_at: string | null;
  created_at: string;
}

export interface FriendshipsTable {
  requester_id: string;
  addressee_id: string;
  status: 'pending' | 'accepted';
  /**
   * The two user ids in sorted order, unique: at most one row per pair whoever asked. Always written (the column
   * is nullable only because SQLite cannot add a NOT NULL column without a default).
   */
  pair_key: string;
  created_at: string;
  updated_at: string;
}

export interface RoomsTable {
  id: string;
  game_mode: 'quick_match' | 'custom' | 'ranked';
  status: 'waiting' | 'playing' | 'finished';
  invite_code: string | null;
  creator_id: string | null;
  /** RoomConfig as JSON. */
  config: string;
  /** RoomSeat[] as JSON. */
  seats: string;
  game_id: string | null;
  /** For ranked matchmaking: the mean rating of the seated players. */
  rating: number | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** The room each user is in while it waits or plays. */
export interface RoomMembersTable {
  user_id: string;
  room_id: string;
  seat: number;
  joined_at: string;
}

export interface GameTablesTable {
  id: string;
  room_id: string;
  /** The seq of the last table event the snapshot includes; later events are replayed over it. */
  snapshot_seq: number;
  /** TableSnapshot as JSON: the match state and the seats. */
  snapshot: string;
  status: 'playing' | 'finished';
  created_at: string;
  updated_at: string;
}

/** A table's log; (table_id, seq) is the key, so two nodes cannot both write a table's next event. */
export interface TableEventsTable {
  table_id: string;
  seq: number;
  kind: string;
  /** The public payload as JSON (never a hidden hand). */
  payload: string;
  /** The engine action as JSON, for replays; null for chat and seat changes. */
  action: string | null;
  actor_user_id: string | null;
  client_msg_id: string | null;
  created_at: string;
}

export interface GameRecordsTable {
  id: string;
  room_id: string;
  game_mode: string;
  /** GameRecord as JSON. */
  record: string;
  seed: string;
  rules: string;
  /** Every engine action as a JSON array. */
  actions: string;
  ended_at: string;
}

export interface GameParticipantsTable {
  game_id: string;
  user_id: string;
  seat: number;
  team: number;
  won: number;
  ended_at: string;
}

export interface OutboxTable {
  id: string;
  kind: string;
  payload: string;
  created_at: string;
  published_at: string | null;
}

export interface ProcessedEventsTable {
  consumer: string;
  event_id: string;
  processed_at: string;
}

/** A person's game coins: the sum of their ledger entries, kept in the entries' transactions. */
export interface CoinBalancesTable {
  user_id: string;
  balance: number;
}

export interface CoinLedgerTable {
  id: string;
  user_id: string;
  amount: number;
  reason: string;
  /** Unique: the same entry is never written twice, whatever retries happen. */
  idempotency_key: string;
  balance_after: number;
  created_at: string;
}

export interface RatingsTable {
  user_id: string;
  rating: number;
  games: number;
  updated_at: string;
}

export interface LeaderboardTable {
  /** `global`, `weekly:2026-W48` or `monthly:2026-11`. */
  board: string;
  user_id: string;
  score: number;
  wins: number;
  games: number;
  updated_at: string;
}


/** Wallet sign-in nonces, each good for one signed message until it expires. */
export interface WalletNoncesTable {
  nonce: string;
  /** The checksummed address the message was made for. */
  address: string;
  /** The EIP-4361 message as issued: the one signed must be exactly this. */
  message: string;
  expires_at: string;
  /** Set by the one verification that consumed the nonce. */
  used_at: string | null;
  created_at: string;
}

/** A person's $PLAY for one game: pending until batched, minting while its batch is out, then confirmed or failed. */
/** The wallet each person's rewards are minted to, as the WalletLinked events told the economy. */
export interface RewardWalletsTable {
  user_id: string;
  wallet_address: string;
}

export interface RewardsTable {
  id: string;
  user_id: string;
  game_id: string;
  /** The UTC day (YYYY-MM-DD) the game ended: the daily cap counts by it. */
  day: string;
  amount_milli: number;
  status: 'pending' | 'minting' | 'confirmed' | 'failed';
  batch_id: string | null;
  /** The wallet the batch pays, fixed when the reward joins a batch. */
  wallet_address: string | null;
  tx_hash: string | null;
  created_at: string;
  updated_at: string;
}

/** One `batchMintRewards` call: its id is the on-chain batch id, written before the transaction is sent. */
export interface RewardBatchesTable {
  id: string;
  status: 'open' | 'confirmed' | 'failed';
  tx_hash: string | null;
  attempts: number;
  last_error: string | null;
  /** The block its mint was mined in; null until mined (and for batches confirmed before this was kept). */
  mined_block: number | null;
  /** How often it was found missing on chain after being confirmed, and sent again. */
  remints: number;
  created_at: string;
  updated_at: string;
}

/** An event of a platform contract, as the chain indexer copied it (bigints as decimal strings in `args`). */
export interface ChainEventsTable {
  block_number: number;
  log_index: number;
  tx_hash: string;
  /** The contract's name: PlayToken, Staking, GuandanGovernor, ... */
  contract: string;
  event: string;
  args: string;
  created_at: string;
}

/** Where a chain reader goes on from: the next block to read. */
export interface ChainCursorsTable {
  name: string;
  next_block: number;
  updated_at: string;
}

/** One sign-in: how (password, guest, wallet) and from where. */
export interface SignInsTable {
  user_id: string;
  at: string;
  method: string;
  address: string | null;
  user_agent: string | null;
  /** The client's install id (DEVICE_ID_HEADER), when it sent a well-formed one. */
  device_id: string | null;
}

/** Access tokens of the user issued before `not_before` are refused (signed out everywhere). */
export interface SessionCutoffsTable {
  user_id: string;
  not_before: string;
}

export interface SanctionsTable {
  id: string;
  user_id: string;
  /** `SanctionKind`: mute, suspend or ban. */
  kind: string;
  reason: string;
  /** Null when imposed by the command line or a documented automatic rule. */
  imposed_by: string | null;
  created_at: string;
  /** Null: until lifted. */
  ends_at: string | null;
  lifted_at: string | null;
  lifted_by: string | null;
  lift_reason: string | null;
}

export interface StaffRolesTable {
  user_id: string;
  /** `StaffRole` above player; a player has no row. */
  role: string;
  granted_by: string | null;
  granted_at: string;
}

/** Append-only (triggers refuse updates and deletes). `before` and `after` are JSON. */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  target_type: string;
  target_id: string;
  reason: string;
  before: string | null;
  after: string | null;
}

/** A case in the moderation queue: a player's report or a detector's signal. */
export interface ModerationCasesTable {
  id: string;
  /** `report` or `anticheat`. */
  source: string;
  /** A report category, or the detector's name. */
  category: string;
  /** open, actioned or dismissed. */
  status: string;
  reporter_id: string | null;
  note: string;
  score: number | null;
  game_id: string | null;
  position: number | null;
  /** JSON: the game's chat lines, or the detector's figures. */
  evidence: string;
  /** Unique: the same signal opens one case, however often the detectors run. */
  dedupe_key: string | null;
  created_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
  outcome: string | null;
}

export interface CaseSubjectsTable {
  case_id: string;
  user_id: string;
}

/** One run of the anti-cheat's detectors over the games of a recent window. */
export interface AnticheatRunsTable {
  id: string;
  started_at: string;
  finished_at: string | null;
  games: number;
  accounts: number;
  signals: number;
  cases_opened: number;
  error: string | null;
}

/** Analytics (days are whole days since 1970-01-01, UTC): who finished a game on a day. */
export interface AnalyticsPlayerDaysTable {
  day: number;
  user_id: string;
}

/** Analytics: the distinct players of a day, counted as analytics_player_days rows are first written. */
export interface AnalyticsDaysTable {
  day: number;
  active_players: number;
}

/** Analytics: the games of a day and mode, summed. */
export interface AnalyticsGameDaysTable {
  day: number;
  game_mode: string;
  games: number;
  deals: number;
  human_seats: number;
  bot_seats: number;
  quit_seats: number;
  auto_play_seats: number;
  /** Summed game lengths; a bigint (a string from PostgreSQL). */
  match_ms: number | string;
}

/** Analytics: an account's way down the funnel, and whether it came back 1, 7 and 30 days after signing up (0 or 1). */
export interface AnalyticsAccountsTable {
  user_id: string;
  signed_up_day: number | null;
  games: number;
  first_game_day: number | null;
  tenth_game_day: number | null;
  wallet_day: number | null;
  first_reward_day: number | null;
  active_day_1: number;
  active_day_7: number;
  active_day_30: number;
}
