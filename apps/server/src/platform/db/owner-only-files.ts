import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Makes the SQLite file (and its directory, DATA_DIR) readable by the server's user only, before SQLite opens it:
 * the database holds password hashes, refresh-token hashes and emails. SQLite creates the -wal and -shm files with
 * the database file's permissions, so they follow; files an older version left 0644 are narrowed too.
 */
export function ownerOnlyDatabaseFile(file: string): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(path)) chmodSync(path, 0o600);
  }
}
