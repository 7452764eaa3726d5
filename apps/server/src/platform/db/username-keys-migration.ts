import { normalizeUsername, usernameKey, usernameProblem } from '@guandan/protocol';
import type { Kysely } from 'kysely';

interface NamedRow {
  id: string;
  username: string;
}

/** The columns this step reads and writes, whatever the schema has become since. */
interface UsersNames {
  users: { id: string; username: string; username_key: string | null; created_at: string };
}

/**
 * Gives every existing account its case-folded `username_key` (migration 009). Names made before the rule are
 * settled here, oldest account first, so the unique key can be added:
 * - a name the rule accepts is kept in its normalised form;
 * - a name that now clashes with an older account's (`caseuser` after `CaseUser`) gets a tag from its id:
 *   `caseuser-1a2b`; the older account keeps its name;
 * - a name the rule refuses (invisible, bidi, mixed-script) becomes `Player-1a2b3c4d`.
 * Renamed players pick a new name with PATCH /users/me.
 */
export async function keyExistingUsernames(database: Kysely<unknown>): Promise<void> {
  const db = database as unknown as Kysely<UsersNames>;
  const rows = await db.selectFrom('users').select(['id', 'username']).orderBy('created_at').orderBy('id').execute();
  const renamed = settleUsernames(rows);
  for (const row of rows) {
    const username = renamed.get(row.id) ?? row.username;
    await db.updateTable('users').set({ username, username_key: usernameKey(username) }).where('id', '=', row.id).execute();
  }
}

/** The new name of each row whose name must change, by id; rows in seniority order. */
export function settleUsernames(rows: readonly NamedRow[]): Map<string, string> {
  // Keys of every current name are reserved, so no new name takes one a later row still holds.
  const reserved = new Set(rows.map((row) => usernameKey(row.username)));
  const assigned = new Set<string>();
  const renamed = new Map<string, string>();
  for (const row of rows) {
    const normalized = normalizeUsername(row.username);
    const valid = usernameProblem(normalized) === null;
    const key = usernameKey(normalized);
    let name = normalized;
    if (!valid || assigned.has(key)) {
      name = freeName(valid ? normalized : null, row.id, (candidate) => !assigned.has(usernameKey(candidate)) && !reserved.has(usernameKey(candidate)));
    }
    assigned.add(usernameKey(name));
    if (name !== row.username) renamed.set(row.id, name);
  }
  return renamed;
}

function freeName(base: string | null, id: string, isFree: (candidate: string) => boolean): string {
  const tag = id.replace(/[^0-9a-zA-Z]/g, '');
  const candidates =
    base === null
      ? [8, 12, 17].map((length) => `Player-${tag.slice(0, length)}`)
      : [4, 8, 12].map((length) => `${[...base].slice(0, 23 - length).join('').trim()}-${tag.slice(0, length)}`);
  const free = candidates.find((candidate) => usernameProblem(candidate) === null && isFree(candidate));
  // 17 hex digits of a random UUID: no two accounts share them in practice.
  return free ?? `Player-${tag.slice(0, 17)}`;
}
