import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { synthesise } from '../scripts/sound-recipes';
import { mp3File, SAMPLE_RATE, toPcm16 } from '../scripts/sound-synth';
import { CUES, type Cue, cuePath } from '../src/sound/cues';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const publicDir = join(appDir, 'public');
const soundsDir = join(publicDir, 'sounds');
/** The budget for all the sounds together. */
const BUDGET = 300 * 1024;

const file = (cue: Cue) => join(publicDir, cuePath(cue));

/** An MPEG audio frame header: 11 set sync bits, MPEG-1 layer III. */
function isMp3(bytes: Buffer): boolean {
  return bytes.length > 4 && bytes[0] === 0xff && (bytes[1] & 0xfe) === 0xfa;
}

const energy = (samples: Float32Array) => samples.reduce((sum, sample) => sum + sample * sample, 0);

describe('the sound files', () => {
  it('every cue has its MP3 file, and there is no other file', () => {
    for (const cue of CUES) assert.ok(isMp3(readFileSync(file(cue))), `${cuePath(cue)} is an MP3`);
    assert.deepEqual(readdirSync(soundsDir).sort(), CUES.map((cue) => `${cue}.mp3`).sort());
  });

  it(`weigh under ${BUDGET / 1024} KB together`, () => {
    const total = CUES.reduce((sum, cue) => sum + statSync(file(cue)).size, 0);
    assert.ok(total < BUDGET, `${total} bytes`);
  });

  it('are what scripts/make-sounds.ts makes (nobody edited one by hand or forgot to run it)', () => {
    for (const cue of CUES) assert.ok(Buffer.from(mp3File(toPcm16(synthesise(cue)))).equals(readFileSync(file(cue))), `${cue}: run node --import tsx scripts/make-sounds.ts`);
  });

  it('are all bundled for phones, each under its own cue', () => {
    const source = readFileSync(join(appDir, 'src', 'sound', 'cue-sources.ts'), 'utf8');
    const entries = [...source.matchAll(/^\s*'?([\w-]+)'?: require\('\.\.\/\.\.\/public\/sounds\/([\w-]+)\.mp3'\)/gm)].map(([, key, name]) => [key, name]);
    assert.deepEqual(entries.sort(), CUES.map((cue) => [cue, cue]).sort());
  });
});

describe('the synthesised cues', () => {
  for (const cue of CUES) {
    it(`${cue}: finite, within full scale, and starts and ends without a click`, () => {
      const samples = synthesise(cue);
      assert.ok(samples.length > 0.03 * SAMPLE_RATE && samples.length < 2 * SAMPLE_RATE, `${samples.length} samples`);
      for (const sample of samples) assert.ok(Number.isFinite(sample) && Math.abs(sample) <= 1);
      assert.ok(Math.abs(samples[0]) < 0.05, 'starts near silence');
      assert.ok(Math.abs(samples[samples.length - 1]) < 0.01, 'ends in silence');
    });
  }

  it('bombs grow with their size: longer and with more energy, the joker bomb the biggest', () => {
    const order: Cue[] = ['bomb-4', 'bomb-5', 'bomb-6', 'joker-bomb'];
    const sounds = order.map(synthesise);
    for (let i = 1; i < sounds.length; i++) {
      assert.ok(sounds[i].length > sounds[i - 1].length, `${order[i]} is longer than ${order[i - 1]}`);
      assert.ok(energy(sounds[i]) > energy(sounds[i - 1]), `${order[i]} is bigger than ${order[i - 1]}`);
    }
    // What sounds every few seconds is far quieter than any bomb.
    for (const quiet of ['play', 'pass', 'tick'] as const) assert.ok(energy(synthesise(quiet)) * 5 < energy(sounds[0]), quiet);
  });
});
