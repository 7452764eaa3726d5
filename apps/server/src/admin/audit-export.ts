import type { AuditEntry } from '@guandan/protocol';

export type AuditExportFormat = 'csv' | 'jsonl';

const COLUMNS = ['audit_id', 'at', 'actor_id', 'actor_name', 'action', 'target_type', 'target_id', 'reason', 'before', 'after'] as const;

/** A spreadsheet would run a cell starting with one of these as a formula (names and reasons are typed by people). */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(value: unknown): string {
  const text = value === null || value === undefined ? '' : typeof value === 'string' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export const AUDIT_EXPORT_TYPES: Record<AuditExportFormat, string> = { csv: 'text/csv; charset=utf-8', jsonl: 'application/x-ndjson; charset=utf-8' };

/** The first line of the file, if the format has one. */
export function exportHeader(format: AuditExportFormat): string {
  return format === 'csv' ? `${COLUMNS.join(',')}\r\n` : '';
}

/** One entry as a line of the file (RFC 4180 CSV, or one JSON object per line). */
export function exportLine(entry: AuditEntry, format: AuditExportFormat): string {
  if (format === 'jsonl') return `${JSON.stringify(entry)}\n`;
  return `${COLUMNS.map((column) => csvField(entry[column])).join(',')}\r\n`;
}
