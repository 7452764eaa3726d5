import { BlurStyle, PaintStyle, Skia, type SkCanvas, type SkFont, type SkPaint, type SkTypeface, TileMode } from '@shopify/react-native-skia';
import { starPath, type SuitLetter, suitPaths } from './suit-paths';

/** What a face shows; the atlas asks for each distinct one once. */
export type CardArt =
  | { kind: 'natural'; suit: SuitLetter; rank: string; isLevel: boolean; isWild: boolean }
  | { kind: 'joker'; big: boolean }
  | { kind: 'back' };

/** Words drawn on cards, in the player's language (every character must be in the canvas font). */
export interface CardWords {
  bigJoker: string;
  smallJoker: string;
  wild: string;
  brand: string;
}

export const INK = '#1b1c20';
export const RED = '#c8102e';
const GOLD = '#d9a520';
const GOLD_LIGHT = '#ffe08a';
const SELECTED = '#ffc93c';

const RANK_TEXT: Record<string, string> = { T: '10' };

function paint(color: string, style: 'fill' | 'stroke' = 'fill', strokeWidth = 1): SkPaint {
  const result = Skia.Paint();
  result.setAntiAlias(true);
  result.setColor(Skia.Color(color));
  if (style === 'stroke') {
    result.setStyle(PaintStyle.Stroke);
    result.setStrokeWidth(strokeWidth);
  }
  return result;
}

/** Fonts by size for the typeface in use: an atlas asks for the same few sizes dozens of times. */
const fonts = new Map<string, SkFont>();
let fontsOf: SkTypeface | null = null;

function font(typeface: SkTypeface | null, size: number, scaleX = 1): SkFont {
  if (typeface !== fontsOf) {
    fonts.clear();
    fontsOf = typeface;
  }
  const key = `${size.toFixed(2)}x${scaleX}`;
  let cached = fonts.get(key);
  if (cached === undefined) {
    cached = typeface ? Skia.Font(typeface, size) : Skia.Font(undefined, size);
    cached.setScaleX(scaleX);
    fonts.set(key, cached);
  }
  return cached;
}

function drawCentred(canvas: SkCanvas, text: string, cx: number, baseline: number, textFont: SkFont, textPaint: SkPaint): void {
  const width = textFont.getTextWidth(text);
  canvas.drawText(text, cx - width / 2, baseline, textPaint, textFont);
}

function drawSuit(canvas: SkCanvas, suit: SuitLetter, x: number, y: number, size: number, suitPaint: SkPaint): void {
  canvas.save();
  canvas.translate(x, y);
  canvas.scale(size / 100, size / 100);
  canvas.drawPath(suitPaths()[suit], suitPaint);
  canvas.restore();
}

/** The blank card every face is drawn on: its drop shadow (blurred once, here, never per frame) and the white body. */
export function drawCardBase(canvas: SkCanvas, x: number, y: number, w: number, h: number): void {
  const radius = w * 0.09;
  const shadow = paint('rgba(0,0,0,0.45)');
  shadow.setMaskFilter(Skia.MaskFilter.MakeBlur(BlurStyle.Normal, Math.max(1.5, w * 0.035), true));
  canvas.drawRRect(Skia.RRectXY(Skia.XYWHRect(x + w * 0.015, y + h * 0.025, w, h), radius, radius), shadow);
  const body = Skia.RRectXY(Skia.XYWHRect(x, y, w, h), radius, radius);
  const face = Skia.Paint();
  face.setAntiAlias(true);
  face.setShader(
    Skia.Shader.MakeLinearGradient({ x, y }, { x, y: y + h }, [Skia.Color('#ffffff'), Skia.Color('#f1ecdf')], null, TileMode.Clamp),
  );
  canvas.drawRRect(body, face);
  canvas.drawRRect(body, paint('#bdb59f', 'stroke', Math.max(1, w * 0.012)));
}

