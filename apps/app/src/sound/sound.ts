import type { Cue } from './cues';
import { loadMuted, soundAllowed } from './mute';
import { soundPlayer } from './player';

/** Gets the table's sounds ready: the mute choice is read and the cues load `delayMs` from now or when the platform allows. */
export function armSound(delayMs: number): void {
  void loadMuted();
  soundPlayer.arm(delayMs);
}

/** Plays a cue unless the device is muted (or its choice is not read yet). */
export function playCue(cue: Cue): void {
  if (soundAllowed()) soundPlayer.play(cue);
}
