import type { Purchase } from '@guandan/protocol';
import { StyleSheet, Text, View } from 'react-native';
import { useLang, useT } from '../../i18n';
import { formatPrice } from '../../shop/price';
import { colors, fonts, space } from '../../ui/theme';

/** One purchase: when, how many coins, what it cost and where it stands (paid, pending, refunded...). */
export function ReceiptRow({ purchase, index }: { purchase: Purchase; index: number }) {
  const t = useT();
  const lang = useLang();
  const when = new Date(purchase.paid_at ?? purchase.created_at).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <View style={styles.row} testID={`shop-receipt-${index}`}>
      <View style={styles.main}>
        <Text style={styles.coins}>
          {purchase.coins.toLocaleString(lang)} {t('shop.coins')}
        </Text>
        <Text style={styles.sub} numberOfLines={1}>
          {when}
        </Text>
        {purchase.coins_taken_back > 0 && <Text style={styles.sub}>{t('shop.takenBack', { coins: purchase.coins_taken_back.toLocaleString(lang) })}</Text>}
      </View>
      <View style={styles.side}>
        <Text style={styles.price}>{formatPrice(purchase.price_minor, purchase.currency, lang)}</Text>
        <Text style={[styles.status, styles[purchase.status]]} testID={`shop-receipt-${index}-status`}>
          {t(`shop.status.${purchase.status}`)}
        </Text>
      </View>
    </View>
  );
}

const styles = StyleSheet.create({
  row: { flexDirection: 'row', alignItems: 'center', gap: space(3), paddingVertical: space(2), paddingHorizontal: space(3), borderRadius: 10, backgroundColor: 'rgba(0,0,0,0.18)' },
  main: { flex: 1, gap: 2, minWidth: 0 },
  side: { alignItems: 'flex-end', gap: 4 },
  coins: { color: colors.text, fontFamily: fonts.family, fontSize: 15, fontWeight: '600' },
  sub: { color: colors.textDim, fontFamily: fonts.family, fontSize: 12 },
  price: { color: colors.text, fontFamily: fonts.family, fontSize: 14 },
  status: { fontFamily: fonts.family, fontSize: 12, fontWeight: '700', paddingHorizontal: space(2), paddingVertical: 2, borderRadius: 8, overflow: 'hidden' },
  paid: { color: '#1b1300', backgroundColor: colors.gold },
  pending: { color: colors.text, backgroundColor: '#5b6b64' },
  refunded: { color: colors.text, backgroundColor: colors.team0 },
  disputed: { color: colors.text, backgroundColor: colors.danger },
  failed: { color: colors.text, backgroundColor: colors.danger },
  expired: { color: colors.textDim, backgroundColor: '#33443d' },
});
