import { useEffect, useRef } from 'react';
import { Platform } from 'react-native';
import { commandForKey, type TableCommand } from './model/table-keys';

export interface TableKeys {
  /** False while a dialog of the table is open (the quit confirmation): its buttons keep Enter and Space. */
  enabled: boolean;
  onRank: (key: string) => void;
  onPlay: () => void;
  onPass: () => void;
  onHint: () => void;
  onClear: () => void;
  onTracker: () => void;
  onHelp: () => void;
}

/** Typing goes to text fields, and while a modal dialog is open (a confirmation) the keys are its own. */
function keepsItsKeys(target: EventTarget | null): boolean {
  if (document.querySelector('[aria-modal="true"]') !== null) return true;
  if (!(target instanceof HTMLElement)) return false;
  return target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable;
}

function run(command: TableCommand, keys: TableKeys): void {
  switch (command.kind) {
    case 'rank':
      return keys.onRank(command.key);
    case 'play':
      return keys.onPlay();
    case 'pass':
      return keys.onPass();
    case 'hint':
      return keys.onHint();
    case 'clear':
      return keys.onClear();
    case 'tracker':
      return keys.onTracker();
    case 'help':
      return keys.onHelp();
  }
}

/**
 * The table's keyboard on the web (see model/table-keys.ts for the keys). It listens on the window in the capture
 * phase and stops the keys it uses there, so a button that kept the focus after a mouse click (提示, 记牌器) never
 * sees Enter or Space: those always play the selection.
 */
export function useTableKeyboard(keys: TableKeys): void {
  const latest = useRef(keys);
  latest.current = keys;
  useEffect(() => {
    if (Platform.OS !== 'web' || typeof window === 'undefined') return;
    const onKey = (event: KeyboardEvent) => {
      if (!latest.current.enabled || keepsItsKeys(event.target)) return;
      const command = commandForKey(event);
      if (command === null) return;
      event.preventDefault();
      event.stopPropagation();
      // A held key repeats: one press is one play, pass or hint.
      if (event.repeat && command.kind !== 'rank') return;
      run(command, latest.current);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
