import { cardId, rankIndex } from '@guandan/engine';
import { Skia, type SkImage, type SkRect, type SkTypeface } from '@shopify/react-native-skia';
import { drawOffscreen } from './offscreen';
import { type CardArt, type CardWords, drawCardBase, drawCardFace, drawSelection } from './card-art';
import type { SuitLetter } from './suit-paths';

/**
 * Every card face drawn once into one image, so the whole table's cards go out in a single `drawAtlas` call per
 * frame: 54 faces, the back, and the selection ring drawn over a selected card.
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
export const SELECTION_TILE = 55;
const TILES = 56;
const COLUMNS = 8;
const SUITS: readonly SuitLetter[] = ['S', 'H', 'C', 'D'];
const RANKS = ['2', '3', '4', '5', '6', '7', '8', '9', 'T', 'J', 'Q', 'K', 'A'];

/** The tile of a card string, or of the back for null. */
export function tileOf(card: string | null): number {
  return card === null ? BACK_TILE : cardId(card);
}

function artOf(id: number, level: number): CardArt {
  if (id === BACK_TILE) return { kind: 'back' };
  if (id >= 52) return { kind: 'joker', big: id === 53 };
  const suit = SUITS[Math.floor(id / 13)];
  const rank = id % 13;
  return { kind: 'natural', suit, rank: RANKS[rank], isLevel: rank === level, isWild: rank === level && suit === 'H' };
}

export interface AtlasSpec {
  width: number;
  height: number;
  density: number;
  level: string;
  typeface: SkTypeface | null;
  words: CardWords;
}

/** The shadowed blank card, blurred once and then copied under every face. */
function blankCard(spec: AtlasSpec, pad: number, tileWidth: number, tileHeight: number): SkImage | null {
  return drawOffscreen(tileWidth, tileHeight, spec.density, (canvas) => drawCardBase(canvas, pad, pad, spec.width, spec.height));
}

export function buildCardAtlas(spec: AtlasSpec): CardAtlas | null {
  const pad = Math.ceil(spec.width * 0.08);
  const tileWidth = spec.width + 2 * pad;
  const tileHeight = spec.height + 2 * pad;
  const rows = Math.ceil(TILES / COLUMNS);
  const level = rankIndex(spec.level);
  const base = blankCard(spec, pad, tileWidth, tileHeight);
  const image = drawOffscreen(tileWidth * COLUMNS, tileHeight * rows, spec.density, (canvas) => {
    for (let tile = 0; tile < TILES; tile++) {
      const left = (tile % COLUMNS) * tileWidth;
      const top = Math.floor(tile / COLUMNS) * tileHeight;
      if (tile === SELECTION_TILE) {
        drawSelection(canvas, left + pad, top + pad, spec.width, spec.height);
        continue;
      }
      if (base !== null) canvas.drawImageRect(base, Skia.XYWHRect(0, 0, base.width(), base.height()), Skia.XYWHRect(left, top, tileWidth, tileHeight), Skia.Paint());
      drawCardFace(canvas, artOf(tile, level), left + pad, top + pad, spec.width, spec.height, spec.typeface, spec.words);
    }
  });
  if (image === null) return null;
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
