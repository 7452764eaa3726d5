import { RANKS } from '@guandan/engine';
import type { SkImage, SkTypeface } from '@shopify/react-native-skia';
import { PixelRatio } from 'react-native';
import { canvasTypeface } from './canvas-typeface';
import { buildCardAtlas, type AtlasSpec, type CardAtlas } from './card-atlas';
import type { CardWords } from './card-art';
import { buildFelt, type FeltLayout } from './felt-art';
import { RecentValues } from './recent-values';
import { type Size, tableLayout } from './table-layout';

/** Sharper than the screen needs is wasted memory; 2× covers phones and retina screens. */
const MAX_DENSITY = 2;
/** Every game starts at the lowest level: the first deal's wild card is a 2. */
export const FIRST_LEVEL = RANKS[0];

export function artDensity(): number {
  return Math.min(MAX_DENSITY, Math.max(1, PixelRatio.get()));
}

export interface FeltSpec {
  layout: FeltLayout;
  density: number;
  brand: string;
}

export type AtlasLook = Omit<AtlasSpec, 'typeface'>;

// A felt per screen size (the table's and the replay's) and an atlas per card size and level: a few of each.
const felts = new RecentValues<SkImage>(2);
const atlases = new RecentValues<CardAtlas>(3);

function feltKey({ layout, density, brand }: FeltSpec): string {
  const { size, headerHeight, centre, compact } = layout;
  return [size.width, size.height, headerHeight, centre.x, centre.y, compact, density, brand].join('|');
}

function atlasKey({ width, height, density, level, words }: AtlasLook): string {
  return [width, height, density, level, words.bigJoker, words.smallJoker, words.wild, words.brand].join('|');
}

/** The felt drawn earlier for this spec, if it is still kept; never draws. */
export function keptFelt(spec: FeltSpec): SkImage | null {
  return felts.get(feltKey(spec)) ?? null;
}

/** The atlas drawn earlier for this look, if it is still kept; never draws. */
export function keptAtlas(look: AtlasLook): CardAtlas | null {
  return atlases.get(atlasKey(look)) ?? null;
}

/** The felt for this spec: the kept one, else drawn now (tens of milliseconds on a slow phone) and kept. */
export function feltFor(spec: FeltSpec, typeface: SkTypeface): SkImage | null {
  const kept = keptFelt(spec);
  if (kept !== null) return kept;
  const image = buildFelt(spec.layout, spec.density, typeface, spec.brand);
  if (image !== null) felts.set(feltKey(spec), image);
  return image;
}

/** The atlas for this look: the kept one, else drawn now and kept. */
export function atlasFor(look: AtlasLook, typeface: SkTypeface): CardAtlas | null {
  const kept = keptAtlas(look);
  if (kept !== null) return kept;
  const atlas = buildCardAtlas({ ...look, typeface });
  if (atlas !== null) atlases.set(atlasKey(look), atlas);
  return atlas;
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Draws the felt and the first deal's atlas for a table of this size ahead of the table, each in its own task,
 * so the table opens with its images ready instead of drawing them while its cards are being dealt.
 */
export async function prepareTableArt(size: Size, words: CardWords): Promise<void> {
  const typeface = await canvasTypeface();
  if (typeface === null) return;
  const layout = tableLayout(size);
  const density = artDensity();
  await nextTask();
  feltFor({ layout, density, brand: words.brand }, typeface);
  await nextTask();
  atlasFor({ width: layout.card.width, height: layout.card.height, density, level: FIRST_LEVEL, words }, typeface);
}
