import { useEffect, useRef } from 'react';
import { Platform } from 'react-native';

export interface TableKeys {
  onRank: (key: string) => void;
  onPlay: () => void;
  onPass: () => void;
  onHint: () => void;
  onClear: () => void;
}

const RANK_KEY = /^[2-9tjqkaw0]$/i;

/** The table's keyboard on the web: rank keys select, Enter plays, P passes, H hints, Escape clears. */
export function useTableKeyboard(keys: TableKeys): void {
  const latest = useRef(keys);
  latest.current = keys;
  useEffect(() => {
    if (Platform.OS !== 'web' || typeof document === 'undefined') return;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable)) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const handlers = latest.current;
      const key = event.key;
      if (RANK_KEY.test(key)) handlers.onRank(key);
      else if (key === 'Enter' && !(target instanceof HTMLButtonElement) && target?.getAttribute('role') !== 'button') handlers.onPlay();
      else if (key === 'p' || key === 'P') handlers.onPass();
      else if (key === 'h' || key === 'H') handlers.onHint();
      else if (key === 'Escape') handlers.onClear();
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
