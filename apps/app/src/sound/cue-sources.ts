import type { Cue } from './cues';

/** On phones the cues are bundled assets, loaded by module id (Metro needs each path written out). */
export const CUE_SOURCES: Record<Cue, number> = {
  play: require('../../public/sounds/play.mp3') as number,
  pass: require('../../public/sounds/pass.mp3') as number,
  'bomb-4': require('../../public/sounds/bomb-4.mp3') as number,
  'bomb-5': require('../../public/sounds/bomb-5.mp3') as number,
  'bomb-6': require('../../public/sounds/bomb-6.mp3') as number,
  'straight-flush': require('../../public/sounds/straight-flush.mp3') as number,
  'joker-bomb': require('../../public/sounds/joker-bomb.mp3') as number,
  turn: require('../../public/sounds/turn.mp3') as number,
  tick: require('../../public/sounds/tick.mp3') as number,
  report: require('../../public/sounds/report.mp3') as number,
  won: require('../../public/sounds/won.mp3') as number,
  lost: require('../../public/sounds/lost.mp3') as number,
};
