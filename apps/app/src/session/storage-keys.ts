/** Keys of what the app keeps on the device. */
export const STORAGE_KEYS = {
  session: 'guandan.session',
  lang: 'guandan.lang',
} as const;
