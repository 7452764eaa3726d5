import { type SkImage, useTypeface } from '@shopify/react-native-skia';
import { useEffect, useMemo, useState } from 'react';
import { PixelRatio } from 'react-native';
import { useT } from '../../i18n';
import { CANVAS_FONTS } from '../../platform/fonts';
import { buildCardAtlas, type CardAtlas } from './card-atlas';
import type { CardWords } from './card-art';
import { buildFelt, type FeltLayout } from './felt-art';
import type { Size } from './table-layout';

/** Sharper than the screen needs is wasted memory; 2× covers phones and retina screens. */
const MAX_DENSITY = 2;

/**
 * The pre-drawn images of the table: its felt for this size, and the card atlas for this card size and level.
 * Each is drawn in its own task after the screen has painted, so no frame carries both, and the deal animation
 * (which waits for the atlas) never shares a frame with drawing them.
 */
export function useTableArt(layout: FeltLayout, card: Size, level: string): { felt: SkImage | null; atlas: CardAtlas | null } {
  const t = useT();
  const typeface = useTypeface(CANVAS_FONTS.bold);
  const density = Math.min(MAX_DENSITY, Math.max(1, PixelRatio.get()));
  const words = useMemo<CardWords>(
    () => ({ bigJoker: t('card.bigJoker'), smallJoker: t('card.smallJoker'), wild: t('card.wild'), brand: t('card.brand') }),
    [t],
  );
  const [felt, setFelt] = useState<SkImage | null>(null);
  const [atlas, setAtlas] = useState<CardAtlas | null>(null);
  useEffect(() => {
    if (typeface === null) return;
    const timer = setTimeout(() => setFelt(buildFelt(layout, density, typeface, words.brand)), 0);
    return () => clearTimeout(timer);
  }, [layout, density, typeface, words.brand]);
  useEffect(() => {
    if (typeface === null) return;
    const timer = setTimeout(() => setAtlas(buildCardAtlas({ width: card.width, height: card.height, density, level, typeface, words })), 16);
    return () => clearTimeout(timer);
  }, [card.width, card.height, density, level, typeface, words]);
  return { felt, atlas };
}
