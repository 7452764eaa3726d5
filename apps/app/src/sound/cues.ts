import type { Play } from '@guandan/engine';

/** Every sound the table makes; each is one file, `public/sounds/<cue>.mp3`, made by `scripts/make-sounds.ts`. */
export const CUES = [
  'play',
  'pass',
  'bomb-4',
  'bomb-5',
  'bomb-6',
  'straight-flush',
  'joker-bomb',
  'turn',
  'tick',
  'report',
  'won',
  'lost',
] as const;

export type Cue = (typeof CUES)[number];

/** The file of a cue, relative to the web root (and to `public/`). */
export function cuePath(cue: Cue): string {
  return `/sounds/${cue}.mp3`;
}

/** The sound of a play: the bigger the bomb, the bigger the bang (a straight flush ranks between five and six cards). */
export function playCue(play: Play): Cue {
  switch (play.type) {
    case 'JokerBomb':
      return 'joker-bomb';
    case 'StraightFlush':
      return 'straight-flush';
    case 'Bomb':
      return play.cards.length >= 6 ? 'bomb-6' : play.cards.length === 5 ? 'bomb-5' : 'bomb-4';
    default:
      return 'play';
  }
}
