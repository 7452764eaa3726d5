import { randomUUID } from 'node:crypto';
import { ProtocolError, type Sanction, type SanctionKind, type Standing } from '@guandan/protocol';
import { type Db, nowIso } from '../platform/db/database.js';
import { executorOf, type UnitOfWork } from '../platform/db/unit-of-work.js';
import { type SanctionRow, SanctionStore } from './sanction-store.js';
import { GOOD_STANDING, standingOf } from './standing.js';

export interface NewSanction {
  userId: string;
  kind: SanctionKind;
  reason: string;
  /** Null: until lifted. */
  endsAt: string | null;
  /** The operator; null for the command line. */
  by: string | null;
}

/** What keeps an account out for now; the auth domain refuses sign-ins and requests with its code. */
export interface Block {
  code: 'ACCOUNT_BANNED' | 'ACCOUNT_SUSPENDED';
  until: string | null;
}

export type StandingFilter = 'muted' | 'suspended' | 'banned';

const KIND_OF: Record<StandingFilter, SanctionKind> = { muted: 'mute', suspended: 'suspend', banned: 'ban' };

/**
 * Mutes, suspensions and bans: who is under which, imposed and lifted with a reason, never deleted. The callers (the
 * operator console) record each change in the audit log in the same unit of work.
 */
export class ModerationService {
  private readonly store: SanctionStore;

  constructor(private readonly db: Db) {
    this.store = new SanctionStore(db);
  }

  async impose(sanction: NewSanction, work?: UnitOfWork): Promise<Sanction> {
    const row: SanctionRow = {
      id: randomUUID(),
      user_id: sanction.userId,
      kind: sanction.kind,
      reason: sanction.reason,
      imposed_by: sanction.by,
      created_at: nowIso(),
      ends_at: sanction.endsAt,
      lifted_at: null,
      lifted_by: null,
      lift_reason: null,
    };
    await this.store.insert(row, executorOf(work, this.db));
    return toSanction(row);
  }

  /** The user's sanction; NOT_FOUND when they have none with this id. */
  async find(userId: string, sanctionId: string, work?: UnitOfWork): Promise<Sanction> {
    const row = await this.store.find(sanctionId, executorOf(work, this.db));
    if (row === undefined || row.user_id !== userId) throw new ProtocolError('NOT_FOUND', `no sanction ${sanctionId} of user ${userId}`);
    return toSanction(row);
  }

  /** Lifts the user's sanction; CONFLICT when it was lifted already. The sanction as it is now. */
  async lift(userId: string, sanctionId: string, lift: { by: string | null; reason: string }, work?: UnitOfWork): Promise<Sanction> {
    const executor = executorOf(work, this.db);
    await this.find(userId, sanctionId, work);
    if (!(await this.store.lift(sanctionId, { at: nowIso(), ...lift }, executor))) throw new ProtocolError('CONFLICT', 'this sanction was lifted already');
    return this.find(userId, sanctionId, work);
  }

  /** Every sanction of the user, newest first. */
  async history(userId: string): Promise<Sanction[]> {
    return (await this.store.ofUser(userId)).map(toSanction);
  }

  async standing(userId: string): Promise<Standing> {
    return (await this.standings([userId])).get(userId) ?? GOOD_STANDING;
  }

  /** The standing of each user (those under no sanction: good standing). */
  async standings(userIds: readonly string[]): Promise<Map<string, Standing>> {
    const rows = await this.store.inForce(nowIso(), { userIds });
    return new Map(userIds.map((userId) => [userId, standingOf(rows.filter((row) => row.user_id === userId).map(toSanction))]));
  }

  /** A ban, else a suspension, in force on the account; null when it may sign in. */
  async blockOf(userId: string): Promise<Block | null> {
    const standing = standingOf((await this.store.inForce(nowIso(), { userIds: [userId], kinds: ['ban', 'suspend'] })).map(toSanction));
    if (standing.banned) return { code: 'ACCOUNT_BANNED', until: null };
    if (standing.suspended) return { code: 'ACCOUNT_SUSPENDED', until: standing.suspended_until };
    return null;
  }

  /** MUTED while a mute is in force. */
  async refuseMuted(userId: string): Promise<void> {
    const standing = standingOf((await this.store.inForce(nowIso(), { userIds: [userId], kinds: ['mute'] })).map(toSanction));
    if (standing.muted) throw new ProtocolError('MUTED', standing.muted_until === null ? 'you are muted' : `you are muted until ${standing.muted_until}`);
  }

  /** The users under a sanction of this kind now. */
  async usersUnder(filter: StandingFilter): Promise<string[]> {
    const rows = await this.store.inForce(nowIso(), { kinds: [KIND_OF[filter]] });
    return [...new Set(rows.map((row) => row.user_id))];
  }
}

function toSanction(row: SanctionRow): Sanction {
  return {
    sanction_id: row.id,
    user_id: row.user_id,
    kind: row.kind as SanctionKind,
    reason: row.reason,
    imposed_by: row.imposed_by,
    created_at: row.created_at,
    ends_at: row.ends_at,
    lifted_at: row.lifted_at,
    lifted_by: row.lifted_by,
    lift_reason: row.lift_reason,
  };
}
