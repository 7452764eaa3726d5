import type { User } from '@guandan/protocol';
import { Pressable, StyleSheet, Text, useWindowDimensions, View } from 'react-native';
import { type Lang, type StringKey, useT } from '../i18n';
import { Button } from '../ui/Button';
import { LangToggle } from '../ui/LangToggle';
import type { PressState } from '../ui/press-state';
import { colors, fonts, space } from '../ui/theme';
import type { TabName } from './navigation';

const TABS: readonly { name: TabName; label: StringKey }[] = [
  { name: 'lobby', label: 'nav.lobby' },
  { name: 'ranking', label: 'nav.ranking' },
  { name: 'profile', label: 'nav.profile' },
  { name: 'wallet', label: 'nav.wallet' },
  { name: 'dao', label: 'nav.dao' },
];

export interface TopBarProps {
  user: User;
  current: TabName;
  onNavigate: (tab: TabName) => void;
  onLangChange: (lang: Lang) => void;
  onLogout: () => void;
}

/** Below this width the bar drops to compact controls; below the next, the tabs move to a second row. */
const COMPACT_WIDTH = 1000;
const TWO_ROWS_WIDTH = 760;

/**
 * The bar above the lobby, rankings, profile, wallet, DAO and shop: brand, tabs, the player with their coins (a press
 * opens the shop), language and sign-out. On a phone held upright the tabs take a row of their own under the rest, so that sign-out and the
 * language switch stay on screen; held sideways everything fits one tighter row.
 */
export function TopBar({ user, current, onNavigate, onLangChange, onLogout }: TopBarProps) {
  const t = useT();
  const { width } = useWindowDimensions();
  const compact = width < COMPACT_WIDTH;
  const twoRows = width < TWO_ROWS_WIDTH;
  const tabs = (
    <View style={[styles.tabs, twoRows && styles.tabsRow]} accessibilityRole="tablist" testID="topbar-tabs">
      {TABS.map((tab) => {
        const selected = tab.name === current;
        return (
          <Pressable
            key={tab.name}
            accessibilityRole="tab"
            accessibilityLabel={t(tab.label)}
            accessibilityState={{ selected }}
            testID={`nav-${tab.name}`}
            onPress={() => onNavigate(tab.name)}
            style={[styles.tab, compact && styles.tabCompact, twoRows && styles.tabInRow, selected && styles.tabSelected]}
          >
            <Text style={[styles.tabText, compact && styles.tabTextCompact, selected && styles.tabTextSelected]} numberOfLines={1}>
              {t(tab.label)}
            </Text>
          </Pressable>
        );
      })}
    </View>
  );
  return (
    <View style={[styles.bar, compact && styles.barCompact]} testID="topbar">
      <View style={[styles.row, compact && styles.rowCompact, twoRows && styles.rowTight]}>
        <Text testID="topbar-brand" style={[styles.brand, compact && styles.brandCompact, twoRows && styles.brandSmall]} numberOfLines={1}>
          {t('appName')}
        </Text>
        {!twoRows && tabs}
        <View style={[styles.player, compact && styles.playerCompact]} testID="topbar-player">
          <Text style={styles.name} numberOfLines={1}>
            {user.username}
          </Text>
          {/* The coins open the shop, where more are bought: the "+" says so, as in most games. */}
          <Pressable
            accessibilityRole="link"
            accessibilityLabel={`${user.game_coin_balance} ${t('topbar.coins')} · ${t('nav.shop')}`}
            accessibilityState={{ selected: current === 'shop' }}
            testID="topbar-shop"
            onPress={() => onNavigate('shop')}
            style={({ hovered }: PressState) => [styles.coins, (hovered || current === 'shop') && styles.coinsActive]}
          >
            <View style={styles.coin} />
            <Text style={styles.coinText} numberOfLines={1} testID="topbar-coins">
              {user.game_coin_balance.toLocaleString()}
            </Text>
            <Text style={styles.coinPlus}>+</Text>
          </Pressable>
        </View>
        <LangToggle onChange={onLangChange} compact={compact} />
        <Button label={t('nav.logout')} kind="secondary" compact onPress={onLogout} testID="logout" />
      </View>
      {twoRows && tabs}
    </View>
  );
}

const styles = StyleSheet.create({
  bar: {
    gap: space(1.5),
    paddingHorizontal: space(4),
    paddingVertical: space(2),
    backgroundColor: 'rgba(4, 24, 17, 0.75)',
    borderBottomWidth: 1,
    borderBottomColor: 'rgba(232, 195, 90, 0.3)',
  },
  barCompact: { paddingHorizontal: space(3), paddingVertical: space(1.5) },
  row: { flexDirection: 'row', alignItems: 'center', gap: space(3) },
  rowCompact: { gap: space(2) },
  rowTight: { gap: space(1.5) },
  // The brand keeps its width; the player's name is what gives way (it shortens with an ellipsis).
  brand: { color: colors.gold, fontFamily: fonts.family, fontSize: 24, fontWeight: '700', letterSpacing: 2, flexShrink: 0 },
  brandCompact: { fontSize: 18, letterSpacing: 1 },
  brandSmall: { fontSize: 16, letterSpacing: 0 },
  tabs: { flexDirection: 'row', gap: space(1) },
  // The tabs' own row on a phone: equal shares of the width, wrapping if a language's words are long.
  tabsRow: { flexWrap: 'wrap', justifyContent: 'space-between' },
  tab: { paddingVertical: space(1.5), paddingHorizontal: space(3), borderRadius: 14 },
  tabCompact: { paddingHorizontal: space(2) },
  tabInRow: { flexGrow: 1, alignItems: 'center' },
  tabSelected: { backgroundColor: 'rgba(232, 195, 90, 0.16)' },
  tabText: { color: colors.textDim, fontFamily: fonts.family, fontSize: 15 },
  tabTextCompact: { fontSize: 14 },
  tabTextSelected: { color: colors.gold, fontWeight: '700' },
  // Pushed to the right by its auto margin (a spacer would cost one more gap on a phone).
  player: { marginLeft: 'auto', alignItems: 'flex-end', maxWidth: 180, flexShrink: 1, minWidth: 0 },
  playerCompact: { maxWidth: 120 },
  name: { fontFamily: fonts.family, color: colors.text, fontSize: 14, fontWeight: '600' },
  coins: { flexDirection: 'row', alignItems: 'center', gap: space(1), paddingLeft: space(1), borderRadius: 10 },
  coinsActive: { backgroundColor: 'rgba(232, 195, 90, 0.16)' },
  coin: { width: 10, height: 10, borderRadius: 5, backgroundColor: colors.gold, borderWidth: 1, borderColor: colors.goldDark },
  coinText: { color: colors.gold, fontFamily: fonts.family, fontSize: 13, fontWeight: '700', flexShrink: 1 },
  coinPlus: {
    width: 16,
    height: 16,
    borderRadius: 8,
    backgroundColor: colors.gold,
    color: '#2a1d00',
    fontFamily: fonts.family,
    fontSize: 13,
    lineHeight: 16,
    fontWeight: '800',
    textAlign: 'center',
  },
});
