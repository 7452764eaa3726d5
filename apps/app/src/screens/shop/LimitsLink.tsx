import { Pressable, StyleSheet, Text } from 'react-native';
import { useT } from '../../i18n';
import type { PressState } from '../../ui/press-state';
import { colors, fonts, space } from '../../ui/theme';

/** "Spending limits": from the shop to the player's limits and self-exclusion. */
export function LimitsLink({ onPress, testID }: { onPress: () => void; testID: string }) {
  const t = useT();
  return (
    <Pressable accessibilityRole="link" onPress={onPress} testID={testID} style={({ hovered }: PressState) => [styles.link, hovered && styles.hovered]}>
      <Text style={styles.text}>{t('shop.limitsLink')} ›</Text>
    </Pressable>
  );
}

const styles = StyleSheet.create({
  link: { alignSelf: 'flex-start', paddingVertical: space(1) },
  hovered: { opacity: 0.8 },
  text: { color: colors.gold, fontFamily: fonts.family, fontSize: 14, fontWeight: '700', textDecorationLine: 'underline' },
});
