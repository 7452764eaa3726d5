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

/**
 * What is wrong with a date of birth as typed (YYYY-MM-DD, a real day, not in the future), or null. The server checks
 * it again and the age gate is its alone (UNDER_AGE).
 */
export function birthDateProblem(birthDate: string, today = new Date()): StringKey | null {
  const text = birthDate.trim();
  const day = new Date(`${text}T00:00:00Z`);
  const real = /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
  return real && text >= '1900-01-01' && text <= today.toISOString().slice(0, 10) ? null : 'auth.badBirthDate';
}
