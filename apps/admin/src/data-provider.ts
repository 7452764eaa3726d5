import type { AdminMe, AnalyticsReport, AdminTable, AdminTableEnded, AdminTableSummary, AdminUser, AdminUserDetail, AuditEntry, EconomyOverview, KycStatus, ModerationCase, PaymentHold, Purchase, RewardBatch, Sanction, StaffRole } from '@guandan/protocol';
import type {
  DataProvider,
  GetListParams,
  GetListResult,
  GetManyParams,
  GetManyReferenceParams,
  GetManyReferenceResult,
  GetOneParams,
  Identifier,
  QueryFunctionContext,
  RaRecord,
} from 'react-admin';
import type { HttpClient } from './api/http-client';
import { analyticsQuery, rangeOfId } from './lib/analytics-range';
import { AUDIT_FILTERS, type ExportFormat, exportQuery, fallbackExportName, filenameFromDisposition } from './lib/audit-export';
import type { CoinCorrectionRequest } from './lib/coin-correction';
import { listQuery, type ListRequest } from './lib/list-query';
import type { SanctionRequest } from './lib/sanction-form';
import {
  ECONOMY_OVERVIEW_ID,
  toAnalyticsRecord,
  toAuditRecord,
  toBatchRecord,
  toCaseRecord,
  toEconomyRecord,
  toGameRow,
  toHoldRecord,
  toKycRecord,
  toLedgerRecord,
  toPurchaseRecord,
  toTableRecord,
  toUserDetailRecord,
  toUserRecord,
  toWatchedTableRecord,
} from './records';

/** The filters each list takes (`AdminUsersQuerySchema`, `CasesQuerySchema`, `AdminTablesQuerySchema`, `BatchesQuerySchema`, `HoldsQuerySchema`). */
export const USER_FILTERS = ['q', 'role', 'standing'] as const;
export const CASE_FILTERS = ['status', 'source', 'subject_id'] as const;
export const TABLE_FILTERS = ['mode', 'stuck', 'user_id', 'node', 'min_age_minutes'] as const;
export const BATCH_FILTERS = ['status'] as const;
export const HOLD_FILTERS = ['status', 'user_id'] as const;

/** How a case is closed: something was done about it, or nothing needed doing. */
export type CaseResolution = 'actioned' | 'dismissed';

/** The actions beyond reading: each one is audited with its reason. */
export interface ConsoleActions {
  getMe(): Promise<AdminMe>;
  imposeSanction(userId: string, request: SanctionRequest): Promise<Sanction>;
  liftSanction(userId: string, sanctionId: string, reason: string): Promise<Sanction>;
  signOutEverywhere(userId: string, reason: string): Promise<void>;
  correctCoins(userId: string, request: CoinCorrectionRequest): Promise<{ applied: boolean; balance: number }>;
  setRole(userId: string, role: StaffRole, reason: string): Promise<AdminUser>;
  exportAudit(filter: Record<string, unknown>, format: ExportFormat): Promise<{ blob: Blob; filename: string }>;
  resolveCase(caseId: string, status: CaseResolution, outcome: string): Promise<ModerationCase>;
  retryBatch(batchId: string, reason: string): Promise<void>;
  endTable(gameId: string, reason: string): Promise<AdminTableEnded>;
  liftHold(holdId: string, reason: string): Promise<PaymentHold>;
}

export type ConsoleDataProvider = DataProvider & ConsoleActions;

interface Page<T> {
  items: T[];
  total: number;
}

type ReadList = (request: ListRequest, signal: AbortSignal | undefined) => Promise<GetListResult<RaRecord>>;
type ReadOne = (id: Identifier, signal: AbortSignal | undefined) => Promise<RaRecord>;

const segment = (id: Identifier) => encodeURIComponent(String(id));
const userPath = (userId: Identifier) => `/admin/users/${segment(userId)}`;
const casePath = (caseId: Identifier) => `/admin/cases/${segment(caseId)}`;
const tablePath = (gameId: Identifier) => `/admin/tables/${segment(gameId)}`;
const holdPath = (holdId: Identifier) => `/admin/payments/holds/${segment(holdId)}`;

