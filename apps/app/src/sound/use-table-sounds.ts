import { useEffect, useRef } from 'react';
import { isMyTurn, type TableState } from '../table/model/table-state';
import { DEAL_ANIMATION_MS } from '../table/view/table-scene';
import { armSound, playCue } from './sound';
import { FRESH_MEMORY, tableCues } from './table-cues';
import { dueTick } from './turn-ticks';
import { serverNow } from '../session/server-clock';

/** After the first view, what arrives this soon is history being caught up with (as the table's animations treat it). */
const CATCH_UP_MS = 600;
/** Cues of one moment follow each other this far apart rather than all at once. */
const STAGGER_MS = 120;
/** How often the last seconds of a turn are checked: well under a second, so each tick is on time. */
const TICK_CHECK_MS = 200;
/**
 * Sound not loaded before the table (a reload straight into a game): the cues load once the deal animation is over.
 * Creating an AudioContext and decoding the cues takes 100–200 ms of the main thread on a slow machine, which would
 * drop frames of the deal. A gesture at the table loads them at once.
 */
const ARM_AT_TABLE_MS = DEAL_ANIMATION_MS + 100;

/** The table's sounds: what happens at the table as cues, and a tick in the last seconds of this player's turn. */
export function useTableSounds(state: TableState): void {
  const memory = useRef(FRESH_MEMORY);
  const firstViewAt = useRef<number | null>(null);
  const pending = useRef(new Set<ReturnType<typeof setTimeout>>());

  useEffect(() => {
    armSound(ARM_AT_TABLE_MS);
    const timers = pending.current;
    return () => timers.forEach(clearTimeout);
  }, []);

  useEffect(() => {
    const now = Date.now();
    if (state.view !== null && firstViewAt.current === null) firstViewAt.current = now;
    const catchingUp = firstViewAt.current === null || now < firstViewAt.current + CATCH_UP_MS;
    const step = tableCues(memory.current, state, catchingUp);
    memory.current = step.memory;
    const [first, ...rest] = step.cues;
    if (first !== undefined) playCue(first);
    rest.forEach((cue, index) => {
      const timer = setTimeout(() => {
        pending.current.delete(timer);
        playCue(cue);
      }, (index + 1) * STAGGER_MS);
      pending.current.add(timer);
    });
  }, [state]);

  const autoPlay = state.players.find((player) => player.seat === state.view?.seat)?.autoPlay ?? false;
  const ticking = isMyTurn(state) && !autoPlay && state.deadline !== null;
  const deadline = state.deadline;
  useEffect(() => {
    if (!ticking || deadline === null) return;
    let last: number | null = null;
    const timer = setInterval(() => {
      const second = dueTick(deadline, serverNow(), last);
      if (second === null) return;
      last = second;
      playCue('tick');
    }, TICK_CHECK_MS);
    return () => clearInterval(timer);
  }, [ticking, deadline]);
}
