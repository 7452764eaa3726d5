/** Runs `task` while no other refresh runs: in this tab, and in other tabs where the browser can tell. */
export type RefreshLock = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * Refresh tokens rotate, and presenting a spent one signs every session out. Tabs of the console share the stored
 * session, so two tabs refreshing at once would sign the operator out: the Web Locks API makes them take turns
 * (the second then finds the first one's new tokens). Without it, refreshes in this tab still take turns.
 */
export function browserRefreshLock(name = 'guandan-admin-refresh'): RefreshLock {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (locks === undefined) return inProcessLock();
  return <T>(task: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      // The lock is held until the promise the callback returns settles.
      locks.request(name, () => task().then(resolve, reject)).catch(reject);
    });
}

/** A lock for one JavaScript realm: each task starts when the one before it has settled. */
export function inProcessLock(): RefreshLock {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
