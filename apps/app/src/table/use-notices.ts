import { useCallback, useState } from 'react';
import { useExpiry } from './view/TableNotices';

/** More lines than this and the oldest go: the banner must not grow over the table. */
const MAX_LINES = 4;

export interface NoticeControl {
  /** The lines to show now: none once the last one's time is up. */
  lines: readonly string[];
  /** Adds a line under those still shown; all of them then stay `ms` more. */
  add: (line: string, ms: number) => void;
  /** Shows only this line for `ms`. */
  show: (line: string, ms: number) => void;
}

/** The banner of short notices across the top of the felt: tribute exchanges, a timeout's warning, no better play. */
export function useNotices(): NoticeControl {
  const [notices, setNotices] = useState<{ until: number; lines: string[] }>({ until: 0, lines: [] });
  const add = useCallback((line: string, ms: number) => {
    const now = Date.now();
    setNotices((previous) => ({ until: now + ms, lines: [...(previous.until > now ? previous.lines : []), line].slice(-MAX_LINES) }));
  }, []);
  const show = useCallback((line: string, ms: number) => setNotices({ until: Date.now() + ms, lines: [line] }), []);
  const live = useExpiry(notices.until);
  return { lines: live ? notices.lines : [], add, show };
}
