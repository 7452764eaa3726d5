/** Small key-value persistence; on the web, localStorage (unavailable in private modes, hence the guards). */
export const storage = {
  async get(key: string): Promise<string | null> {
    try {
      return window.localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  async set(key: string, value: string): Promise<void> {
    try {
      window.localStorage.setItem(key, value);
    } catch {
      // Storage refused (quota, private mode): the session just won't survive a reload.
    }
  },
  async remove(key: string): Promise<void> {
    try {
      window.localStorage.removeItem(key);
    } catch {
      // Same as above: nothing to clean if storage is unavailable.
    }
  },
};
