import { Pressable, StyleSheet, Text } from 'react-native';
import { type Lang, useLang, useT } from '../i18n';
import { colors, fonts, space } from './theme';
import type { PressState } from './press-state';

/**
 * Switches between 中文 and English; the label names the language it switches to. `compact` (a phone's top bar)
 * shows the short label only (中 / EN); screen readers still hear the full name.
 */
export function LangToggle({ onChange, compact = false }: { onChange: (lang: Lang) => void; compact?: boolean }) {
  const lang = useLang();
  const t = useT();
  const label = t('lang.other');
  return (
    <Pressable
      accessibilityRole="button"
      accessibilityLabel={label}
      testID="lang-toggle"
      onPress={() => onChange(lang === 'zh-CN' ? 'en' : 'zh-CN')}
      style={({ hovered }: PressState) => [styles.toggle, hovered && styles.hovered]}
    >
      <Text style={styles.mark}>文/A</Text>
      <Text style={styles.label}>{compact ? t('lang.otherShort') : label}</Text>
    </Pressable>
  );
}

const styles = StyleSheet.create({
  toggle: {
    flexDirection: 'row',
    alignItems: 'center',
    gap: space(1.5),
    paddingVertical: space(1.5),
    paddingHorizontal: space(3),
    borderRadius: 16,
    borderWidth: 1,
    borderColor: 'rgba(232, 195, 90, 0.4)',
    backgroundColor: 'rgba(0, 0, 0, 0.25)',
  },
  hovered: { borderColor: colors.gold },
  mark: { color: colors.gold, fontFamily: fonts.family, fontSize: 11, fontWeight: '700' },
  label: { color: colors.text, fontFamily: fonts.family, fontSize: 13 },
});
