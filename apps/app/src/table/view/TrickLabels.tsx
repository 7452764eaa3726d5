import type { Seat } from '@guandan/engine';
import { useEffect } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import Animated, { useAnimatedStyle, useSharedValue, withSequence, withSpring, withTiming } from 'react-native-reanimated';
import { useT } from '../../i18n';
import { colors, fonts } from '../../ui/theme';
import { type BombTier, bombPower, captionWords, playCaption, standingIndex } from '../model/play-caption';
import type { TrickEntry } from '../model/trick';
import { lastEntries } from './table-scene';
import type { SeatPosition, TableLayout } from './table-layout';
import { trickLabelBox } from './trick-label-box';

export interface TrickLabelsProps {
  layout: TableLayout;
  trick: readonly TrickEntry[];
  level: string;
  dealNumber: number;
  positionOf: (seat: Seat) => SeatPosition;
}

/** Each bomb tier's chip colour: warmer and darker as the bomb grows, the joker bomb royal purple. */
const BOMB_COLOURS: Record<BombTier, string> = {
  four: '#c8481f',
  five: '#c92a1c',
  flush: '#a3168c',
  six: '#b3000f',
  joker: '#5b1a9e',
};

/**
 * The caption of every play on the trick (type and key: 对子 A, 4张炸 6), the play to beat marked and the others
 * dimmed, bombs in red with a size that grows with the bomb.
 */
export function TrickLabels({ layout, trick, level, dealNumber, positionOf }: TrickLabelsProps) {
  const standing = standingIndex(trick);
  return (
    <>
      {[...lastEntries(trick)].map(([seat, { entry, index }]) => {
        if (entry.play === null) return null;
        const position = positionOf(seat);
        return (
          <TrickLabel
            key={`${dealNumber}-${index}`}
            layout={layout}
            position={position}
            caption={playCaption(entry.play, level)}
            standing={index === standing}
          />
        );
      })}
    </>
  );
}

function TrickLabel({
  layout,
  position,
  caption,
  standing,
}: {
  layout: TableLayout;
  position: SeatPosition;
  caption: ReturnType<typeof playCaption>;
  standing: boolean;
}) {
  const t = useT();
  const box = trickLabelBox(layout, position);
  const power = bombPower(caption.bomb);
  const pop = useSharedValue(power > 0 ? 0.4 : 0.85);
  useEffect(() => {
    // A bomb's caption slams in, overshooting more for a bigger bomb; an ordinary play just settles.
    pop.value =
      power > 0
        ? withSequence(withSpring(1 + power * 0.08, { damping: 7, stiffness: 260 }), withTiming(1, { duration: 260 }))
        : withTiming(1, { duration: 160 });
  }, [pop, power]);
  const style = useAnimatedStyle(() => ({ transform: [{ scale: pop.value }] }));
  const words = captionWords(caption, t);
  // Bigger words for a bigger bomb, within the caption's box.
  const fontSize = (layout.compact ? 12 : 14) + Math.min(power, layout.compact ? 2 : 3);
  return (
    <View
      testID={`trick-label-${position}`}
      accessibilityLabel={standing ? `${t('caption.toBeat')}: ${words}` : words}
      style={[styles.box, { left: box.x, top: box.y, width: box.width, height: box.height }, !standing && styles.beaten]}
      pointerEvents="none"
    >
      <Animated.View
        style={[
          styles.chip,
          standing && styles.standing,
          caption.bomb !== null && { backgroundColor: BOMB_COLOURS[caption.bomb], borderColor: colors.gold },
          style,
        ]}
      >
        {standing && (
          <Text testID="trick-label-standing" style={[styles.tag, layout.compact && styles.tagCompact]}>
            {t('caption.toBeat')}
          </Text>
        )}
        <Text numberOfLines={1} style={[styles.words, { fontSize }, caption.bomb !== null && styles.bombWords]}>
          {words}
        </Text>
      </Animated.View>
    </View>
  );
}

const styles = StyleSheet.create({
  box: { position: 'absolute', alignItems: 'center', justifyContent: 'center', zIndex: 4 },
  beaten: { opacity: 0.6 },
  chip: {
    flexDirection: 'row',
    alignItems: 'center',
    gap: 6,
    maxWidth: '100%',
    paddingHorizontal: 10,
    borderRadius: 12,
    borderWidth: 1,
    borderColor: 'rgba(255,255,255,0.18)',
    backgroundColor: 'rgba(3,24,17,0.82)',
  },
  standing: { borderColor: colors.gold, borderWidth: 2 },
  tag: {
    color: '#2a1d00',
    backgroundColor: colors.gold,
    fontSize: 11,
    fontWeight: '700',
    fontFamily: fonts.family,
    paddingHorizontal: 5,
    borderRadius: 6,
    overflow: 'hidden',
  },
  tagCompact: { fontSize: 10 },
  words: { color: colors.text, fontWeight: '700', fontFamily: fonts.family },
  bombWords: { color: '#fff7d6', letterSpacing: 1 },
});
