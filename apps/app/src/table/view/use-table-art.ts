import type { SkImage } from '@shopify/react-native-skia';
import { useEffect, useMemo, useState } from 'react';
import { useWindowDimensions } from 'react-native';
import { useT } from '../../i18n';
import type { CardWords } from './card-art';
import type { CardAtlas } from './card-atlas';
import type { FeltLayout } from './felt-art';
import { canvasTypeface, useCanvasTypeface } from './canvas-typeface';
import { artDensity, atlasFor, type AtlasLook, feltFor, type FeltSpec, keptAtlas, keptFelt, prepareTableArt } from './table-art';
import type { Size } from './table-layout';

/** How long a screen before the table waits before drawing the table's images: its own first frames come first. */
const PREPARE_AFTER_MS = 150;

function useCardWords(): CardWords {
  const t = useT();
  return useMemo(() => ({ bigJoker: t('card.bigJoker'), smallJoker: t('card.smallJoker'), wild: t('card.wild'), brand: t('card.brand') }), [t]);
}

/**
 * The pre-drawn images of the table: its felt for this size, and the card atlas for this card size and level.
 * Ones drawn ahead (by `usePrepareTableArt`, or by an earlier table) are there from the first render; the others are
 * each drawn in their own task after the screen has painted, so no frame carries both, and the deal animation
 * (which waits for the atlas) never shares a frame with drawing them.
 */
export function useTableArt(layout: FeltLayout, card: Size, level: string): { felt: SkImage | null; atlas: CardAtlas | null } {
  const typeface = useCanvasTypeface();
  const words = useCardWords();
  const density = artDensity();
  const feltSpec = useMemo<FeltSpec>(() => ({ layout, density, brand: words.brand }), [layout, density, words.brand]);
  const look = useMemo<AtlasLook>(
    () => ({ width: card.width, height: card.height, density, level, words }),
    [card.width, card.height, density, level, words],
  );
  const [felt, setFelt] = useState(() => keptFelt(feltSpec));
  const [atlas, setAtlas] = useState(() => keptAtlas(look));
  useEffect(() => {
    const kept = keptFelt(feltSpec);
    if (kept !== null) {
      setFelt(kept);
      return;
    }
    if (typeface === null) return;
    const timer = setTimeout(() => setFelt(feltFor(feltSpec, typeface)), 0);
    return () => clearTimeout(timer);
  }, [feltSpec, typeface]);
  useEffect(() => {
    const kept = keptAtlas(look);
    if (kept !== null) {
      setAtlas(kept);
      return;
    }
    if (typeface === null) return;
    const timer = setTimeout(() => setAtlas(atlasFor(look, typeface)), 16);
    return () => clearTimeout(timer);
  }, [look, typeface]);
  return { felt, atlas };
}

/** Draws the table's images for this window ahead of the table, a moment after the calling screen appeared. */
export function usePrepareTableArt(): void {
  const { width, height } = useWindowDimensions();
  const words = useCardWords();
  useEffect(() => {
    // The font at once (fetched and parsed, no drawing): on a slow network it is what the images wait for longest.
    void canvasTypeface();
  }, []);
  useEffect(() => {
    const timer = setTimeout(() => void prepareTableArt({ width, height }, words), PREPARE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [width, height, words]);
}
