import { normalizeUsername, type UsernameProblem, usernameProblem } from '@guandan/protocol/username';
import type { StringKey } from '../../i18n';

/** What the sign-up screen says for each username problem; the shared rule decides which (as the server does). */
export const USERNAME_PROBLEM_KEYS: Record<UsernameProblem, StringKey> = {
  length: 'auth.badUsername',
  characters: 'auth.usernameCharacters',
  'hidden-characters': 'auth.usernameCharacters',
  'mixed-scripts': 'auth.usernameScripts',
};

export interface Credentials {
  email: string;
  password: string;
  username: string;
}

/** The first thing the server would refuse, checked before asking it (the server checks again). */
export function credentialsProblem(mode: 'signIn' | 'signUp', { email, password, username }: Credentials): StringKey | null {
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) return 'auth.invalidEmail';
  if (mode === 'signIn') return password.length === 0 ? 'auth.shortPassword' : null;
  const nameProblem = usernameProblem(normalizeUsername(username.trim())); // the server's own rule
  if (nameProblem !== null) return USERNAME_PROBLEM_KEYS[nameProblem];
  if ([...password].length < 8) return 'auth.shortPassword';
  return null;
}
