/** Keys of what the app keeps on the device. */
export const STORAGE_KEYS = {
  session: 'guandan.session',
  lang: 'guandan.lang',
  /** The local dev wallet's private key (a test key for the local chain only). */
  devWalletKey: 'guandan.devWalletKey',
  /** This install's own random id, sent with sign-ins (not a fingerprint: a new install makes a new one). */
  deviceId: 'guandan.deviceId',
} as const;
