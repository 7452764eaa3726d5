import { hostname } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { ClusterNode } from '../cluster/index.js';
import { serverMessage } from '@guandan/protocol';
import { formatUnits } from 'viem';
import type { FastifyBaseLogger } from 'fastify';
import type { TokenService } from '../auth/index.js';
import type { Config } from '../config.js';
import type { RedisLink } from '../cluster/index.js';
import type { ChainRuntime } from '../economy/index.js';
import type { EventBus } from '../platform/bus.js';
import type { Db } from '../platform/db/database.js';
import type { Metrics } from '../platform/metrics.js';
import type { Api } from './api.js';
import { CoinAccounts, CoinFlows } from '../coins/index.js';
import { coinsRoutes } from '../coins/index.js';
import { buildEconomy } from '../economy/index.js';
import type { MintedReward } from '../economy/index.js';
import { EconomyReport, milliToUnits } from '../economy/index.js';
import { subscribeCoinSettlement } from '../coins/index.js';
import { executorOf } from '../platform/db/unit-of-work.js';
import { OutboxRelay } from '../platform/outbox.js';
import { subscribeLeaderboards } from '../ranking/index.js';
import { rankingRoutes } from '../ranking/index.js';
import { DatabaseBoards } from '../ranking/index.js';
import { RedisBoards } from '../cluster/index.js';
import { subscribeRatings } from '../ranking/index.js';
import { recordFinishedGame, type RecordsService } from '../records/index.js';
import { recordsRoutes } from '../records/index.js';
import { subscribeUserStats } from '../users/index.js';
import { authRoutes } from '../auth/index.js';
import { AuthService } from '../auth/index.js';
import { friendsRoutes } from '../friends/index.js';
import { FriendsService } from '../friends/index.js';
import type { Presence } from '../realtime/index.js';
import { usersRoutes } from '../users/index.js';
import { UsersService } from '../users/index.js';
import { ratingOf } from '../ranking/index.js';
import { ConnectionRegistry } from '../realtime/index.js';
import { Dispatcher } from '../realtime/index.js';
import { RealtimeGateway } from '../realtime/index.js';
import { roomRoutes } from '../rooms/index.js';
import { RoomService } from '../rooms/index.js';
import { RoomStore } from '../rooms/index.js';
import { DatabaseMatchQueue } from '../rooms/index.js';
import { RedisMatchQueue } from '../cluster/index.js';
import { systemClock } from '../platform/clock.js';
import { SqlTableRepository } from '../tables/index.js';
import { SOLE_HOST } from '../tables/index.js';
import { TableInspector, TableService } from '../tables/index.js';
import { walletRoutes } from '../wallet/index.js';
import { AdminService, adminUserRoutes, AuditLog, auditRoutes, auditTableEndings, caseRoutes, economyRoutes, paymentRoutes, StaffRoles, tableRoutes, TableWatch } from '../admin/index.js';
import { ModerationCases, ModerationService, reportRoutes } from '../moderation/index.js';
import { gamesEndedSince, recordCountOfUser, recordsOfUser } from '../records/index.js';
import { AnticheatService, anticheatRoutes } from '../anticheat/index.js';
import { AnalyticsService, analyticsRoutes, subscribeAnalytics } from '../analytics/index.js';
import { ratingRecord } from '../ranking/index.js';
import type { AccessVerifier, StaffRoleLookup } from '../platform/access.js';
import { WalletService } from '../wallet/index.js';
import { AmlScreening, ChainalysisSanctions, KycService, kycRoutes, localSanctionsList, SumsubChecks } from '../kyc/index.js';
import { Catalog, countryFrom, PaymentsService, paymentsRoutes, ResponsiblePlay, StripePayments } from '../payments/index.js';

/** What the domains are built on: configuration, storage, the bus, metrics, tokens, the chain (if any) and the log. */
export interface Platform {
  config: Config;
  db: Db;
  bus: EventBus;
  metrics: Metrics;
  tokens: TokenService;
  log: FastifyBaseLogger;
  /** Null with CHAIN=off. */
  chain: ChainRuntime | null;
  /** The shared Redis when this process is a node of a cluster; null on one process. */
  redis: RedisLink | null;
}

