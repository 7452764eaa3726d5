import {
  type AdminMe,
  type AdminUser,
  type AdminUserDetail,
  type GameRecord,
  type LedgerEntry,
  type ModerationCase,
  ProtocolError,
  type Sanction,
  type SanctionKind,
  type SessionEndReason,
  type StaffRole,
  STAFF_ROLES,
  type User,
} from '@guandan/protocol';
import type { AuthService } from '../auth/index.js';
import type { CoinAccounts } from '../coins/index.js';
import { GOOD_STANDING, type ModerationCases, type ModerationService, type StandingFilter, type StoredCase } from '../moderation/index.js';
import type { Db } from '../platform/db/database.js';
import { inUnitOfWork } from '../platform/db/unit-of-work.js';
import type { UsersService } from '../users/index.js';
import { type Actor, actorOf, type AuditLog } from './audit-log.js';
import type { StaffRoles } from './staff-roles.js';

/** Closes every socket of a user, on whichever node holds it (the realtime domain, or the cluster's). */
export interface SessionCloser {
  endSessions(userId: string, reason: SessionEndReason): void;
}

export interface AdminDeps {
  db: Db;
  staff: StaffRoles;
  audit: AuditLog;
  users: Pick<UsersService, 'get' | 'search' | 'usernames'>;
  auth: Pick<AuthService, 'signOutEverywhere' | 'activity'>;
  moderation: ModerationService;
  cases: ModerationCases;
  coins: Pick<CoinAccounts, 'apply' | 'balanceOf' | 'entries' | 'entryCount'>;
  rating(userId: string): Promise<{ rating: number; games: number } | null>;
  games(userId: string, page: number, perPage: number): Promise<{ items: GameRecord[]; total: number }>;
  sessions: SessionCloser;
}

export interface UserQuery {
  q?: string;
  role?: StaffRole;
  standing?: StandingFilter;
  page: number;
  perPage: number;
}

/** Who needs which role for a sanction: a moderator mutes and suspends, an operator bans. */
const ROLE_FOR_SANCTION: Record<SanctionKind, StaffRole> = { mute: 'moderator', suspend: 'moderator', ban: 'operator' };
const ACTION_OF_SANCTION: Record<SanctionKind, string> = { mute: 'user.mute', suspend: 'user.suspend', ban: 'user.ban' };
const SESSION_END_OF_SANCTION: Partial<Record<SanctionKind, SessionEndReason>> = { suspend: 'ACCOUNT_SUSPENDED', ban: 'ACCOUNT_BANNED' };

/**
 * What operators do to accounts, each with a reason and an audit entry written in the same unit of work as the
 * change. Staff act only on accounts below their own role (an admin on anyone but themselves), so a moderator cannot
 * silence the operator who reviews them.
 */
export class AdminService {
  constructor(private readonly deps: AdminDeps) {}

  async me(userId: string): Promise<AdminMe> {
    const [user, role] = await Promise.all([this.deps.users.get(userId), this.deps.staff.roleOf(userId)]);
    return { user_id: userId, username: user.username, role };
  }

  async users(query: UserQuery): Promise<{ items: AdminUser[]; total: number }> {
    const ids = await this.narrowedTo(query);
    const { items, total } = await this.deps.users.search({ q: query.q, ids }, query.page, query.perPage);
    return { items: await this.withStaffFacts(items), total };
  }

  async user(userId: string): Promise<AdminUserDetail> {
    const user = await this.deps.users.get(userId);
    const [[summary], rating, activity, sanctions] = await Promise.all([
      this.withStaffFacts([user]),
      this.deps.rating(userId),
      this.deps.auth.activity(userId),
      this.deps.moderation.history(userId),
    ]);
    return {
      ...summary,
      total_wins: user.total_wins,
      total_losses: user.total_losses,
      total_score: user.total_score,
      rating: rating?.rating ?? null,
      rated_games: rating?.games ?? 0,
      active_sessions: activity.activeSessions,
      sign_ins: activity.signIns,
      addresses: activity.addresses,
      sanctions,
    };
  }

  async ledger(userId: string, page: number, perPage: number): Promise<{ items: LedgerEntry[]; total: number }> {
    await this.deps.users.get(userId);
    const [rows, total] = await Promise.all([this.deps.coins.entries(userId, page, perPage), this.deps.coins.entryCount(userId)]);
    return { items: rows.map((row) => ({ entry_id: row.id, amount: row.amount, reason: row.reason, balance_after: row.balance_after, created_at: row.created_at })), total };
  }

