import { StyleSheet, Text, View } from 'react-native';
import { colors, fonts, space } from '../../ui/theme';

export interface TokenTileProps {
  symbol: string;
  /** Already formatted for people. */
  amount: string;
  about: string;
  accent: string;
  testID: string;
  /** The amount's exact value, for screen readers and tests. */
  exact: string;
}

/** One balance: a coin badge in the token's colour, the amount large, what the token is for below. */
export function TokenTile({ symbol, amount, about, accent, testID, exact }: TokenTileProps) {
  return (
    <View style={[styles.tile, { borderColor: accent }]} accessibilityLabel={`${symbol} ${exact}`}>
      <View style={styles.heading}>
        <View style={[styles.coin, { backgroundColor: accent }]}>
          <Text style={styles.coinText}>{symbol.slice(0, 1)}</Text>
        </View>
        <Text style={styles.symbol}>{symbol}</Text>
      </View>
      <Text style={styles.amount} numberOfLines={1} adjustsFontSizeToFit testID={testID}>
        {amount}
      </Text>
      <Text style={styles.about} numberOfLines={2}>
        {about}
      </Text>
    </View>
  );
}

const styles = StyleSheet.create({
  tile: {
    flex: 1,
    minWidth: 160,
    padding: space(4),
    gap: space(1.5),
    borderRadius: 16,
    borderWidth: 1,
    backgroundColor: 'rgba(6, 34, 25, 0.85)',
  },
  heading: { flexDirection: 'row', alignItems: 'center', gap: space(2) },
  coin: { width: 26, height: 26, borderRadius: 13, alignItems: 'center', justifyContent: 'center' },
  coinText: { color: '#1d1600', fontFamily: fonts.family, fontSize: 13, fontWeight: '800' },
  symbol: { color: colors.textDim, fontFamily: fonts.family, fontSize: 14, fontWeight: '700', letterSpacing: 1 },
  amount: { color: colors.text, fontFamily: fonts.family, fontSize: 28, fontWeight: '800' },
  about: { color: colors.textDim, fontFamily: fonts.family, fontSize: 12 },
});