/** What marks a selected card, drawn over it: a gold ring and a warm tint. */
export function drawSelection(canvas: SkCanvas, x: number, y: number, w: number, h: number): void {
  const radius = w * 0.09;
  const inset = Math.max(1.5, w * 0.025);
  canvas.drawRRect(Skia.RRectXY(Skia.XYWHRect(x, y, w, h), radius, radius), paint('rgba(255,214,80,0.14)'));
  const ring = Skia.RRectXY(Skia.XYWHRect(x + inset / 2, y + inset / 2, w - inset, h - inset), radius, radius);
  canvas.drawRRect(ring, paint(SELECTED, 'stroke', inset * 1.6));
}

/** Draws what is on a card over its base (see drawCardBase), `w`×`h` CSS pixels with its top-left at (x, y). */
export function drawCardFace(canvas: SkCanvas, art: CardArt, x: number, y: number, w: number, h: number, typeface: SkTypeface | null, words: CardWords): void {
  if (art.kind === 'back') drawBack(canvas, Skia.RRectXY(Skia.XYWHRect(x, y, w, h), w * 0.09, w * 0.09), x, y, w, h, typeface, words);
  else if (art.kind === 'joker') drawJoker(canvas, art.big, x, y, w, h, typeface, words);
  else drawNatural(canvas, art, x, y, w, h, typeface, words);
}

function drawNatural(
  canvas: SkCanvas,
  art: Extract<CardArt, { kind: 'natural' }>,
  x: number,
  y: number,
  w: number,
  h: number,
  typeface: SkTypeface | null,
  words: CardWords,
): void {
  const red = art.suit === 'H' || art.suit === 'D';
  const ink = paint(red ? RED : INK);
  const rank = RANK_TEXT[art.rank] ?? art.rank;
  // The corner column is what the overlapping fan leaves visible, so everything that identifies a card lives in it.
  const column = x + w * 0.17;
  const rankFont = rank.length > 1 ? font(typeface, w * 0.3, 0.82) : font(typeface, w * 0.36);
  drawCentred(canvas, rank, column, y + h * 0.2, rankFont, ink);
  const small = w * 0.2;
  drawSuit(canvas, art.suit, column - small / 2, y + h * 0.25, small, ink);
  if (art.isLevel) {
    canvas.drawPath(starPath(column, y + h * 0.5, w * 0.095), paint(GOLD));
    canvas.drawPath(starPath(column, y + h * 0.5, w * 0.095), paint('#8a6400', 'stroke', Math.max(0.8, w * 0.01)));
  }
  if (art.isWild) {
    const badgeY = y + h * 0.64;
    canvas.drawCircle(column, badgeY, w * 0.12, paint(RED));
    canvas.drawCircle(column, badgeY, w * 0.12, paint(GOLD_LIGHT, 'stroke', Math.max(1, w * 0.018)));
    drawCentred(canvas, words.wild, column, badgeY + w * 0.055, font(typeface, w * 0.15), paint('#fff6d6'));
  }
  const isFace = art.rank === 'J' || art.rank === 'Q' || art.rank === 'K';
  const cx = x + w * 0.6;
  const cy = y + h * 0.56;
  if (isFace) {
    const frame = Skia.RRectXY(Skia.XYWHRect(x + w * 0.34, y + h * 0.16, w * 0.56, h * 0.74), w * 0.05, w * 0.05);
    const fill = paint(red ? 'rgba(200,16,46,0.07)' : 'rgba(27,28,32,0.06)');
    canvas.drawRRect(frame, fill);
    canvas.drawRRect(frame, paint(GOLD, 'stroke', Math.max(1, w * 0.02)));
    drawCentred(canvas, rank, cx, cy + w * 0.12, font(typeface, w * 0.42), ink);
    drawSuit(canvas, art.suit, cx - w * 0.1, cy + w * 0.22, w * 0.2, ink);
  } else {
    const big = art.rank === 'A' ? w * 0.56 : w * 0.44;
    drawSuit(canvas, art.suit, cx - big / 2, cy - big / 2, big, ink);
  }
  if (art.isLevel) canvas.drawRRect(Skia.RRectXY(Skia.XYWHRect(x + 2, y + 2, w - 4, h - 4), w * 0.08, w * 0.08), paint(GOLD, 'stroke', Math.max(1, w * 0.02)));
}

