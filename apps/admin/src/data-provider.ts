import type { AdminMe, AdminUser, AdminUserDetail, Sanction, StaffRole } from '@guandan/protocol';
import type {
  DataProvider,
  GetListParams,
  GetListResult,
  GetManyParams,
  GetManyReferenceParams,
  GetManyReferenceResult,
  GetOneParams,
  QueryFunctionContext,
  RaRecord,
} from 'react-admin';
import type { HttpClient } from './api/http-client';
import { AUDIT_FILTERS, type ExportFormat, exportQuery, fallbackExportName, filenameFromDisposition } from './lib/audit-export';
import type { CoinCorrectionRequest } from './lib/coin-correction';
import { listQuery, type ListRequest } from './lib/list-query';
import type { SanctionRequest } from './lib/sanction-form';
import { toAuditRecord, toGameRow, toLedgerRecord, toUserDetailRecord, toUserRecord } from './records';

/** The filters the users list takes (`AdminUsersQuerySchema`). */
export const USER_FILTERS = ['q', 'role', 'standing'] as const;

/** The actions on a player, beyond reading: each one is audited with its reason. */
export interface ConsoleActions {
  getMe(): Promise<AdminMe>;
  imposeSanction(userId: string, request: SanctionRequest): Promise<Sanction>;
  liftSanction(userId: string, sanctionId: string, reason: string): Promise<Sanction>;
  signOutEverywhere(userId: string, reason: string): Promise<void>;
  correctCoins(userId: string, request: CoinCorrectionRequest): Promise<{ applied: boolean; balance: number }>;
  setRole(userId: string, role: StaffRole, reason: string): Promise<AdminUser>;
  exportAudit(filter: Record<string, unknown>, format: ExportFormat): Promise<{ blob: Blob; filename: string }>;
}

export type ConsoleDataProvider = DataProvider & ConsoleActions;

interface Page<T> {
  items: T[];
  total: number;
}

const userPath = (userId: string | number) => `/admin/users/${encodeURIComponent(String(userId))}`;

/**
 * react-admin's reads over `/v4/admin/...`, and the console's actions. The console never creates, edits or
 * deletes a record through react-admin's generic calls: every change is one of the actions, with a reason.
 */
export function createDataProvider(http: HttpClient): ConsoleDataProvider {
  async function list<T>(path: string, request: ListRequest, filterKeys: readonly string[], signal: AbortSignal | undefined, toRecord: (row: T) => RaRecord): Promise<GetListResult<RaRecord>> {
    const page = await http.json<Page<T>>(path, { query: listQuery(request, filterKeys), signal });
    return { data: page.items.map(toRecord), total: page.total };
  }

  async function userRows<T>(suffix: string, params: GetManyReferenceParams & QueryFunctionContext, toRecord: (row: T) => RaRecord): Promise<GetManyReferenceResult<RaRecord>> {
    if (params.target !== 'user_id') throw new Error(`${suffix} rows are found by user_id, not ${params.target}`);
    return list(`${userPath(params.id)}/${suffix}`, params, [], params.signal, toRecord);
  }

  const unsupported = (what: string) => () => Promise.reject(new Error(`The console does not ${what} records: use the actions on a player.`));

  return {
    supportAbortSignal: true,
    // react-admin lets each call name its record type; what comes back is the resource's own (records.ts).
    getList: <R extends RaRecord>(resource: string, params: GetListParams & QueryFunctionContext) => {
      if (resource === 'users') return list('/admin/users', params, USER_FILTERS, params.signal, toUserRecord) as Promise<GetListResult<R>>;
      if (resource === 'audit') return list('/admin/audit', params, AUDIT_FILTERS, params.signal, toAuditRecord) as Promise<GetListResult<R>>;
      return Promise.reject(new Error(`no list of ${resource}`));
    },
    getOne: async <R extends RaRecord>(resource: string, params: GetOneParams & QueryFunctionContext) => {
      if (resource !== 'users') throw new Error(`no single ${resource}`);
      const user = await http.json<AdminUserDetail>(userPath(params.id), { signal: params.signal });
      return { data: toUserDetailRecord(user) as RaRecord as R };
    },
    getMany: async <R extends RaRecord>(resource: string, params: GetManyParams & QueryFunctionContext) => {
      if (resource !== 'users') throw new Error(`no single ${resource}`);
      const users = await Promise.all(params.ids.map((id) => http.json<AdminUserDetail>(userPath(id), { signal: params.signal })));
      return { data: users.map((user) => toUserDetailRecord(user) as RaRecord as R) };
    },
    getManyReference: <R extends RaRecord>(resource: string, params: GetManyReferenceParams & QueryFunctionContext) => {
      if (resource === 'ledger') return userRows('ledger', params, toLedgerRecord) as Promise<GetManyReferenceResult<R>>;
      if (resource === 'games') return userRows('games', params, toGameRow) as Promise<GetManyReferenceResult<R>>;
      return Promise.reject(new Error(`no rows of ${resource} by reference`));
    },
    create: unsupported('create'),
    update: unsupported('edit'),
    updateMany: unsupported('edit'),
    delete: unsupported('delete'),
    deleteMany: unsupported('delete'),

    getMe: () => http.json<AdminMe>('/admin/me'),
    imposeSanction: (userId, request) => http.json<Sanction>(`${userPath(userId)}/sanctions`, { method: 'POST', body: request }),
    liftSanction: (userId, sanctionId, reason) =>
      http.json<Sanction>(`${userPath(userId)}/sanctions/${encodeURIComponent(sanctionId)}/lift`, { method: 'POST', body: { reason: reason.trim() } }),
    signOutEverywhere: (userId, reason) => http.json<void>(`${userPath(userId)}/sign-out`, { method: 'POST', body: { reason: reason.trim() } }),
    correctCoins: (userId, request) => http.json<{ applied: boolean; balance: number }>(`${userPath(userId)}/coin-corrections`, { method: 'POST', body: request }),
    setRole: (userId, role, reason) => http.json<AdminUser>(`${userPath(userId)}/role`, { method: 'PUT', body: { role, reason: reason.trim() } }),
    exportAudit: async (filter, format) => {
      const accept = format === 'csv' ? 'text/csv' : 'application/x-ndjson';
      const response = await http.response('/admin/audit/export', { query: exportQuery(filter, format), accept });
      const filename = filenameFromDisposition(response.headers.get('content-disposition'), fallbackExportName(format, new Date()));
      return { blob: await response.blob(), filename };
    },
  };
}