/** The domains, wired to each other through their service interfaces and the bus. */
export interface Domains {
  /** Adds what is not a REST route (the realtime endpoint). */
  attach(app: FastifyInstance): void;
  /** After listening: resumes unfinished tables from the store and starts background work. */
  resume(): Promise<void>;
  stop(): Promise<void>;
  /** Finished games: the tables domain records them and kicks the outbox relay after the commit. */
  records: RecordsService;
  /** Whether a signed-in request may go on (the auth domain), and the caller's staff role (the admin domain). */
  access: AccessVerifier;
  staff: StaffRoleLookup;
}

export function buildDomains(platform: Platform, api: Api): Domains {
  // realtime presence comes first: friends show who is online, tables play for who is away. On a cluster, presence
  // and the delivery of messages go through Redis, and tables run on the node holding their lease.
  let onPresence: (userId: string, online: boolean) => void = () => undefined;
  const tableRepository = new SqlTableRepository(platform.db);
  const cluster =
    platform.redis === null || platform.config.cluster === null
      ? null
      : new ClusterNode(platform.redis, platform.config.cluster.nodeId, platform.config, {
          deliverLocally: (userId, seq, serialized) => connections.deliver(userId, seq, serialized),
          evictLocally: (userId, connectionId) => connections.evict(userId, connectionId),
          endSessionsLocally: (userId, reason) => connections.endSessions(userId, reason),
          onPresence: (userId, online) => onPresence(userId, online),
          playingIds: () => tableRepository.playingIds(),
          log: platform.log,
        });
  const connections = new ConnectionRegistry(
    cluster?.presenceHooks(platform.log) ?? { opened: (userId) => onPresence(userId, true), closed: (userId) => onPresence(userId, false) },
    platform.config.REALTIME_SOCKETS_PER_USER,
    cluster?.sockets,
  );
  const outbound = cluster === null ? connections : { sendToUser: cluster.channels.sendToUser, sendToUsers: cluster.channels.sendToUsers, isOnline: cluster.presence.isOnline };
  const presence: Presence = outbound;

  // accounts: auth, users, friends
  const coins = new CoinAccounts(platform.db);
  const users = new UsersService(platform.db, coins, platform.config.STARTING_COINS);
  const moderation = new ModerationService(platform.db);
  const cases = new ModerationCases(platform.db, { linesOf: (gameId) => tableRepository.chatLines(gameId) }, users);
  const auth = new AuthService(platform.db, users, platform.tokens, platform.config, moderation);
  api.add(
    ...authRoutes(auth, platform.config.AUTH_RATE_LIMIT_PER_MINUTE),
    ...usersRoutes(users),
    ...friendsRoutes(new FriendsService(platform.db, users, presence)),
  );

  // records, ranking, coins
  const outbox = new OutboxRelay(platform.db, platform.bus, platform.log);
  subscribeUserStats(platform.db, platform.bus);
  subscribeRatings(platform.db, platform.bus);
  const usernames = (userIds: readonly string[]) => users.usernames(userIds);
  const boardRecord = new DatabaseBoards(platform.db, usernames);
  const boards = cluster === null ? boardRecord : new RedisBoards(cluster.link, boardRecord, usernames);
  subscribeLeaderboards(platform.db, platform.bus, boards);
  subscribeCoinSettlement(platform.db, platform.bus);
  api.add(...recordsRoutes(platform.db), ...rankingRoutes(platform.db, boards), ...coinsRoutes(coins));

  // payments: the coin shop, closed unless a card provider is configured (docs/PAYMENTS.md)
  const { config } = platform;
  // kyc: identity checks and the tier they give (off unless a provider is configured)
  const kyc = new KycService({
    db: platform.db,
    provider: config.sumsub === null ? null : new SumsubChecks(config.sumsub),
    levels: { 1: config.KYC_LEVEL_TIER1, 2: config.KYC_LEVEL_TIER2 },
    tier1AboveMonthlyMinor: config.KYC_TIER1_ABOVE_MONTHLY_MINOR,
    log: platform.log,
  });
  api.add(...kycRoutes(kyc));
  const responsible = new ResponsiblePlay(platform.db, { coolingOffMs: config.SPENDING_LIMIT_COOLING_OFF_HOURS * 3_600_000, currency: config.SHOP_CURRENCY });
  const payments = new PaymentsService({
    db: platform.db,
    catalog: new Catalog(config.COIN_PACKS, config.SHOP_CURRENCY),
    provider: config.stripe === null ? null : new StripePayments(config.stripe.secretKey, config.stripe.webhookSecret, config.stripe.apiUrl),
    coins,
    outbound,
    publicUrl: config.stripe?.publicUrl ?? null,
    responsible,
    kycTierOf: (userId) => kyc.tierOf(userId),
    birthDateOf: (userId) => users.birthDateOf(userId),
    minAge: config.MIN_AGE,
    tier1AboveMonthlyMinor: config.KYC_TIER1_ABOVE_MONTHLY_MINOR,
    blockedCountries: config.PAID_FEATURES_BLOCKED_COUNTRIES,
    log: platform.log,
  });
  api.add(...paymentsRoutes(payments, responsible, countryFrom(config.TRUST_PROXY ? config.COUNTRY_HEADER : null)));
  const records: RecordsService = { recordFinishedGame, kick: () => outbox.kick() };

  // economy: $PLAY rewards minted on chain, balances read from it
  const economy = buildEconomy(
    { ...platform, walletAddressOf: (userId) => users.walletAddressOf(userId) },
    api,
    (minted) => announceRewards(minted),
    cluster === null ? undefined : () => cluster.runsSingleton('reward-minter'),
  );

  // wallets: sign-in with Ethereum and linking; WalletLinked goes out through the outbox
  // kyc: sanctions screening of every wallet tokens are paid to (the local list, and Chainalysis when configured)
  const aml = new AmlScreening({
    localList: localSanctionsList(platform.config.SANCTIONS_LIST_FILE),
    provider: platform.config.CHAINALYSIS_API_KEY === undefined ? null : new ChainalysisSanctions({ apiKey: platform.config.CHAINALYSIS_API_KEY, apiUrl: platform.config.CHAINALYSIS_API_URL }),
    raiseCase: (amlCase) => cases.raise(amlCase),
    cacheMs: platform.config.SANCTIONS_CACHE_MINUTES * 60_000,
  });
  const wallets = new WalletService({
    db: platform.db,
    auth,
    users,
    policy: platform.config,
    kickOutbox: () => void outbox.kick(),
    screen: (userId, address) => aml.screenAddress(userId, address, 'payout wallet'),
  });
  api.add(...walletRoutes(wallets, platform.config.AUTH_RATE_LIMIT_PER_MINUTE));

  // rooms, tables, realtime
  const localTables = new TableService({
    repository: tableRepository,
    config: platform.config,
    clock: systemClock,
    metrics: platform.metrics,
    outbound,
    rooms: { gameFinished: (work, roomId) => rooms.gameFinished(work, roomId), memberQuit: (work, roomId, userId) => rooms.memberQuit(work, roomId, userId) },
    records,
    hosting: cluster?.tables ?? SOLE_HOST,
    log: platform.log,
  });
  cluster?.tables.attach(localTables);
  const tables = cluster?.tables ?? localTables;
  const roomStore = new RoomStore(platform.db);
  const rooms: RoomService = new RoomService({
    db: platform.db,
    store: roomStore,
    matchQueue: cluster === null ? new DatabaseMatchQueue(roomStore) : new RedisMatchQueue(cluster.link, (roomId) => roomStore.get(roomId)),
    tables,
    players: {
      profile: async (userId) => {
        const user = await users.get(userId);
        return { username: user.username, coins: user.game_coin_balance };
      },
      rating: (userId, work) => ratingOf(executorOf(work, platform.db), userId),
    },
    outbound,
    config: platform.config,
  });
  onPresence = (userId, online) => localTables.presenceChanged(userId, online);
  const announceRewards = (minted: MintedReward[]): void => {
    for (const reward of minted) {
      const payload = { gameId: reward.gameId, amount: formatUnits(milliToUnits(reward.amountMilli), 18), token: 'PLAY' as const, txHash: reward.txHash };
      outbound.sendToUser(reward.userId, serverMessage('REWARD_EARNED', payload, { seq: 0, messageId: `reward:${reward.gameId}:${reward.userId}` }));
    }
  };
  api.add(...roomRoutes(rooms));
  const gateway = new RealtimeGateway({
    config: platform.config,
    tokens: auth,
    registry: connections,
    dispatcher: new Dispatcher({
      rooms,
      tables,
      refuseMuted: (userId) => moderation.refuseMuted(userId),
      metrics: platform.metrics,
      log: platform.log,
      limits: { perSecond: platform.config.REALTIME_MESSAGES_PER_SECOND, burst: platform.config.REALTIME_BURST, replyGraceMs: platform.config.REALTIME_REPLY_GRACE_MS },
      ...(cluster === null ? {} : { sharedLimit: (userId: string) => cluster.rateLimit.take(userId) }),
    }),
    metrics: platform.metrics,
    log: platform.log,
  });

  // the operator side: staff roles, the audit log, and what operators do to accounts
  const staff = new StaffRoles(platform.db);
  const audit = new AuditLog(platform.db);
  const admin = new AdminService({
    db: platform.db,
    staff,
    audit,
    users,
    auth,
    moderation,
    cases,
    coins,
    rating: async (userId) => {
      const record = await ratingRecord(platform.db, userId);
      return record.games === 0 ? null : record;
    },
    games: async (userId, page, perPage) => {
      const [items, total] = await Promise.all([recordsOfUser(platform.db, userId, page, perPage), recordCountOfUser(platform.db, userId)]);
      return { items, total };
    },
    sessions: cluster?.sockets ?? connections,
  });
  const coinFlows = new CoinFlows(platform.db);
  const economyReport = new EconomyReport(platform.db);
  const anticheat = new AnticheatService(
    platform.db,
    {
      games: (since, limit) => gamesEndedSince(platform.db, since, limit),
      decisionTimes: (gameIds) => tableRepository.decisionTimes(gameIds),
      coinDeltas: (since) => coinFlows.gameDeltas(since),
      rewardsMilli: (since) => economyReport.gameRewards(since),
      accounts: (userIds) => users.accountFacts(userIds),
      signIns: (userIds, since) => auth.signInFacts(userIds, since),
    },
    cases,
    { intervalMs: platform.config.ANTICHEAT_INTERVAL_MS, windowDays: platform.config.ANTICHEAT_WINDOW_DAYS, maxGames: platform.config.ANTICHEAT_MAX_GAMES },
    platform.log,
    cluster === null ? undefined : () => cluster.runsSingleton('anticheat'),
  );
  // analytics: the domain events rolled up per day as they are published; coins and $PLAY read through their services
  subscribeAnalytics(platform.db, platform.bus);
  const analytics = new AnalyticsService(platform.db, {
    coinFlows: (fromDay, toDay) => coinFlows.between(fromDay, toDay),
    playRewardedByDay: (fromDay, toDay) => economyReport.rewardedByDay(fromDay, toDay),
  });
  // One process runs every table it has open; on a cluster the table leases say which node runs which table.
  const thisServer = platform.config.NODE_ID ?? hostname();
  const inspector = new TableInspector(
    tableRepository,
    localTables,
    cluster === null ? async (gameIds) => new Map(gameIds.map((id) => [id, localTables.runs(id) ? thisServer : null])) : (gameIds) => cluster.tables.hostsOf(gameIds),
  );
  const tableWatch = new TableWatch(platform.db, { playing: () => inspector.playing(), inspect: (gameId) => inspector.inspect(gameId), end: (ending) => tables.end(ending) }, audit);
  auditTableEndings(platform.db, platform.bus, audit);
  api.add(
    ...reportRoutes(cases),
    ...adminUserRoutes(admin),
    ...caseRoutes(admin),
    ...tableRoutes(tableWatch, usernames),
    ...economyRoutes({ db: platform.db, report: economyReport, coins: coinFlows, treasury: () => economy.treasury(), audit, usernames }),
    ...paymentRoutes({ db: platform.db, payments, kyc, audit, usernames }),
    ...anticheatRoutes(anticheat),
    ...analyticsRoutes(analytics),
    ...auditRoutes(audit),
  );

  return {
    access: auth,
    staff,
    attach(app) {
      gateway.attach(app);
    },
    async resume() {
      await outbox.start(); // records: publishes what a previous run left unpublished
      // One process resumes every unfinished table; a cluster node takes those whose lease ran out.
      const resumed = cluster === null ? await localTables.resumeAll() : (await cluster.start(), localTables.runningIds().length);
      await rooms.resume();
      economy.start();
      anticheat.start();
      platform.log.info({ tables: resumed }, 'resumed unfinished tables');
    },
    async stop() {
      rooms.stop();
      await gateway.close();
      await localTables.stop();
      await cluster?.stop();
      await outbox.stop(); // records
      await economy.stop();
      await anticheat.stop();
    },
    records,
  };
}
