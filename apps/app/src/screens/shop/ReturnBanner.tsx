import { StyleSheet, Text, View } from 'react-native';
import { useLang, useT } from '../../i18n';
import { colors, fonts, space } from '../../ui/theme';
import type { ReturnState } from './usePurchaseReturn';

/** Back from the payment page: cancelled, the coins on their way, or "+N coins" and the new balance. */
export function ReturnBanner({ state }: { state: Exclude<ReturnState, null> }) {
  const t = useT();
  const lang = useLang();
  return (
    <View style={[styles.banner, state.kind === 'arrived' && styles.arrived]} accessibilityLiveRegion="polite" testID={`shop-return-${state.kind}`}>
      {state.kind === 'cancelled' && <Text style={styles.text}>{t('shop.cancelled')}</Text>}
      {state.kind === 'waiting' && <Text style={styles.text}>{t('shop.paymentReceived')}</Text>}
      {state.kind === 'arrived' && (
        <>
          <Text style={styles.coins}>{t('shop.coinsArrived', { coins: state.coins.toLocaleString(lang) })}</Text>
          <Text style={styles.text}>{t('shop.balance', { balance: state.balance.toLocaleString(lang) })}</Text>
        </>
      )}
    </View>
  );
}

const styles = StyleSheet.create({
  banner: {
    flexDirection: 'row',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: space(3),
    rowGap: space(1),
    paddingVertical: space(3),
    paddingHorizontal: space(4),
    borderRadius: 14,
    borderWidth: 1,
    borderColor: colors.panelBorder,
    backgroundColor: 'rgba(6, 34, 25, 0.9)',
  },
  arrived: { borderColor: colors.gold },
  coins: { color: colors.gold, fontFamily: fonts.family, fontSize: 22, fontWeight: '800' },
  text: { color: colors.text, fontFamily: fonts.family, fontSize: 15 },
});
