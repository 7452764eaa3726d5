import { PaintStyle, Skia, type SkCanvas, type SkImage, type SkTypeface, TileMode } from '@shopify/react-native-skia';
import { drawOffscreen } from './offscreen';
import type { TableLayout } from './table-layout';

/** What the felt needs to know of a layout: the table's and the replay's both have it. */
export type FeltLayout = Pick<TableLayout, 'size' | 'headerHeight' | 'centre' | 'compact'>;

/**
 * The felt and the table's fixed decorations, drawn once per screen size into an image: each frame then starts
 * with one image draw instead of gradients, rails and the brand.
 */
export function buildFelt(layout: FeltLayout, density: number, typeface: SkTypeface | null, brand: string): SkImage | null {
  return drawOffscreen(layout.size.width, layout.size.height, density, (canvas) => drawFelt(canvas, layout, typeface, brand));
}

function drawFelt(canvas: SkCanvas, layout: FeltLayout, typeface: SkTypeface | null, brand: string): void {
  const { width, height } = layout.size;
  const base = Skia.Paint();
  base.setShader(
    Skia.Shader.MakeRadialGradient(
      { x: width / 2, y: height * 0.45 },
      Math.max(width, height) * 0.75,
      [Skia.Color('#17774f'), Skia.Color('#0d5a3b'), Skia.Color('#063321')],
      [0, 0.55, 1],
      TileMode.Clamp,
    ),
  );
  canvas.drawRect(Skia.XYWHRect(0, 0, width, height), base);

  const inset = layout.compact ? 10 : 18;
  const top = layout.headerHeight + (layout.compact ? 2 : 6);
  const rail = Skia.RRectXY(Skia.XYWHRect(inset, top, width - 2 * inset, height - top - inset), 28, 28);
  // A soft shadow inside the rail from a few widening translucent strokes: a blur this large costs ~100 ms to raster.
  const shade = Skia.Paint();
  shade.setAntiAlias(true);
  shade.setStyle(PaintStyle.Stroke);
  for (const [strokeWidth, alpha] of [[14, 0.1], [8, 0.12], [3, 0.18]] as const) {
    shade.setStrokeWidth(strokeWidth);
    shade.setColor(Skia.Color(`rgba(0,0,0,${alpha})`));
    canvas.drawRRect(rail, shade);
  }
  const gold = Skia.Paint();
  gold.setAntiAlias(true);
  gold.setStyle(PaintStyle.Stroke);
  gold.setStrokeWidth(1.5);
  gold.setColor(Skia.Color('rgba(232,195,90,0.55)'));
  canvas.drawRRect(rail, gold);
  const innerRail = Skia.RRectXY(Skia.XYWHRect(inset + 6, top + 6, width - 2 * inset - 12, height - top - inset - 12), 22, 22);
  gold.setColor(Skia.Color('rgba(232,195,90,0.18)'));
  canvas.drawRRect(innerRail, gold);

  const { centre } = layout;
  const ring = Skia.Paint();
  ring.setAntiAlias(true);
  ring.setStyle(PaintStyle.Stroke);
  ring.setStrokeWidth(1.2);
  ring.setColor(Skia.Color('rgba(232,195,90,0.16)'));
  const radius = Math.min(width, height) * 0.16;
  canvas.drawCircle(centre.x, centre.y, radius, ring);
  canvas.drawCircle(centre.x, centre.y, radius * 0.86, ring);
  if (typeface !== null) {
    const font = Skia.Font(typeface, radius * 0.55);
    const text = Skia.Paint();
    text.setAntiAlias(true);
    text.setColor(Skia.Color('rgba(232,195,90,0.13)'));
    const textWidth = font.getTextWidth(brand);
    canvas.drawText(brand, centre.x - textWidth / 2, centre.y + radius * 0.2, text, font);
  }
}
