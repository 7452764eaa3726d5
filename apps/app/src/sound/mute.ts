import { useSyncExternalStore } from 'react';
import { storage } from '../platform/storage';
import { MUTED_KEY } from './mute-key';

let muted = false;
/** Until the stored choice is read, nothing plays: a muted player must never hear a first beep. */
let known = false;
let reading: Promise<void> | null = null;
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

/** Reads the stored choice once; later calls share the first read. */
export function loadMuted(): Promise<void> {
  reading ??= storage
    .get(MUTED_KEY)
    .then((value) => {
      // A choice made while the read was in flight wins over the stored one.
      if (!known) muted = value === '1';
    })
    .catch(() => undefined)
    .finally(() => {
      known = true;
      notify();
    });
  return reading;
}

/** Sounds may play: the stored choice is known and it is not muted. */
export function soundAllowed(): boolean {
  return known && !muted;
}

export function isMuted(): boolean {
  return muted;
}

export function setMuted(value: boolean): void {
  muted = value;
  known = true;
  notify();
  void storage.set(MUTED_KEY, value ? '1' : '0');
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  void loadMuted();
  return () => listeners.delete(listener);
}

/** The switch's state for a view; it re-renders when the choice changes anywhere (the table and the lobby). */
export function useMuted(): boolean {
  return useSyncExternalStore(subscribe, isMuted, isMuted);
}
