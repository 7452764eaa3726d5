import type { Cue } from './cues';

/** What the table needs from a platform's audio: `player.ts` on phones (expo-audio), `player.web.ts` (Web Audio). */
export interface SoundPlayer {
  /**
   * Starts loading the cues `delayMs` from now, or later if the platform needs more (on the web, the page's first
   * user gesture: never during the first page load). Safe to call again: the cues load once.
   */
  arm(delayMs: number): void;
  /** Plays a loaded cue at once; a cue not loaded yet is skipped rather than played late. */
  play(cue: Cue): void;
}
