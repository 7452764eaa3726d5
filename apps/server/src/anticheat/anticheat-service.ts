import { randomUUID } from 'node:crypto';
import { DEFAULT_FLAG_THRESHOLD, runDetectorsInWorker } from '@guandan/anticheat';
import type { AnticheatRun } from '@guandan/protocol';
import type { Signal as CaseSignal } from '../moderation/index.js';
import { isoWeekOf } from '../platform/calendar.js';
import type { Db } from '../platform/db/database.js';
import type { ReplayableGame } from '../records/index.js';
import { AnticheatStore, type RunRow } from './anticheat-store.js';
import { accountFactsOf, observationOf } from './game-observations.js';

/** Where the detectors' inputs come from: each domain's own data, through its service. */
export interface AnticheatSources {
  games(since: string, limit: number): Promise<ReplayableGame[]>;
  decisionTimes(gameIds: readonly string[]): Promise<Map<string, (number | null)[]>>;
  coinDeltas(since: string): Promise<Map<string, Map<string, number>>>;
  rewardsMilli(since: string): Promise<Map<string, Map<string, number>>>;
  accounts(userIds: readonly string[]): Promise<Map<string, { createdAt: string; wallet: string | null }>>;
  signIns(userIds: readonly string[], since: string): Promise<Map<string, { addresses: string[]; devices: string[]; times: number[] }>>;
}

export interface AnticheatSettings {
  /** How often the detectors run; 0: only when an operator asks. */
  intervalMs: number;
  /** The games of how many days back each run reads. */
  windowDays: number;
  /** At most this many games (the most recent) per run. */
  maxGames: number;
}

const RUNS_SHOWN = 20;

/**
 * Runs the anti-cheat's detectors (packages/anticheat, on a worker thread) over the games of a recent window and
 * opens a moderation case for each signal at or above the flag threshold, once per signal and week. Nothing is
 * banned: a moderator decides (docs/ANTI_CHEAT.md).
 */
export class AnticheatService {
  private readonly store: AnticheatStore;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<AnticheatRun> | null = null;

  constructor(
    db: Db,
    private readonly sources: AnticheatSources,
    private readonly cases: { raise(signal: CaseSignal): Promise<boolean> },
    private readonly settings: AnticheatSettings,
    private readonly log: { error(object: unknown, message: string): void },
    /** On a cluster, whether this node runs the detectors now; one process always does. */
    private readonly mayRun: () => Promise<boolean> = async () => true,
  ) {
    this.store = new AnticheatStore(db);
  }

  start(): void {
    if (this.settings.intervalMs === 0) return;
    this.timer = setInterval(() => void this.scheduledRun(), this.settings.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** Runs the detectors now; a run already going is waited for rather than started twice. */
  run(): Promise<AnticheatRun> {
    this.running ??= this.runOnce().finally(() => (this.running = null));
    return this.running;
  }

  async runs(): Promise<AnticheatRun[]> {
    return (await this.store.latest(RUNS_SHOWN)).map(toRun);
  }

  private async scheduledRun(): Promise<void> {
    if (!(await this.mayRun())) return;
    await this.run().catch((error: unknown) => this.log.error({ err: error }, 'the anti-cheat run failed'));
  }

  private async runOnce(): Promise<AnticheatRun> {
    const started = new Date();
    const row: RunRow = { id: randomUUID(), started_at: started.toISOString(), finished_at: null, games: 0, accounts: 0, signals: 0, cases_opened: 0, error: null };
    await this.store.insert(row);
    try {
      const since = new Date(started.getTime() - this.settings.windowDays * 86_400_000).toISOString();
      const games = await this.sources.games(since, this.settings.maxGames);
      const gameIds = games.map((game) => game.gameId);
      const userIds = [...new Set(games.flatMap((game) => game.seats.filter((seat): seat is string => seat !== null)))];
      const [times, coins, rewards, accounts, signIns] = await Promise.all([
        this.sources.decisionTimes(gameIds),
        this.sources.coinDeltas(since),
        this.sources.rewardsMilli(since),
        this.sources.accounts(userIds),
        this.sources.signIns(userIds, since),
      ]);
      const observations = games.map((game) => observationOf(game, { decisionMs: times.get(game.gameId), coins: coins.get(game.gameId), rewardsMilli: rewards.get(game.gameId) }));
      const facts = userIds.map((userId) => accountFactsOf(userId, accounts.get(userId), signIns.get(userId)));
      const signals = (await runDetectorsInWorker(observations, facts)).filter((signal) => signal.score >= DEFAULT_FLAG_THRESHOLD);
      // A pair still at it next week opens a new case; this week, one.
      const week = isoWeekOf(started);
      let opened = 0;
      for (const signal of signals) {
        const raised = await this.cases.raise({
          detector: signal.detector,
          accountIds: signal.accounts,
          score: signal.score,
          summary: signal.summary,
          evidence: signal.evidence,
          dedupeKey: `anticheat:${signal.detector}:${signal.accounts.join(',')}:${week}`,
        });
        if (raised) opened++;
      }
      Object.assign(row, { finished_at: new Date().toISOString(), games: games.length, accounts: userIds.length, signals: signals.length, cases_opened: opened });
    } catch (error) {
      Object.assign(row, { finished_at: new Date().toISOString(), error: error instanceof Error ? error.message : String(error) });
      this.log.error({ err: error, runId: row.id }, 'the anti-cheat run failed');
    }
    await this.store.finish(row.id, row);
    return toRun(row);
  }
}

function toRun(row: RunRow): AnticheatRun {
  return { run_id: row.id, started_at: row.started_at, finished_at: row.finished_at, games: row.games, accounts: row.accounts, signals: row.signals, cases_opened: row.cases_opened, error: row.error };
}
