import { filterQuery } from './list-query';

/** The filters the audit list and its export take (`AuditQuerySchema`). */
export const AUDIT_FILTERS = ['actor_id', 'target_id', 'action'] as const;

export const EXPORT_FORMATS = ['csv', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The export's query: the list's filters as they stand, and the format. */
export function exportQuery(filter: Record<string, unknown> | undefined, format: ExportFormat): URLSearchParams {
  const query = filterQuery(filter, AUDIT_FILTERS);
  query.set('format', format);
  return query;
}

/**
 * The file name the server gave in `Content-Disposition` (RFC 6266: `filename*=UTF-8''...` wins over
 * `filename=`), reduced to a safe base name; the fallback when it gave none.
 */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (header === null) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  let name: string | null = null;
  if (extended) {
    try {
      name = decodeURIComponent(extended[1].trim());
    } catch {
      name = null;
    }
  }
  if (name === null) {
    const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/.exec(header);
    if (plain) name = (plain[1] ?? plain[2]).replace(/\\(.)/g, '$1').trim();
  }
  const base = name?.split(/[/\\]/).pop()?.trim();
  return base ? base : fallback;
}

/** A name for an export the server sent unnamed: the date it was taken. */
export function fallbackExportName(format: ExportFormat, now: Date): string {
  return `audit-${now.toISOString().slice(0, 10)}.${format}`;
}
