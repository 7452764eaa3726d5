/** Ids per `in (...)` list: well under SQLite's and PostgreSQL's limits on bound parameters. */
export const IN_LIST_CHUNK = 500;

/** `ids` in slices a query's `in (...)` list can hold. */
export function* inListChunks<T>(ids: readonly T[]): Generator<T[]> {
  for (let start = 0; start < ids.length; start += IN_LIST_CHUNK) yield ids.slice(start, start + IN_LIST_CHUNK);
}
