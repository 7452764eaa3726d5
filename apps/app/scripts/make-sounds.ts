/**
 * Makes the table's sound cues: synthesises each one (scripts/sound-recipes.ts) and writes it as MP3 into
 * public/sounds/, which the web build serves and the phone build bundles. MP3 because every browser and both
 * phone players (AVPlayer, ExoPlayer) decode it; it is about a fifth of the 16-bit WAV (the table it prints shows
 * both). The files are committed; run this again after changing a recipe:
 *   node --import tsx scripts/make-sounds.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CUES, cuePath } from '../src/sound/cues';
import { synthesise } from './sound-recipes';
import { mp3File, SAMPLE_RATE, toPcm16, wavFile } from './sound-synth';

const publicDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public');

let mp3Total = 0;
let wavTotal = 0;
const rows: string[] = [];
for (const cue of CUES) {
  const pcm = toPcm16(synthesise(cue));
  const mp3 = mp3File(pcm);
  const path = join(publicDir, cuePath(cue));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, mp3);
  const wav = wavFile(pcm).length;
  mp3Total += mp3.length;
  wavTotal += wav;
  rows.push(`${cue.padEnd(16)}${(pcm.length / SAMPLE_RATE).toFixed(2).padStart(6)} s${(mp3.length / 1024).toFixed(1).padStart(8)} KB${(wav / 1024).toFixed(1).padStart(9)} KB`);
}
console.log(`${'cue'.padEnd(16)}${'length'.padStart(8)}${'mp3'.padStart(11)}${'wav'.padStart(12)}`);
console.log(rows.join('\n'));
console.log(`${'total'.padEnd(24)}${(mp3Total / 1024).toFixed(1).padStart(8)} KB${(wavTotal / 1024).toFixed(1).padStart(9)} KB`);
