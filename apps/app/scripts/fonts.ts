/**
 * Builds the UI fonts. Noto Sans SC cut down to the characters the UI shows. The full font is ~10 MB per weight;
 * the subset keeps first load small. A character missing from it draws as nothing in the Skia canvas, so the
 * set is every UI string plus printable ASCII, card symbols and common punctuation. Player names are drawn
 * with platform text, which falls back to the system's fonts.
 *
 * And the table's emoji (EMOJIS, the fixed set players may send), from Noto Emoji (monochrome, OFL): a browser
 * without an emoji font of its own (Linux without one installed, kiosks) draws them as empty boxes otherwise.
 * Phones always have an emoji font, so only the web uses it, after the system's colour emoji fonts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EMOJIS } from '@guandan/protocol';
import subsetFont from 'subset-font';
import { allStrings } from '../src/i18n/strings';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..', 'public', 'fonts');


const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
const EXTRA = '♠♥♣♦★☆✓✗←→↑↓·…—“”‘’，。！？：；、（）《》【】％＋－×大小王掼蛋级头游二游三游末游托管记牌器';

const WEIGHTS = { Regular: '400Regular/NotoSansSC_400Regular.ttf', Bold: '700Bold/NotoSansSC_700Bold.ttf' } as const;

export async function buildFonts(): Promise<void> {
  const text = [ASCII, EXTRA, ...allStrings()].join('');
  mkdirSync(outDir, { recursive: true });
  for (const [weight, file] of Object.entries(WEIGHTS)) {
    const source = readFileSync(require.resolve(`@expo-google-fonts/noto-sans-sc/${file}`));
    // Without the layout closure: the glyphs that OpenType features could swap in (Japanese, Korean and Traditional
    // forms, vertical and width variants) stay out. The UI uses none of them, and they were a quarter of the bytes.
    const subset = await subsetFont(source, text, { targetFormat: 'truetype', noLayoutClosure: true });
    writeFileSync(join(outDir, `NotoSansSC-${weight}.ttf`), subset);
    console.log(`NotoSansSC-${weight}.ttf: ${subset.length} bytes, ${new Set(text).size} characters`);
  }
  const emojiSource = readFileSync(require.resolve('@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf'));
  const emoji = await subsetFont(emojiSource, EMOJIS.join(''), { targetFormat: 'truetype' });
  writeFileSync(join(outDir, 'NotoEmoji.ttf'), emoji);
  console.log(`NotoEmoji.ttf: ${emoji.length} bytes, ${EMOJIS.length} emoji`);
}
