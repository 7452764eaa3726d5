import { cardId, rankIndex } from '@guandan/engine';
import { Skia, type SkImage, type SkRect, type SkTypeface } from '@shopify/react-native-skia';
import { type CardArt, type CardWords, drawCard } from './card-art';
import type { SuitLetter } from './suit-paths';

/**
 * Every card face drawn once into one image, so the whole table's cards go out in a single `drawAtlas` call per
 * frame: 54 faces plus the back, each plain and selected.
 */
export interface CardAtlas {
  image: SkImage;
  /** The card size in CSS pixels the faces were drawn for. */
  width: number;
  height: number;
  /** Room around each face for its shadow, in CSS pixels: a sprite's top-left is the card's minus this. */
  pad: number;
  /** Device pixels per CSS pixel inside the image (the RSXform scales by its inverse). */
  density: number;
  sprite(tile: number): SkRect;
}

export const BACK_TILE = 54;
const TILES_PER_VARIANT = 55;
const COLUMNS = 11;
const SUITS: readonly SuitLetter[] = ['S', 'H', 'C', 'D'];
const RANKS = ['2', '3', '4', '5', '6', '7', '8', '9', 'T', 'J', 'Q', 'K', 'A'];

/** The tile of a card string (or the back for null) in its plain or selected variant. */
export function tileOf(card: string | null, selected = false): number {
  const id = card === null ? BACK_TILE : cardId(card);
  return id + (selected && card !== null ? TILES_PER_VARIANT : 0);
}

function artOf(tile: number, level: number): CardArt {
  const selected = tile >= TILES_PER_VARIANT;
  const id = tile % TILES_PER_VARIANT;
  if (id === BACK_TILE) return { kind: 'back' };
  if (id >= 52) return { kind: 'joker', big: id === 53, selected };
  const suit = SUITS[Math.floor(id / 13)];
  const rank = id % 13;
  return { kind: 'natural', suit, rank: RANKS[rank], isLevel: rank === level, isWild: rank === level && suit === 'H', selected };
}

export interface AtlasSpec {
  width: number;
  height: number;
  density: number;
  level: string;
  typeface: SkTypeface | null;
  words: CardWords;
}

export function buildCardAtlas(spec: AtlasSpec): CardAtlas | null {
  const pad = Math.ceil(spec.width * 0.08);
  const tileWidth = spec.width + 2 * pad;
  const tileHeight = spec.height + 2 * pad;
  const tiles = TILES_PER_VARIANT * 2;
  const rows = Math.ceil(tiles / COLUMNS);
  const surface = Skia.Surface.Make(Math.ceil(tileWidth * COLUMNS * spec.density), Math.ceil(tileHeight * rows * spec.density));
  if (surface === null) return null;
  const canvas = surface.getCanvas();
  canvas.scale(spec.density, spec.density);
  const level = rankIndex(spec.level);
  for (let tile = 0; tile < tiles; tile++) {
    const x = (tile % COLUMNS) * tileWidth + pad;
    const y = Math.floor(tile / COLUMNS) * tileHeight + pad;
    drawCard(canvas, artOf(tile, level), x, y, spec.width, spec.height, spec.typeface, spec.words);
  }
  surface.flush();
  const image = surface.makeImageSnapshot();
  const density = spec.density;
  return {
    image,
    width: spec.width,
    height: spec.height,
    pad,
    density,
    sprite: (tile) =>
      Skia.XYWHRect(
        (tile % COLUMNS) * tileWidth * density,
        Math.floor(tile / COLUMNS) * tileHeight * density,
        tileWidth * density,
        tileHeight * density,
      ),
  };
}
