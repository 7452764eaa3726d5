import type { Product } from '@guandan/protocol';
import { StyleSheet, Text, View } from 'react-native';
import { useLang, useT } from '../../i18n';
import { formatPrice } from '../../shop/price';
import { Button } from '../../ui/Button';
import { colors, fonts, space } from '../../ui/theme';

export interface PackCardProps {
  product: Product;
  best: boolean;
  /** A line across the width (phones) rather than a tile of a row (wider screens). */
  asLine: boolean;
  disabled: boolean;
  onBuy: (productId: string) => void;
}

/** One coin pack: how many coins, the price, and Buy. */
export function PackCard({ product, best, asLine, disabled, onBuy }: PackCardProps) {
  const t = useT();
  const lang = useLang();
  const id = product.product_id;
  const coins = product.coins.toLocaleString(lang);
  const price = formatPrice(product.price_minor, product.currency, lang);
  const badge = (
    <Text style={[styles.badge, !asLine && styles.badgeTile]} testID={`shop-best-${id}`}>
      {t('shop.bestValue')}
    </Text>
  );
  return (
    <View style={[styles.card, asLine ? styles.cardLine : styles.cardTile, best && styles.cardBest]} testID={`shop-pack-${id}`}>
      {best && !asLine && badge}
      <View style={[styles.what, !asLine && styles.whatTile]}>
        {best && asLine && badge}
        <View style={styles.amountRow}>
          <View style={styles.coin} />
          <Text style={styles.amount} testID={`shop-coins-${id}`}>
            {coins}
          </Text>
        </View>
        <Text style={styles.unit}>{t('shop.coins')}</Text>
      </View>
      <View style={[styles.pay, !asLine && styles.payTile]}>
        <Text style={styles.price} testID={`shop-price-${id}`}>
          {price}
        </Text>
        <Button
          label={t('shop.buy')}
          accessibilityLabel={t('shop.buyPack', { coins, price })}
          compact={asLine}
          disabled={disabled}
          onPress={() => onBuy(id)}
          testID={`shop-buy-${id}`}
        />
      </View>
    </View>
  );
}

const styles = StyleSheet.create({
  card: { borderRadius: 14, borderWidth: 1, borderColor: colors.panelBorder, backgroundColor: 'rgba(0, 0, 0, 0.2)', padding: space(3), gap: space(2) },
  cardLine: { flexDirection: 'row', alignItems: 'center', justifyContent: 'space-between' },
  // Three to a row from a landscape phone up; a tile never narrower than its price and button. Its top is left free
  // for the best-value badge, so that the tiles' coins, prices and buttons line up whichever has it.
  cardTile: { flexBasis: 160, flexGrow: 1, alignItems: 'stretch', paddingTop: space(8) },
  cardBest: { borderColor: colors.gold, backgroundColor: 'rgba(232, 195, 90, 0.1)' },
  what: { gap: 2, flexShrink: 1 },
  whatTile: { alignItems: 'center' },
  badge: {
    alignSelf: 'flex-start',
    paddingHorizontal: space(2),
    paddingVertical: 2,
    borderRadius: 8,
    overflow: 'hidden',
    backgroundColor: colors.gold,
    color: '#2a1d00',
    fontFamily: fonts.family,
    fontSize: 11,
    fontWeight: '800',
  },
  badgeTile: { position: 'absolute', top: space(3), left: space(3) },
  amountRow: { flexDirection: 'row', alignItems: 'center', gap: space(1.5) },
  coin: { width: 16, height: 16, borderRadius: 8, backgroundColor: colors.gold, borderWidth: 2, borderColor: colors.goldDark },
  amount: { color: colors.gold, fontFamily: fonts.family, fontSize: 24, fontWeight: '800' },
  unit: { color: colors.textDim, fontFamily: fonts.family, fontSize: 13 },
  pay: { flexDirection: 'row', alignItems: 'center', gap: space(3), flexShrink: 0 },
  payTile: { flexDirection: 'column', alignItems: 'stretch', gap: space(2) },
  price: { color: colors.text, fontFamily: fonts.family, fontSize: 17, fontWeight: '700', textAlign: 'center' },
});