function drawJoker(canvas: SkCanvas, big: boolean, x: number, y: number, w: number, h: number, typeface: SkTypeface | null, words: CardWords): void {
  const colour = big ? RED : INK;
  const ink = paint(colour);
  const column = x + w * 0.17;
  const label = big ? words.bigJoker : words.smallJoker;
  const letters = Array.from(label);
  const letterFont = font(typeface, w * (letters.length > 2 ? 0.2 : 0.27));
  const lineHeight = w * (letters.length > 2 ? 0.2 : 0.3);
  letters.forEach((letter, index) => drawCentred(canvas, letter, column, y + h * 0.06 + lineHeight * (index + 1), letterFont, ink));
  const cx = x + w * 0.6;
  const cy = y + h * 0.55;
  const glow = Skia.Paint();
  glow.setAntiAlias(true);
  glow.setShader(
    Skia.Shader.MakeRadialGradient(
      { x: cx, y: cy },
      w * 0.36,
      [Skia.Color(big ? 'rgba(255,200,60,0.65)' : 'rgba(120,140,170,0.45)'), Skia.Color('rgba(255,255,255,0)')],
      null,
      TileMode.Clamp,
    ),
  );
  canvas.drawCircle(cx, cy, w * 0.36, glow);
  const star = starPath(cx, cy, w * 0.27);
  const starFill = Skia.Paint();
  starFill.setAntiAlias(true);
  starFill.setShader(
    Skia.Shader.MakeLinearGradient(
      { x: cx, y: cy - w * 0.27 },
      { x: cx, y: cy + w * 0.27 },
      big ? [Skia.Color('#ffd75e'), Skia.Color('#e0302a')] : [Skia.Color('#9aa4b4'), Skia.Color('#23262d')],
      null,
      TileMode.Clamp,
    ),
  );
  canvas.drawPath(star, starFill);
  canvas.drawPath(star, paint(big ? '#7a1010' : '#111', 'stroke', Math.max(1, w * 0.015)));
  drawCentred(canvas, 'JOKER', cx, y + h * 0.9, font(typeface, w * 0.14), ink);
}

function drawBack(
  canvas: SkCanvas,
  body: ReturnType<typeof Skia.RRectXY>,
  x: number,
  y: number,
  w: number,
  h: number,
  typeface: SkTypeface | null,
  words: CardWords,
): void {
  const fill = Skia.Paint();
  fill.setAntiAlias(true);
  fill.setShader(
    Skia.Shader.MakeLinearGradient({ x, y }, { x: x + w, y: y + h }, [Skia.Color('#8e1b22'), Skia.Color('#5a0c14')], null, TileMode.Clamp),
  );
  canvas.drawRRect(body, fill);
  canvas.drawRRect(body, paint('#f7f0dc', 'stroke', Math.max(2, w * 0.05)));
  canvas.save();
  canvas.clipRRect(Skia.RRectXY(Skia.XYWHRect(x + w * 0.1, y + w * 0.1, w * 0.8, h - w * 0.2), w * 0.05, w * 0.05), 1, true);
  const lattice = paint('rgba(255,214,120,0.28)', 'stroke', Math.max(0.8, w * 0.012));
  for (let offset = -h; offset < w + h; offset += w * 0.16) {
    canvas.drawLine(x + offset, y, x + offset + h, y + h, lattice);
    canvas.drawLine(x + offset, y + h, x + offset + h, y, lattice);
  }
  canvas.restore();
  canvas.drawRRect(Skia.RRectXY(Skia.XYWHRect(x + w * 0.1, y + w * 0.1, w * 0.8, h - w * 0.2), w * 0.05, w * 0.05), paint(GOLD, 'stroke', Math.max(1, w * 0.02)));
  canvas.drawCircle(x + w / 2, y + h / 2, w * 0.26, paint('#6b0f17'));
  canvas.drawCircle(x + w / 2, y + h / 2, w * 0.26, paint(GOLD, 'stroke', Math.max(1, w * 0.025)));
  drawCentred(canvas, words.brand, x + w / 2, y + h / 2 + w * 0.11, font(typeface, w * 0.3), paint(GOLD_LIGHT));
}
