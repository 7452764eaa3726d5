import { ActivityIndicator, StyleSheet, Text } from 'react-native';
import { useT } from '../i18n';
import { FeltBackground } from '../ui/FeltBackground';
import { colors, fonts, space } from '../ui/theme';

/** While the saved session and the player's room are looked up. */
export function Splash() {
  const t = useT();
  return (
    <FeltBackground testID="splash">
      <Text style={styles.title}>{t('appName')}</Text>
      <ActivityIndicator color={colors.gold} style={styles.spinner} accessibilityLabel={t('common.loading')} />
    </FeltBackground>
  );
}

const styles = StyleSheet.create({
  title: { marginTop: '18%', alignSelf: 'center', color: colors.gold, fontFamily: fonts.family, fontSize: 72, fontWeight: '700', letterSpacing: 6 },
  spinner: { marginTop: space(6) },
});
