/**
 * The username rule, shared by the server and the app (zod-free so the app can import it without the schemas).
 * A name is normalised before it is checked or stored, and two names that differ only in case or in Unicode
 * compatibility forms (fullwidth, mathematical letters, ligatures) are the same name.
 */

export const USERNAME_MIN_CHARACTERS = 2;
export const USERNAME_MAX_CHARACTERS = 24;

/** Why a name is refused, in the order the checks run. */
export type UsernameProblem = 'hidden-characters' | 'characters' | 'length' | 'mixed-scripts';

/** The error code each problem is answered with (codes of `PLATFORM_ERROR_CODES`). */
export const USERNAME_PROBLEM_CODES = {
  'hidden-characters': 'USERNAME_HIDDEN_CHARACTERS',
  characters: 'USERNAME_INVALID',
  length: 'USERNAME_INVALID',
  'mixed-scripts': 'USERNAME_MIXED_SCRIPTS',
} as const satisfies Record<UsernameProblem, string>;

export const USERNAME_PROBLEM_TEXT: Record<UsernameProblem, string> = {
  'hidden-characters': 'no control, direction (bidi), invisible or filler characters',
  characters: 'letters, digits, spaces and _ - . only, with at least one letter or digit',
  length: `${USERNAME_MIN_CHARACTERS} to ${USERNAME_MAX_CHARACTERS} characters`,
  'mixed-scripts': 'letters of one script (Chinese, Japanese and Korean may be mixed with Latin), not look-alikes from several',
};

/**
 * NFKC (which makes every other space a plain one), spaces trimmed and inner runs made one: the form a name is
 * checked and stored in. Only spaces are trimmed: a control or bidi character is refused even at an end.
 */
export function normalizeUsername(raw: string): string {
  return raw.normalize('NFKC').replace(/^ +| +$/g, '').replace(/ {2,}/g, ' ');
}

/**
 * The key two names clash on: the normalised name case-folded. JavaScript has no case fold; upper then lower case
 * folds the cases that matter (ß and SS, final and medial sigma) and NFKC again settles what the folding decomposed.
 */
export function usernameKey(name: string): string {
  return normalizeUsername(name).toUpperCase().toLowerCase().normalize('NFKC');
}

/** Characters that change how text reads or draw nothing: controls, format (bidi, zero-width), unassigned, private use. */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u;
const ALLOWED = /^[\p{L}\p{N}_\-. ]+$/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The problem with a name already normalised (`normalizeUsername`), or null when it may be used. */
export function usernameProblem(name: string): UsernameProblem | null {
  if (HIDDEN.test(name)) return 'hidden-characters';
  if (!ALLOWED.test(name) || !LETTER_OR_DIGIT.test(name)) return 'characters';
  const length = [...name].length;
  if (length < USERNAME_MIN_CHARACTERS || length > USERNAME_MAX_CHARACTERS) return 'length';
  if (!scriptsMayMix(scriptsOf(name))) return 'mixed-scripts';
  return null;
}

/**
 * Scripts a name is checked against. A letter of any other script counts as `Other`: such a name must not mix it
 * with a listed script (two unlisted scripts in one name are not told apart).
 */
const SCRIPTS = [
  'Latin', 'Greek', 'Cyrillic', 'Armenian', 'Georgian', 'Hebrew', 'Arabic', 'Syriac', 'Thaana', 'Devanagari', 'Bengali',
  'Gurmukhi', 'Gujarati', 'Oriya', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala', 'Thai', 'Lao', 'Tibetan',
  'Myanmar', 'Khmer', 'Mongolian', 'Ethiopic', 'Cherokee', 'Canadian_Aboriginal', 'Coptic', 'Runic', 'Ogham', 'Tifinagh',
  'Nko', 'Vai', 'Yi', 'Han', 'Hiragana', 'Katakana', 'Bopomofo', 'Hangul',
] as const;
const SCRIPT_PATTERNS = SCRIPTS.map((script) => [script, new RegExp(`\\p{Script=${script}}`, 'u')] as const);
const SHARED = /[\p{Script=Common}\p{Script=Inherited}]/u;

function scriptsOf(name: string): Set<string> {
  const scripts = new Set<string>();
  for (const character of name) {
    if (SHARED.test(character)) continue;
    scripts.add(SCRIPT_PATTERNS.find(([, pattern]) => pattern.test(character))?.[0] ?? 'Other');
  }
  return scripts;
}

/**
 * Unicode's "highly restrictive" profile (UTS #39): one script, or Han with the scripts written beside it -
 * Japanese kana, Chinese bopomofo or Korean hangul - each also with Latin (Chinese players write 张三Zhang, 王2).
 * Latin with Cyrillic or Greek, and kana with hangul, are refused: that is where look-alikes come from.
 */
const MIXES: ReadonlySet<string>[] = [
  new Set(['Latin', 'Han', 'Hiragana', 'Katakana']),
  new Set(['Latin', 'Han', 'Bopomofo']),
  new Set(['Latin', 'Han', 'Hangul']),
];

function scriptsMayMix(scripts: Set<string>): boolean {
  return scripts.size <= 1 || MIXES.some((mix) => [...scripts].every((script) => mix.has(script)));
}
