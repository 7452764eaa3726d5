import { Mp3Encoder } from '@breezystack/lamejs';

/**
 * A tiny offline synthesiser for the table's sound cues: oscillators with envelopes, filtered noise bursts and a
 * mixer, all writing into one mono buffer. Deterministic (seeded noise), so the same script always makes the same
 * files and a change to a recipe shows up as a change in the diff.
 */

export const SAMPLE_RATE = 44_100;
/** Mono at 64 kbit/s: clean for these short synthetic sounds, and all twelve cues come to about 80 KB. */
const MP3_KBPS = 64;
/** The MP3 frame size: the encoder takes its input in blocks of this many samples. */
const MP3_FRAME = 1152;

export type Wave = 'sine' | 'triangle' | 'square';

export interface ToneOptions {
  /** Start, in seconds from the beginning of the cue. */
  at: number;
  duration: number;
  /** Frequency in Hz at the start; glides exponentially to `toFreq` when given. */
  freq: number;
  toFreq?: number;
  gain: number;
  wave?: Wave;
  /** Attack in seconds (a few ms avoids a click). */
  attack?: number;
  /** How fast the tone dies away after the attack: the time for it to fall to about 37 %. */
  decay?: number;
  /** Extra harmonics as [multiple of the frequency, relative gain]: a bell or a brighter voice. */
  partials?: ReadonlyArray<readonly [number, number]>;
}

export interface NoiseOptions {
  at: number;
  duration: number;
  gain: number;
  attack?: number;
  decay?: number;
  /** Low-pass cutoff in Hz: low for a rumble, high for a snap. */
  lowpass?: number;
  /** One-pole high-pass cutoff in Hz, to take the boom out of a crack. */
  highpass?: number;
}

/** A mono buffer being mixed. */
export class Mix {
  readonly samples: Float32Array;
  private seed: number;

  constructor(seconds: number, seed = 1) {
    this.samples = new Float32Array(Math.ceil(seconds * SAMPLE_RATE));
    this.seed = seed >>> 0 || 1;
  }

  tone(options: ToneOptions): this {
    const { at, duration, freq, gain, wave = 'sine', attack = 0.004, decay = duration, partials = [] } = options;
    const toFreq = options.toFreq ?? freq;
    const voices: ReadonlyArray<readonly [number, number]> = [[1, 1], ...partials];
    const start = Math.round(at * SAMPLE_RATE);
    const length = Math.round(duration * SAMPLE_RATE);
    const phases = voices.map(() => 0);
    for (let i = 0; i < length && start + i < this.samples.length; i++) {
      const t = i / SAMPLE_RATE;
      const f = freq * Math.pow(toFreq / freq, i / length);
      let value = 0;
      voices.forEach(([multiple, level], v) => {
        phases[v] += (2 * Math.PI * f * multiple) / SAMPLE_RATE;
        // Higher partials fade faster, as they do on struck things.
        value += level * oscillator(wave, phases[v]) * Math.exp((-t * (multiple - 1)) / (decay * 2));
      });
      this.samples[start + i] += gain * envelope(t, duration, attack, decay) * value;
    }
    return this;
  }

  noise(options: NoiseOptions): this {
    const { at, duration, gain, attack = 0.002, decay = duration, lowpass, highpass } = options;
    const start = Math.round(at * SAMPLE_RATE);
    const length = Math.round(duration * SAMPLE_RATE);
    const low = lowpass === undefined ? 1 : onePole(lowpass);
    const high = highpass === undefined ? 0 : onePole(highpass);
    // Two low-pass stages (12 dB an octave): a rumble rather than a hiss.
    let lowState = 0;
    let lowState2 = 0;
    let highState = 0;
    for (let i = 0; i < length && start + i < this.samples.length; i++) {
      const white = this.random() * 2 - 1;
      lowState += low * (white - lowState);
      lowState2 += low * (lowState - lowState2);
      highState += high * (lowState2 - highState);
      const t = i / SAMPLE_RATE;
      this.samples[start + i] += gain * envelope(t, duration, attack, decay) * (lowState2 - highState);
    }
    return this;
  }

  /** Scales the whole cue so its loudest sample is `peak` (cues stay at a similar loudness whatever the recipe). */
  normalise(peak: number): Float32Array {
    let max = 0;
    for (const sample of this.samples) max = Math.max(max, Math.abs(sample));
    const scale = max === 0 ? 0 : peak / max;
    return this.samples.map((sample) => sample * scale);
  }

  /** xorshift32: small, seeded, good enough for noise. */
  private random(): number {
    let x = this.seed;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.seed = x >>> 0;
    return this.seed / 0x1_0000_0000;
  }
}

function oscillator(wave: Wave, phase: number): number {
  switch (wave) {
    case 'sine':
      return Math.sin(phase);
    case 'triangle':
      return (2 / Math.PI) * Math.asin(Math.sin(phase));
    case 'square':
      // A softened square (few harmonics): bright without the harshness of a true one.
      return Math.sin(phase) + Math.sin(3 * phase) / 3 + Math.sin(5 * phase) / 5;
  }
}

/** Linear attack, exponential decay, and a short fade at the end so no cue stops with a click. */
function envelope(t: number, duration: number, attack: number, decay: number): number {
  const rise = attack > 0 ? Math.min(1, t / attack) : 1;
  const fall = Math.exp(-Math.max(0, t - attack) / decay);
  const tail = Math.min(1, (duration - t) / 0.01);
  return rise * fall * Math.max(0, tail);
}

/** The coefficient of a one-pole filter with this cutoff. */
function onePole(cutoff: number): number {
  return 1 - Math.exp((-2 * Math.PI * cutoff) / SAMPLE_RATE);
}

/** 16-bit PCM of samples in [-1, 1]. */
export function toPcm16(samples: Float32Array): Int16Array {
  return Int16Array.from(samples, (sample) => Math.round(Math.max(-1, Math.min(1, sample)) * 32_767));
}

/** A mono 16-bit WAV file (kept for measuring sizes against the compressed files). */
export function wavFile(pcm: Int16Array): Uint8Array {
  const data = pcm.length * 2;
  const bytes = new Uint8Array(44 + data);
  const view = new DataView(bytes.buffer);
  const text = (offset: number, value: string) => [...value].forEach((char, i) => view.setUint8(offset + i, char.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + data, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, SAMPLE_RATE, true);
  view.setUint32(28, SAMPLE_RATE * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, data, true);
  pcm.forEach((sample, i) => view.setInt16(44 + i * 2, sample, true));
  return bytes;
}

/** An MP3 file of 16-bit mono PCM at SAMPLE_RATE. */
export function mp3File(pcm: Int16Array): Uint8Array {
  const encoder = new Mp3Encoder(1, SAMPLE_RATE, MP3_KBPS);
  const chunks: Uint8Array[] = [];
  // The encoder hands back signed bytes (whatever its typings say): view them as plain bytes.
  const bytes = (chunk: ArrayBufferView) => new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  for (let offset = 0; offset < pcm.length; offset += MP3_FRAME) chunks.push(bytes(encoder.encodeBuffer(pcm.subarray(offset, offset + MP3_FRAME))));
  chunks.push(bytes(encoder.flush()));
  return Buffer.concat(chunks);
}
