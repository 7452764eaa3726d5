import { randomUUID } from 'node:crypto';
import { type ChatLine, type ModerationCase, ProtocolError, type ReportCategory } from '@guandan/protocol';
import { type Db, nowIso } from '../platform/db/database.js';
import { transactionOf, type UnitOfWork } from '../platform/db/unit-of-work.js';
import { type CaseFilter, type CaseRow, CaseStore } from './case-store.js';

/** The chat of a game, as evidence for a report (the tables domain's log). */
export interface ChatLog {
  linesOf(gameId: string): Promise<ChatLine[]>;
}

export interface PlayerReport {
  subjectId: string;
  category: ReportCategory;
  note: string;
  gameId: string | null;
  position: number | null;
}

/** What a detector raises: the accounts, how sure it is, and what it saw. */
export interface Signal {
  /** Who raised it: the anti-cheat (the default) or sanctions screening. */
  source?: 'anticheat' | 'aml';
  detector: string;
  accountIds: readonly string[];
  score: number;
  summary: string;
  evidence: unknown;
  /** The same key never opens a second case (the detectors run again and again over the same games). */
  dedupeKey: string;
}

/** A case as stored, before names are put to the accounts (the console's routes do that). */
export type StoredCase = Omit<ModerationCase, 'subject_names' | 'reporter_name'>;

/** Reports a reporter may file in a day: enough for a bad evening, not enough to flood the queue. */
export const REPORTS_PER_DAY = 20;
/** Chat lines kept with a report: the end of a long game's chat is where the trouble is. */
const CHAT_LINES_KEPT = 200;

/** The moderation queue: players' reports and the anti-cheat's signals, worked by moderators to an outcome. */
export class ModerationCases {
  private readonly store: CaseStore;

  constructor(
    db: Db,
    private readonly chat: ChatLog,
    private readonly accounts: { exists(userId: string): Promise<boolean> },
  ) {
    this.store = new CaseStore(db);
  }

  /**
   * Files a player's report with the game's chat attached. The same open report again is answered with the case it
   * opened; a report of oneself is refused, and more than REPORTS_PER_DAY in a day are RATE_LIMITED.
   */
  async report(reporterId: string, report: PlayerReport): Promise<StoredCase> {
    if (reporterId === report.subjectId) throw new ProtocolError('BAD_REQUEST', 'you cannot report yourself');
    if (!(await this.accounts.exists(report.subjectId))) throw new ProtocolError('NOT_FOUND', `no user ${report.subjectId}`);
    const open = await this.store.openReport(reporterId, report.subjectId, report.gameId);
    if (open !== undefined) return (await this.withSubjects([open]))[0];
    const dayAgo = new Date(Date.now() - 86_400_000).toISOString();
    if ((await this.store.reportsSince(reporterId, dayAgo)) >= REPORTS_PER_DAY) throw new ProtocolError('RATE_LIMITED', `at most ${REPORTS_PER_DAY} reports a day`);
    const chat = report.gameId === null ? [] : (await this.chat.linesOf(report.gameId)).slice(-CHAT_LINES_KEPT);
    const row = this.newRow({ source: 'report', category: report.category, reporter_id: reporterId, note: report.note, game_id: report.gameId, position: report.position, evidence: JSON.stringify({ chat }) });
    await this.store.insert(row, [report.subjectId]);
    return (await this.withSubjects([row]))[0];
  }

  /** Opens a case for a detector's signal unless one was opened for it before; whether it opened one. */
  async raise(signal: Signal): Promise<boolean> {
    const row = this.newRow({
      source: signal.source ?? 'anticheat',
      category: signal.detector,
      note: signal.summary,
      score: signal.score,
      evidence: JSON.stringify(signal.evidence),
      dedupe_key: signal.dedupeKey,
    });
    return this.store.insert(row, signal.accountIds);
  }

  async page(filter: CaseFilter, page: number, perPage: number): Promise<{ items: StoredCase[]; total: number }> {
    const { rows, total } = await this.store.page(filter, (page - 1) * perPage, perPage);
    return { items: await this.withSubjects(rows), total };
  }

  /** NOT_FOUND when there is no such case. */
  async get(caseId: string, work?: UnitOfWork): Promise<StoredCase> {
    const row = await this.store.find(caseId, work === undefined ? undefined : transactionOf(work));
    if (row === undefined) throw new ProtocolError('NOT_FOUND', `no case ${caseId}`);
    return (await this.withSubjects([row], work))[0];
  }

  /** Closes an open case with its outcome; CONFLICT when it was closed already. The case as it is now. */
  async resolve(work: UnitOfWork, caseId: string, resolution: { status: 'actioned' | 'dismissed'; outcome: string; by: string | null }): Promise<StoredCase> {
    await this.get(caseId, work);
    if (!(await this.store.resolve(caseId, { ...resolution, at: nowIso() }, transactionOf(work)))) throw new ProtocolError('CONFLICT', 'this case was closed already');
    return this.get(caseId, work);
  }

  private newRow(fields: Partial<CaseRow> & Pick<CaseRow, 'source' | 'category' | 'note' | 'evidence'>): CaseRow {
    return {
      id: randomUUID(),
      status: 'open',
      reporter_id: null,
      score: null,
      game_id: null,
      position: null,
      dedupe_key: null,
      created_at: nowIso(),
      resolved_at: null,
      resolved_by: null,
      outcome: null,
      ...fields,
    };
  }

  private async withSubjects(rows: readonly CaseRow[], work?: UnitOfWork): Promise<StoredCase[]> {
    const subjects = await this.store.subjectsOf(
      rows.map((row) => row.id),
      work === undefined ? undefined : transactionOf(work),
    );
    return rows.map((row) => ({
      case_id: row.id,
      source: row.source as StoredCase['source'],
      category: row.category,
      status: row.status as StoredCase['status'],
      subject_ids: subjects.get(row.id) ?? [],
      reporter_id: row.reporter_id,
      note: row.note,
      score: row.score,
      game_id: row.game_id,
      position: row.position,
      evidence: JSON.parse(row.evidence) as unknown,
      created_at: row.created_at,
      resolved_at: row.resolved_at,
      resolved_by: row.resolved_by,
      outcome: row.outcome,
    }));
  }
}
