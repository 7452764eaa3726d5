/** Where the device remembers the sound switch ('1' muted, '0' on): localStorage on the web, AsyncStorage on phones. */
export const MUTED_KEY = 'guandan.soundMuted';