/**
 * react-admin's reads over `/v4/admin/...`, and the console's actions. The console never creates, edits or
 * deletes a record through react-admin's generic calls: every change is one of the actions, with a reason.
 */
export function createDataProvider(http: HttpClient): ConsoleDataProvider {
  async function list<T>(path: string, request: ListRequest, filterKeys: readonly string[], signal: AbortSignal | undefined, toRecord: (row: T) => RaRecord): Promise<GetListResult<RaRecord>> {
    const page = await http.json<Page<T>>(path, { query: listQuery(request, filterKeys), signal });
    return { data: page.items.map(toRecord), total: page.total };
  }

  async function one<T>(path: string, signal: AbortSignal | undefined, toRecord: (row: T) => RaRecord): Promise<RaRecord> {
    return toRecord(await http.json<T>(path, { signal }));
  }

  const lists = new Map<string, ReadList>([
    ['users', (request, signal) => list<AdminUser>('/admin/users', request, USER_FILTERS, signal, toUserRecord)],
    ['audit', (request, signal) => list<AuditEntry>('/admin/audit', request, AUDIT_FILTERS, signal, toAuditRecord)],
    ['cases', (request, signal) => list<ModerationCase>('/admin/cases', request, CASE_FILTERS, signal, toCaseRecord)],
    ['tables', (request, signal) => list<AdminTableSummary>('/admin/tables', request, TABLE_FILTERS, signal, toTableRecord)],
    ['batches', (request, signal) => list<RewardBatch>('/admin/economy/batches', request, BATCH_FILTERS, signal, toBatchRecord)],
    ['holds', (request, signal) => list<PaymentHold>('/admin/payments/holds', request, HOLD_FILTERS, signal, toHoldRecord)],
  ]);

  /** A report over a range of days, read as one record whose id names the range (`rangeId`). */
  async function analyticsReport(id: Identifier, signal: AbortSignal | undefined): Promise<RaRecord> {
    const range = rangeOfId(String(id));
    if (range === null) throw new Error(`analytics are read by a range of days such as 2026-01-01..2026-01-30, not ${String(id)}`);
    return toAnalyticsRecord(await http.json<AnalyticsReport>('/admin/analytics', { query: analyticsQuery(range), signal }), String(id));
  }

  const singles = new Map<string, ReadOne>([
    ['users', (id, signal) => one<AdminUserDetail>(userPath(id), signal, toUserDetailRecord)],
    ['cases', (id, signal) => one<ModerationCase>(casePath(id), signal, toCaseRecord)],
    ['tables', (id, signal) => one<AdminTable>(tablePath(id), signal, toWatchedTableRecord)],
    [
      'economy',
      (id, signal) => (String(id) === ECONOMY_OVERVIEW_ID ? one<EconomyOverview>('/admin/economy', signal, toEconomyRecord) : Promise.reject(new Error(`the economy is read as "${ECONOMY_OVERVIEW_ID}"`))),
    ],
    ['analytics', analyticsReport],
    // An account's identity tier, read by the account's id.
    ['kyc', (id, signal) => one<KycStatus>(`${userPath(id)}/kyc`, signal, (status) => toKycRecord(status, String(id)))],
  ]);

  /** A player's rows: the routes under their account, or (cases) the queue filtered to cases about them. */
  async function rowsOfUser(resource: string, params: GetManyReferenceParams & QueryFunctionContext): Promise<GetManyReferenceResult<RaRecord>> {
    if (resource === 'cases') {
      if (params.target !== 'subject_id') throw new Error(`cases are found by subject_id, not ${params.target}`);
      return list<ModerationCase>('/admin/cases', { ...params, filter: { ...params.filter, subject_id: String(params.id) } }, CASE_FILTERS, params.signal, toCaseRecord);
    }
    if (params.target !== 'user_id') throw new Error(`${resource} rows are found by user_id, not ${params.target}`);
    if (resource === 'ledger') return list(`${userPath(params.id)}/ledger`, params, [], params.signal, toLedgerRecord);
    if (resource === 'games') return list(`${userPath(params.id)}/games`, params, [], params.signal, toGameRow);
    if (resource === 'purchases') return list<Purchase>(`${userPath(params.id)}/purchases`, params, [], params.signal, toPurchaseRecord);
    return Promise.reject(new Error(`no rows of ${resource} by reference`));
  }

  const unsupported = (what: string) => () => Promise.reject(new Error(`The console does not ${what} records: use the actions on a player.`));

  return {
    supportAbortSignal: true,
    // react-admin lets each call name its record type; what comes back is the resource's own (records.ts).
    getList: <R extends RaRecord>(resource: string, params: GetListParams & QueryFunctionContext) => {
      const read = lists.get(resource);
      if (read === undefined) return Promise.reject(new Error(`no list of ${resource}`));
      return read(params, params.signal) as Promise<GetListResult<R>>;
    },
    getOne: async <R extends RaRecord>(resource: string, params: GetOneParams & QueryFunctionContext) => {
      const read = singles.get(resource);
      if (read === undefined) throw new Error(`no single ${resource}`);
      return { data: (await read(params.id, params.signal)) as R };
    },
    getMany: async <R extends RaRecord>(resource: string, params: GetManyParams & QueryFunctionContext) => {
      const read = singles.get(resource);
      if (read === undefined) throw new Error(`no single ${resource}`);
      return { data: (await Promise.all(params.ids.map((id) => read(id, params.signal)))) as R[] };
    },
    getManyReference: <R extends RaRecord>(resource: string, params: GetManyReferenceParams & QueryFunctionContext) =>
      rowsOfUser(resource, params) as Promise<GetManyReferenceResult<R>>,
    create: unsupported('create'),
    update: unsupported('edit'),
    updateMany: unsupported('edit'),
    delete: unsupported('delete'),
    deleteMany: unsupported('delete'),

    getMe: () => http.json<AdminMe>('/admin/me'),
    imposeSanction: (userId, request) => http.json<Sanction>(`${userPath(userId)}/sanctions`, { method: 'POST', body: request }),
    liftSanction: (userId, sanctionId, reason) =>
      http.json<Sanction>(`${userPath(userId)}/sanctions/${segment(sanctionId)}/lift`, { method: 'POST', body: { reason: reason.trim() } }),
    signOutEverywhere: (userId, reason) => http.json<void>(`${userPath(userId)}/sign-out`, { method: 'POST', body: { reason: reason.trim() } }),
    correctCoins: (userId, request) => http.json<{ applied: boolean; balance: number }>(`${userPath(userId)}/coin-corrections`, { method: 'POST', body: request }),
    setRole: (userId, role, reason) => http.json<AdminUser>(`${userPath(userId)}/role`, { method: 'PUT', body: { role, reason: reason.trim() } }),
    exportAudit: async (filter, format) => {
      const accept = format === 'csv' ? 'text/csv' : 'application/x-ndjson';
      const response = await http.response('/admin/audit/export', { query: exportQuery(filter, format), accept });
      const filename = filenameFromDisposition(response.headers.get('content-disposition'), fallbackExportName(format, new Date()));
      return { blob: await response.blob(), filename };
    },
    resolveCase: (caseId, status, outcome) => http.json<ModerationCase>(`${casePath(caseId)}/resolve`, { method: 'POST', body: { status, outcome: outcome.trim() } }),
    retryBatch: (batchId, reason) => http.json<void>(`/admin/economy/batches/${segment(batchId)}/retry`, { method: 'POST', body: { reason: reason.trim() } }),
    endTable: (gameId, reason) => http.json<AdminTableEnded>(`${tablePath(gameId)}/end`, { method: 'POST', body: { reason: reason.trim() } }),
    liftHold: (holdId, reason) => http.json<PaymentHold>(`${holdPath(holdId)}/lift`, { method: 'POST', body: { reason: reason.trim() } }),
  };
}
