import type { StringKey } from '../../i18n';

export interface Credentials {
  email: string;
  password: string;
  username: string;
}

/** The first thing the server would refuse, checked before asking it (the server checks again). */
export function credentialsProblem(mode: 'signIn' | 'signUp', { email, password, username }: Credentials): StringKey | null {
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) return 'auth.invalidEmail';
  if (mode === 'signIn') return password.length === 0 ? 'auth.shortPassword' : null;
  const name = [...username.trim()]; // characters (code points), as the server's schemas count them
  if (name.length < 2 || name.length > 24) return 'auth.badUsername';
  if ([...password].length < 8) return 'auth.shortPassword';
  return null;
}
