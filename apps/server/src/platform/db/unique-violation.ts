/** Whether a failed write broke a unique constraint (or a primary key), on SQLite and PostgreSQL alike. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  // better-sqlite3 names the constraint kind; PostgreSQL answers SQLSTATE 23505 (unique_violation).
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
