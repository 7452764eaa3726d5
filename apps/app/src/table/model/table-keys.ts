/**
 * The table's keyboard as plain data: which key does what, and the list the help overlay shows. The web hook
 * (use-table-keyboard.ts) only translates DOM events into these commands.
 */

export type TableCommand =
  | { kind: 'rank'; key: string }
  | { kind: 'play' }
  | { kind: 'pass' }
  | { kind: 'hint' }
  | { kind: 'clear' }
  | { kind: 'tracker' }
  | { kind: 'help' };

/** A key press as far as the table cares: the key and its modifiers. */
export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

const RANK_KEY = /^[2-9tjqkaw0]$/i;

/**
 * The command of a key press, or null when the table leaves the key alone. Enter and Space play whatever has the
 * focus: after a mouse click on 提示 the button keeps the focus, and the browser would otherwise press it again.
 */
export function commandForKey(press: KeyPress): TableCommand | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  const { key } = press;
  if (RANK_KEY.test(key)) return { kind: 'rank', key };
  switch (key) {
    case 'Enter':
    case ' ':
    case 'Spacebar':
      return { kind: 'play' };
    case 'p':
    case 'P':
      return { kind: 'pass' };
    case 'h':
    case 'H':
      return { kind: 'hint' };
    case 'c':
    case 'C':
      return { kind: 'tracker' };
    case 'Escape':
      return { kind: 'clear' };
    case '?':
      return { kind: 'help' };
    default:
      return null;
  }
}

/** The i18n keys of the help overlay's lines (the strings live in src/i18n/table.ts). */
export type ShortcutAction = 'keys.play' | 'keys.pass' | 'keys.hint' | 'keys.rank' | 'keys.joker' | 'keys.clear' | 'keys.tracker' | 'keys.help';

export interface Shortcut {
  /** The keys as printed on a keyboard. */
  keys: readonly string[];
  /** One key of the list that the test presses to check the line says the truth. */
  sample: KeyPress;
  action: ShortcutAction;
}

/** Every shortcut, in the order the help overlay lists them. */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['Enter', 'Space'], sample: { key: 'Enter' }, action: 'keys.play' },
  { keys: ['P'], sample: { key: 'p' }, action: 'keys.pass' },
  { keys: ['H'], sample: { key: 'h' }, action: 'keys.hint' },
  { keys: ['2–9', '0 / T', 'J', 'Q', 'K', 'A'], sample: { key: 'q' }, action: 'keys.rank' },
  { keys: ['W'], sample: { key: 'w' }, action: 'keys.joker' },
  { keys: ['Esc'], sample: { key: 'Escape' }, action: 'keys.clear' },
  { keys: ['C'], sample: { key: 'c' }, action: 'keys.tracker' },
  { keys: ['?'], sample: { key: '?' }, action: 'keys.help' },
];

/** The command each help line promises, for the test that holds the list and the keys together. */
export const SHORTCUT_COMMANDS: Record<ShortcutAction, TableCommand['kind']> = {
  'keys.play': 'play',
  'keys.pass': 'pass',
  'keys.hint': 'hint',
  'keys.rank': 'rank',
  'keys.joker': 'rank',
  'keys.clear': 'clear',
  'keys.tracker': 'tracker',
  'keys.help': 'help',
};
