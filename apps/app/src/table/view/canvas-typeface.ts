import { loadData, Skia, type SkTypeface } from '@shopify/react-native-skia';
import { useEffect, useState } from 'react';
import { CANVAS_FONTS } from '../../platform/fonts';

let loaded: SkTypeface | null = null;
let loading: Promise<SkTypeface | null> | null = null;

/** The canvas's bold face, fetched and parsed once for the whole session (every table and replay shares it). */
export function canvasTypeface(): Promise<SkTypeface | null> {
  loading ??= loadData(CANVAS_FONTS.bold, (data) => Skia.Typeface.MakeFreeTypeFaceFromData(data))
    .catch(() => null)
    .then((typeface) => {
      loaded = typeface;
      // A failed load is tried again by the next screen that asks.
      if (typeface === null) loading = null;
      return typeface;
    });
  return loading;
}

/** The canvas's bold face: at once when an earlier screen loaded it, else null until it has loaded. */
export function useCanvasTypeface(): SkTypeface | null {
  const [typeface, setTypeface] = useState(loaded);
  useEffect(() => {
    if (typeface !== null) return;
    let mounted = true;
    void canvasTypeface().then((value) => {
      if (mounted) setTypeface(value);
    });
    return () => {
      mounted = false;
    };
  }, [typeface]);
  return typeface;
}