  async games(userId: string, page: number, perPage: number): Promise<{ items: GameRecord[]; total: number }> {
    await this.deps.users.get(userId);
    return this.deps.games(userId, page, perPage);
  }

  async sanction(actorId: string, userId: string, sanction: { kind: SanctionKind; reason: string; ends_at: string | null }): Promise<Sanction> {
    const actor = await this.actorOver(actorId, userId, ROLE_FOR_SANCTION[sanction.kind], `a ${sanction.kind}`);
    // Read before the unit of work opens: on SQLite a read outside it would wait for it to end.
    const before = await this.deps.moderation.standing(userId);
    const imposed = await inUnitOfWork(this.deps.db, async (work) => {
      const made = await this.deps.moderation.impose({ userId, kind: sanction.kind, reason: sanction.reason, endsAt: sanction.ends_at, by: actor.userId }, work);
      await this.deps.audit.record(work, { actor, action: ACTION_OF_SANCTION[sanction.kind], targetType: 'user', targetId: userId, reason: sanction.reason, before: { standing: before }, after: { sanction: made } });
      return made;
    });
    const endReason = SESSION_END_OF_SANCTION[sanction.kind];
    if (endReason !== undefined) this.deps.sessions.endSessions(userId, endReason);
    return imposed;
  }

  async lift(actorId: string, userId: string, sanctionId: string, reason: string): Promise<Sanction> {
    const sanction = await this.deps.moderation.find(userId, sanctionId);
    const actor = await this.actorOver(actorId, userId, ROLE_FOR_SANCTION[sanction.kind], `lifting a ${sanction.kind}`);
    return inUnitOfWork(this.deps.db, async (work) => {
      const lifted = await this.deps.moderation.lift(userId, sanctionId, { by: actor.userId, reason }, work);
      await this.deps.audit.record(work, { actor, action: `${ACTION_OF_SANCTION[sanction.kind]}.lift`, targetType: 'user', targetId: userId, reason, before: { sanction }, after: { sanction: lifted } });
      return lifted;
    });
  }

  async signOut(actorId: string, userId: string, reason: string): Promise<void> {
    const actor = await this.actorOver(actorId, userId, 'operator', 'signing a player out');
    const { activeSessions } = await this.deps.auth.activity(userId);
    await inUnitOfWork(this.deps.db, async (work) => {
      await this.deps.auth.signOutEverywhere(userId, work);
      await this.deps.audit.record(work, { actor, action: 'user.sign_out', targetType: 'user', targetId: userId, reason, before: { active_sessions: activeSessions }, after: { active_sessions: 0 } });
    });
    this.deps.sessions.endSessions(userId, 'SIGNED_OUT');
  }

  /**
   * Moves game coins only as a ledger entry with the operator's reason. The request's idempotency key makes the
   * entry's key: a retried correction is answered with the balance, not applied (or audited) twice.
   */
  async correctCoins(actorId: string, userId: string, correction: { amount: number; reason: string; idempotency_key: string }): Promise<{ applied: boolean; balance: number }> {
    const actor = await this.actorOver(actorId, userId, 'operator', 'a coin correction');
    return inUnitOfWork(this.deps.db, async (work) => {
      const before = await this.deps.coins.balanceOf(userId, work);
      const result = await this.deps.coins.apply(
        { userId, amount: correction.amount, reason: `correction: ${correction.reason}`, idempotencyKey: `correction:${correction.idempotency_key}` },
        work,
      );
      if (result.applied) {
        await this.deps.audit.record(work, {
          actor,
          action: 'coins.correct',
          targetType: 'user',
          targetId: userId,
          reason: correction.reason,
          before: { balance: before },
          after: { balance: result.balance, amount: correction.amount },
        });
      }
      return { applied: result.applied, balance: result.balance };
    });
  }

  /** Only an admin sets roles, and never their own (the last admin cannot demote themselves by mistake). */
  async setRole(actorId: string, userId: string, change: { role: StaffRole; reason: string }): Promise<AdminUser> {
    const actor = await this.actorOver(actorId, userId, 'admin', 'setting a role');
    await inUnitOfWork(this.deps.db, async (work) => {
      const before = await this.deps.staff.set(work, userId, change.role, actor.userId);
      await this.deps.audit.record(work, { actor, action: 'role.set', targetType: 'user', targetId: userId, reason: change.reason, before: { role: before }, after: { role: change.role } });
    });
    const [summary] = await this.withStaffFacts([await this.deps.users.get(userId)]);
    return summary;
  }

