/**
 * How each cue sounds. Short and soft for what happens every few seconds (a play, a pass, a tick), longer and
 * fuller for what should be noticed (a bomb, 报牌, the end of a deal). Bombs grow with their size.
 */
import type { Cue } from '../src/sound/cues';
import { Mix } from './sound-synth';

/** A bell-like voice: a few inharmonic partials that die away faster than the fundamental. */
const BELL = [
  [2.0, 0.35],
  [3.01, 0.18],
  [4.2, 0.08],
] as const;

/**
 * A bang into `mix`: a noise crack, a low sweep (the boom) and a rumble; `size` from 1 up makes it longer and
 * heavier and adds an echoing hit per step.
 */
function bang(mix: Mix, size: number): Mix {
  const length = 0.5 + size * 0.25;
  mix.noise({ at: 0, duration: 0.12, gain: 0.7, decay: 0.03, highpass: 900 });
  mix.tone({ at: 0, duration: length, freq: 150 - size * 15, toFreq: 38, gain: 1, decay: 0.16 + size * 0.08, attack: 0.002 });
  mix.noise({ at: 0, duration: length, gain: 0.9 + size * 0.2, decay: 0.12 + size * 0.09, lowpass: 420 });
  for (let hit = 1; hit < size; hit++) {
    const at = hit * 0.16;
    mix.noise({ at, duration: 0.3, gain: 0.6, decay: 0.08, lowpass: 900 });
    mix.tone({ at, duration: 0.35, freq: 110, toFreq: 40, gain: 0.7, decay: 0.1 });
  }
  return mix;
}

function bomb(size: 1 | 2 | 3): Float32Array {
  return bang(new Mix(0.5 + size * 0.25, 40 + size), size).normalise(0.95);
}

const RECIPES: Record<Cue, () => Float32Array> = {
  // A card laid on the felt: a short bright snap over a soft knock.
  play: () =>
    new Mix(0.12, 1)
      .noise({ at: 0, duration: 0.08, gain: 0.8, decay: 0.012, highpass: 1800 })
      .tone({ at: 0, duration: 0.1, freq: 240, toFreq: 150, gain: 0.5, decay: 0.025 })
      .normalise(0.6),
  // 不出: two soft falling notes.
  pass: () =>
    new Mix(0.3, 2)
      .tone({ at: 0, duration: 0.14, freq: 523, gain: 0.5, wave: 'triangle', decay: 0.07 })
      .tone({ at: 0.1, duration: 0.2, freq: 392, gain: 0.5, wave: 'triangle', decay: 0.08 })
      .normalise(0.45),
  'bomb-4': () => bomb(1),
  'bomb-5': () => bomb(2),
  'bomb-6': () => bomb(3),
  // 同花顺: a bang and a quick rising run of bells.
  'straight-flush': () => {
    const mix = new Mix(1.0, 7);
    mix.noise({ at: 0, duration: 0.5, gain: 0.7, decay: 0.12, lowpass: 500 });
    mix.tone({ at: 0, duration: 0.5, freq: 130, toFreq: 45, gain: 0.7, decay: 0.15 });
    [784, 988, 1175, 1568, 1976].forEach((freq, i) =>
      mix.tone({ at: 0.06 + i * 0.07, duration: 0.5, freq, gain: 0.28, decay: 0.14, partials: BELL }),
    );
    return mix.normalise(0.95);
  },
  // 天王炸: the biggest bang, a rising whoosh and a bright chord over it.
  'joker-bomb': () => {
    const mix = bang(new Mix(1.6, 8), 4);
    mix.noise({ at: 0.15, duration: 0.7, gain: 0.25, attack: 0.35, decay: 0.2, highpass: 2500 });
    [523, 659, 784, 1047].forEach((freq) => mix.tone({ at: 0.45, duration: 1.1, freq, gain: 0.2, decay: 0.35, partials: BELL }));
    return mix.normalise(0.98);
  },
  // 轮到你了: a two-note chime, rising.
  turn: () =>
    new Mix(0.55, 9)
      .tone({ at: 0, duration: 0.3, freq: 659, gain: 0.5, decay: 0.12, partials: BELL })
      .tone({ at: 0.12, duration: 0.42, freq: 880, gain: 0.5, decay: 0.15, partials: BELL })
      .normalise(0.6),
  // The last seconds of a turn: a wood-block tick.
  tick: () =>
    new Mix(0.06, 10)
      .tone({ at: 0, duration: 0.06, freq: 1400, gain: 0.7, decay: 0.012, attack: 0.001 })
      .noise({ at: 0, duration: 0.02, gain: 0.3, decay: 0.004, highpass: 3000 })
      .normalise(0.5),
  // 报牌: three quick bright beeps, an alert that is not an alarm.
  report: () => {
    const mix = new Mix(0.5, 11);
    [0, 0.13, 0.26].forEach((at) => mix.tone({ at, duration: 0.11, freq: 1047, gain: 0.4, wave: 'square', decay: 0.06 }));
    return mix.normalise(0.55);
  },
  // 本局胜利: a major arpeggio up to a held chord.
  won: () => {
    const mix = new Mix(1.5, 12);
    [523, 659, 784].forEach((freq, i) => mix.tone({ at: i * 0.12, duration: 0.4, freq, gain: 0.35, wave: 'triangle', decay: 0.15, partials: BELL }));
    [523, 659, 784, 1047].forEach((freq) => mix.tone({ at: 0.36, duration: 1.1, freq, gain: 0.25, wave: 'triangle', decay: 0.4, partials: BELL }));
    return mix.normalise(0.75);
  },
  // 本局失利: a slow falling minor line.
  lost: () => {
    const mix = new Mix(1.3, 13);
    [392, 311, 262].forEach((freq, i) => mix.tone({ at: i * 0.22, duration: i === 2 ? 0.8 : 0.3, freq, gain: 0.4, wave: 'triangle', decay: i === 2 ? 0.3 : 0.12 }));
    mix.tone({ at: 0.44, duration: 0.8, freq: 131, gain: 0.25, decay: 0.3 });
    return mix.normalise(0.6);
  },
};

/** The samples of one cue, mono, at SAMPLE_RATE. */
export function synthesise(cue: Cue): Float32Array {
  return RECIPES[cue]();
}
