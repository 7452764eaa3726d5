import { StyleSheet, Text, View } from 'react-native';
import { colors } from './theme';

const SUIT_GLYPHS = { S: '♠', H: '♥', C: '♣', D: '♦' } as const;

export interface DecorativeCardProps {
  rank: string;
  suit: keyof typeof SUIT_GLYPHS;
  rotate: number;
  width: number;
}

/** A playing card drawn with views, for decoration only (the table draws its cards with Skia). */
export function DecorativeCard({ rank, suit, rotate, width }: DecorativeCardProps) {
  const height = width * 1.4;
  const ink = suit === 'H' || suit === 'D' ? colors.cardRed : colors.cardInk;
  const glyph = SUIT_GLYPHS[suit];
  return (
    <View
      accessibilityElementsHidden
      importantForAccessibility="no-hide-descendants"
      style={[styles.card, { width, height, borderRadius: width * 0.09, transform: [{ rotate: `${rotate}deg` }] }]}
    >
      <View style={styles.corner}>
        <Text style={[styles.rank, { color: ink, fontSize: width * 0.24 }]}>{rank}</Text>
        <Text style={[styles.small, { color: ink, fontSize: width * 0.18 }]}>{glyph}</Text>
      </View>
      <Text style={[styles.centre, { color: ink, fontSize: width * 0.5 }]}>{glyph}</Text>
    </View>
  );
}

const styles = StyleSheet.create({
  card: {
    backgroundColor: colors.cardFace,
    borderWidth: 1,
    borderColor: 'rgba(0, 0, 0, 0.15)',
    alignItems: 'center',
    justifyContent: 'center',
    shadowColor: '#000',
    shadowOpacity: 0.45,
    shadowRadius: 10,
    shadowOffset: { width: 0, height: 6 },
    elevation: 6,
  },
  corner: { position: 'absolute', top: '5%', left: '8%', alignItems: 'center' },
  rank: { fontWeight: '800', lineHeight: undefined },
  small: { marginTop: -2 },
  centre: { fontWeight: '400' },
});