  async cases(filter: { status?: string; source?: string; subjectId?: string }, page: number, perPage: number): Promise<{ items: ModerationCase[]; total: number }> {
    const { items, total } = await this.deps.cases.page(filter, page, perPage);
    return { items: await this.named(items), total };
  }

  async case(caseId: string): Promise<ModerationCase> {
    return (await this.named([await this.deps.cases.get(caseId)]))[0];
  }

  /** Closes a case with what was decided; the sanction itself, if any, is its own action (and audit entry). */
  async resolveCase(actorId: string, caseId: string, resolution: { status: 'actioned' | 'dismissed'; outcome: string }): Promise<ModerationCase> {
    await this.deps.staff.require(actorId, 'moderator', 'working a case');
    const actor = await actorOf((userIds) => this.deps.users.usernames(userIds), actorId);
    const before = await this.deps.cases.get(caseId);
    const after = await inUnitOfWork(this.deps.db, async (work) => {
      const resolved = await this.deps.cases.resolve(work, caseId, { ...resolution, by: actorId });
      await this.deps.audit.record(work, { actor, action: `case.${resolution.status}`, targetType: 'case', targetId: caseId, reason: resolution.outcome, before: { status: before.status }, after: { status: resolved.status, outcome: resolved.outcome } });
      return resolved;
    });
    return (await this.named([after]))[0];
  }

  /**
   * The actor, if they hold `needed` and rank above the target (an admin: anyone but themselves); FORBIDDEN
   * otherwise, NOT_FOUND when there is no such target.
   */
  private async actorOver(actorId: string, userId: string, needed: StaffRole, doing: string): Promise<Actor> {
    const role = await this.deps.staff.require(actorId, needed, doing);
    const [targetRole, names] = await Promise.all([this.deps.staff.roleOf(userId), this.deps.users.usernames([actorId, userId])]);
    if (!names.has(userId)) throw new ProtocolError('NOT_FOUND', `no user ${userId}`);
    if (actorId === userId) throw new ProtocolError('FORBIDDEN', 'staff cannot act on their own account');
    const outranks = role === 'admin' || STAFF_ROLES.indexOf(role) > STAFF_ROLES.indexOf(targetRole);
    if (!outranks) throw new ProtocolError('FORBIDDEN', `a ${role} cannot act on a ${targetRole}`);
    return { userId: actorId, name: names.get(actorId) ?? actorId };
  }

  private async named(cases: readonly StoredCase[]): Promise<ModerationCase[]> {
    const names = await this.deps.users.usernames([...new Set(cases.flatMap((item) => [...item.subject_ids, ...(item.reporter_id === null ? [] : [item.reporter_id])]))]);
    return cases.map((item) => ({
      ...item,
      subject_names: item.subject_ids.map((userId) => names.get(userId) ?? userId),
      reporter_name: item.reporter_id === null ? null : (names.get(item.reporter_id) ?? item.reporter_id),
    }));
  }

  private async narrowedTo(query: UserQuery): Promise<string[] | undefined> {
    const byRole = query.role === undefined ? undefined : await this.deps.staff.usersWithRole(query.role);
    const byStanding = query.standing === undefined ? undefined : await this.deps.moderation.usersUnder(query.standing);
    if (byRole === undefined) return byStanding;
    if (byStanding === undefined) return byRole;
    const under = new Set(byStanding);
    return byRole.filter((userId) => under.has(userId));
  }

  private async withStaffFacts(users: readonly User[]): Promise<AdminUser[]> {
    const userIds = users.map((user) => user.user_id);
    const [roles, standings] = await Promise.all([this.deps.staff.rolesOf(userIds), this.deps.moderation.standings(userIds)]);
    return users.map((user) => ({
      user_id: user.user_id,
      username: user.username,
      email: user.email,
      wallet_address: user.wallet_address,
      is_guest: user.is_guest,
      created_at: user.created_at,
      last_login: user.last_login,
      game_coin_balance: user.game_coin_balance,
      role: roles.get(user.user_id) ?? 'player',
      standing: standings.get(user.user_id) ?? GOOD_STANDING,
    }));
  }
}
