import { Skia, type SkCanvas, type SkImage } from '@shopify/react-native-skia';

/**
 * Draws once into a raster surface of `width`×`height` CSS pixels at `density` and returns the picture as an image
 * any canvas can draw. A CPU raster, not a GPU one: in the browser every GPU offscreen surface opens its own WebGL
 * context, which costs seconds under software WebGL, and its texture would belong to that context only.
 */
export function drawOffscreen(width: number, height: number, density: number, draw: (canvas: SkCanvas) => void): SkImage | null {
  const pixelWidth = Math.ceil(width * density);
  const pixelHeight = Math.ceil(height * density);
  const surface = Skia.Surface.Make(pixelWidth, pixelHeight);
  if (surface === null) return null;
  const canvas = surface.getCanvas();
  canvas.scale(density, density);
  draw(canvas);
  surface.flush();
  return surface.makeImageSnapshot();
}
