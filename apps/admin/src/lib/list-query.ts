/** What react-admin asks a list for, reduced to what this API understands (it has no sorting). */
export interface ListRequest {
  pagination?: { page: number; perPage: number };
  filter?: Record<string, unknown>;
}

/** The API refuses more than this many rows a page (`PageQuerySchema`). */
export const MAX_PER_PAGE = 100;

/**
 * The query string of a list request: `page`, `per_page`, and the filters this endpoint knows. Its query schema is
 * strict, so a filter it does not know (react-admin may carry others in the URL) would refuse the whole request:
 * those are left out, and so are empty values.
 */
export function listQuery(request: ListRequest, filterKeys: readonly string[]): URLSearchParams {
  const query = new URLSearchParams();
  const page = Math.max(1, Math.trunc(request.pagination?.page ?? 1));
  const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Math.trunc(request.pagination?.perPage ?? 25)));
  query.set('page', String(page));
  query.set('per_page', String(perPage));
  for (const key of filterKeys) {
    const value = filterValue(request.filter?.[key]);
    if (value !== null) query.set(key, value);
  }
  return query;
}

/** Only the filters an endpoint knows, with non-empty values (for exports, which take the list's filters). */
export function filterQuery(filter: Record<string, unknown> | undefined, filterKeys: readonly string[]): URLSearchParams {
  const query = new URLSearchParams();
  for (const key of filterKeys) {
    const value = filterValue(filter?.[key]);
    if (value !== null) query.set(key, value);
  }
  return query;
}

function filterValue(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  return null;
}
