import type { User } from '@guandan/protocol';
import { Pressable, StyleSheet, Text, View } from 'react-native';
import { type Lang, type StringKey, useT } from '../i18n';
import { Button } from '../ui/Button';
import { LangToggle } from '../ui/LangToggle';
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

/** The bar above the lobby, rankings, profile, wallet and DAO: brand, tabs, the player with their coins, language and sign-out. */
export function TopBar({ user, current, onNavigate, onLangChange, onLogout }: TopBarProps) {
  const t = useT();
  return (
    <View style={styles.bar}>
      <Text style={styles.brand}>{t('appName')}</Text>
      <View style={styles.tabs} accessibilityRole="tablist">
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
              style={[styles.tab, selected && styles.tabSelected]}
            >
              <Text style={[styles.tabText, selected && styles.tabTextSelected]}>{t(tab.label)}</Text>
            </Pressable>
          );
        })}
      </View>
      <View style={styles.spacer} />
      <View style={styles.player}>
        <Text style={styles.name} numberOfLines={1}>
          {user.username}
        </Text>
        <View style={styles.coins} accessibilityLabel={`${user.game_coin_balance} ${t('topbar.coins')}`}>
          <View style={styles.coin} />
          <Text style={styles.coinText}>{user.game_coin_balance.toLocaleString()}</Text>
        </View>
      </View>
      <LangToggle onChange={onLangChange} />
      <Button label={t('nav.logout')} kind="secondary" compact onPress={onLogout} testID="logout" />
    </View>
  );
}

const styles = StyleSheet.create({
  bar: {
    flexDirection: 'row',
    alignItems: 'center',
    gap: space(3),
    paddingHorizontal: space(4),
    paddingVertical: space(2),
    backgroundColor: 'rgba(4, 24, 17, 0.75)',
    borderBottomWidth: 1,
    borderBottomColor: 'rgba(232, 195, 90, 0.3)',
  },
  brand: { color: colors.gold, fontFamily: fonts.family, fontSize: 24, fontWeight: '700', letterSpacing: 2 },
  tabs: { flexDirection: 'row', gap: space(1) },
  tab: { paddingVertical: space(1.5), paddingHorizontal: space(3), borderRadius: 14 },
  tabSelected: { backgroundColor: 'rgba(232, 195, 90, 0.16)' },
  tabText: { color: colors.textDim, fontFamily: fonts.family, fontSize: 15 },
  tabTextSelected: { color: colors.gold, fontWeight: '700' },
  spacer: { flex: 1 },
  player: { alignItems: 'flex-end', maxWidth: 180 },
  name: { fontFamily: fonts.family, color: colors.text, fontSize: 14, fontWeight: '600' },
  coins: { flexDirection: 'row', alignItems: 'center', gap: space(1) },
  coin: { width: 10, height: 10, borderRadius: 5, backgroundColor: colors.gold, borderWidth: 1, borderColor: colors.goldDark },
  coinText: { color: colors.gold, fontFamily: fonts.family, fontSize: 13, fontWeight: '700' },
});
