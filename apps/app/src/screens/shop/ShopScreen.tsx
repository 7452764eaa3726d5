import { ApiError, type RealtimeClient, type RestClient } from '@guandan/sdk';
import { useCallback, useEffect } from 'react';
import { StyleSheet, Text, useWindowDimensions, View } from 'react-native';
import { useLang, useT } from '../../i18n';
import { errorText } from '../../session/error-text';
import { bestValue } from '../../shop/best-value';
import { formatExclusionDate, isExcluded } from '../../shop/limit-date';
import type { PurchaseReturn } from '../../shop/purchase-return';
import { Page } from '../../ui/Page';
import { Panel } from '../../ui/Panel';
import { colors, fonts, space } from '../../ui/theme';
import { useResponsiblePlay } from '../limits/useResponsiblePlay';
import { BirthDateForm } from './BirthDateForm';
import { LimitsLink } from './LimitsLink';
import { PackCard } from './PackCard';
import { ReceiptRow } from './ReceiptRow';
import { ReturnBanner } from './ReturnBanner';
import { usePurchaseReturn } from './usePurchaseReturn';
import { useShop } from './useShop';

/** Below this width the packs are lines down the page; above it, tiles side by side. */
const TILES_WIDTH = 560;

export interface ShopScreenProps {
  rest: RestClient;
  realtime: RealtimeClient;
  /** Set when the player just came back from the payment page. */
  returned: PurchaseReturn | undefined;
  onRefreshUser: () => void;
  /** Opens the player's spending limits and self-exclusion. */
  onOpenLimits: () => void;
}

/** The coin shop: the packs on sale, what came of the payment just made, and the receipts. */
export function ShopScreen({ rest, realtime, returned, onRefreshUser, onOpenLimits }: ShopScreenProps) {
  const t = useT();
  const lang = useLang();
  const { width } = useWindowDimensions();
  const asLine = width < TILES_WIDTH;
  const { shop, purchases, error, buying, buy, reloadPurchases, clearError } = useShop(rest);
  const ageRequired = error instanceof ApiError && error.code === 'AGE_REQUIRED';
  const settled = useCallback(() => {
    reloadPurchases();
    onRefreshUser();
  }, [reloadPurchases, onRefreshUser]);
  const back = usePurchaseReturn(rest, realtime, returned, settled);
  const best = shop === null ? null : bestValue(shop.products);
  const responsible = useResponsiblePlay(rest);
  const excludedUntil = responsible.view?.self_excluded_until ?? null;
  const excluded = excludedUntil !== null && isExcluded(excludedUntil, Date.now());
  // A refusal that comes of the player's own limits links to them; a self-exclusion made elsewhere (another device)
  // is read again, so that the exclusion line replaces the Buy buttons.
  const limitsRefusal = error instanceof ApiError && (error.code === 'SPENDING_LIMIT' || error.code === 'SELF_EXCLUDED');
  const reloadResponsible = responsible.reload;
  useEffect(() => {
    if (error instanceof ApiError && error.code === 'SELF_EXCLUDED') reloadResponsible();
  }, [error, reloadResponsible]);

  return (
    <Page testID="shop-screen" maxWidth={900}>
      {back !== null && <ReturnBanner state={back} />}
      <Panel title={t('shop.title')}>
        {shop === null && error === null && <Text style={styles.dim}>{t('common.loading')}</Text>}
        {shop?.open === false && (
          <Text style={styles.closed} testID="shop-closed">
            {t(shop.closed_reason === 'country' ? 'shop.closedCountry' : 'shop.closed')}
          </Text>
        )}
        {shop?.open === true && excluded && (
          <Text style={styles.closed} testID="shop-excluded">
            {t('limits.excludedUntil', { date: formatExclusionDate(excludedUntil, lang) })}
          </Text>
        )}
        {shop?.open === true && !excluded && (
          <View style={[styles.packs, !asLine && styles.packsTiles]} testID="shop-packs">
            {shop.products.map((product) => (
              <PackCard key={product.product_id} product={product} best={product.product_id === best} asLine={asLine} disabled={buying !== null} onBuy={buy} />
            ))}
          </View>
        )}
        {error !== null && (
          <Text style={styles.error} accessibilityRole="alert" testID="shop-error">
            {errorText(t, error)}
          </Text>
        )}
        {limitsRefusal && <LimitsLink onPress={onOpenLimits} testID="shop-error-limits" />}
        {ageRequired && (
          <BirthDateForm
            rest={rest}
            onGiven={() => {
              clearError();
              onRefreshUser();
            }}
          />
        )}
        <Text style={styles.dim} testID="shop-play-only">
          {t('shop.playOnly')}
        </Text>
        {!limitsRefusal && <LimitsLink onPress={onOpenLimits} testID="shop-limits" />}
      </Panel>
      <Panel title={t('shop.receipts')} testID="shop-receipts">
        {purchases === null && <Text style={styles.dim}>{t('common.loading')}</Text>}
        {purchases?.length === 0 && <Text style={styles.dim}>{t('shop.noReceipts')}</Text>}
        {purchases?.map((purchase, index) => <ReceiptRow key={purchase.purchase_id} purchase={purchase} index={index} />)}
      </Panel>
    </Page>
  );
}

const styles = StyleSheet.create({
  packs: { gap: space(2) },
  packsTiles: { flexDirection: 'row', flexWrap: 'wrap', gap: space(3) },
  closed: { color: colors.text, fontFamily: fonts.family, fontSize: 16, fontWeight: '600' },
  error: { color: colors.red, fontFamily: fonts.family, fontSize: 14 },
  dim: { color: colors.textDim, fontFamily: fonts.family, fontSize: 13 },
});
