import { Skia, type SkPath } from '@shopify/react-native-skia';

/**
 * Suit symbols as vector paths in a 100×100 box. Drawn as paths rather than font glyphs: they stay crisp at any
 * size and do not depend on the font subset holding ♠♥♣♦.
 */
export type SuitLetter = 'S' | 'H' | 'C' | 'D';

const HEART = 'M50 92 C24 70 0 50 0 28 C0 11 12 0 27 0 C38 0 46 7 50 17 C54 7 62 0 73 0 C88 0 100 11 100 28 C100 50 76 70 50 92 Z';
const DIAMOND = 'M50 0 C60 18 74 36 90 50 C74 64 60 82 50 100 C40 82 26 64 10 50 C26 36 40 18 50 0 Z';
const SPADE =
  'M50 0 C38 20 0 38 0 62 C0 78 12 88 27 88 C37 88 44 83 47 77 C46 88 41 95 32 100 L68 100 C59 95 54 88 53 77 C56 83 63 88 73 88 C88 88 100 78 100 62 C100 38 62 20 50 0 Z';
const CLUB_STEM = 'M46 58 C46 80 41 92 31 100 L69 100 C59 92 54 80 54 58 Z';

function club(): SkPath {
  const path = Skia.PathBuilder.Make().addCircle(50, 25, 23).addCircle(25, 59, 23).addCircle(75, 59, 23).addRect(Skia.XYWHRect(38, 36, 24, 26));
  const stem = Skia.Path.MakeFromSVGString(CLUB_STEM);
  if (stem) path.addPath(stem);
  return path.build();
}

function fromSvg(svg: string): SkPath {
  const path = Skia.Path.MakeFromSVGString(svg);
  if (path === null) throw new Error('bad suit path');
  return path;
}

let cache: Record<SuitLetter, SkPath> | null = null;

export function suitPaths(): Record<SuitLetter, SkPath> {
  cache ??= { S: fromSvg(SPADE), H: fromSvg(HEART), C: club(), D: fromSvg(DIAMOND) };
  return cache;
}

/** A five-pointed star of radius 1 centred on the origin (the level-card mark and the jokers' emblem). */
export function starPath(cx: number, cy: number, outer: number, inner = outer * 0.45): SkPath {
  const path = Skia.PathBuilder.Make();
  for (let point = 0; point < 10; point++) {
    const radius = point % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (point * Math.PI) / 5;
    const x = cx + radius * Math.cos(angle);
    const y = cy + radius * Math.sin(angle);
    if (point === 0) path.moveTo(x, y);
    else path.lineTo(x, y);
  }
  return path.close().build();
}
