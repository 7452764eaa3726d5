import { useEffect } from 'react';
import { armSound } from '../sound/sound';
import { usePrepareTableArt } from './view/use-table-art';

/** A moment after a screen that leads to a table appears: its sound cues start loading while nothing moves. */
const ARM_AHEAD_MS = 300;

/**
 * On the screens that lead to a table (the lobby, the room): the table's images are drawn and its sounds loaded
 * there, so the table's first seconds (the deal animation) carry none of that work.
 */
export function usePrepareTable(): void {
  usePrepareTableArt();
  useEffect(() => armSound(ARM_AHEAD_MS), []);
}
