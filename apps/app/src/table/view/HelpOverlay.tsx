import { ScrollView, StyleSheet, Text, View } from 'react-native';
import { useT } from '../../i18n';
import { Button } from '../../ui/Button';
import { colors, fonts } from '../../ui/theme';
import { SHORTCUTS } from '../model/table-keys';

export interface HelpOverlayProps {
  top: number;
  /** The space below `top` the panel may take. */
  maxHeight: number;
  onClose: () => void;
}

/** Every keyboard shortcut of the table, opened with ? or the header's ? button. */
export function HelpOverlay({ top, maxHeight, onClose }: HelpOverlayProps) {
  const t = useT();
  return (
    <View testID="table-help" role="dialog" aria-label={t('keys.title')} style={[styles.panel, { top, maxHeight }]}>
      <View style={styles.head}>
        <Text style={styles.title}>{t('keys.title')}</Text>
        <Button compact kind="secondary" label={t('close')} testID="table-help-close" onPress={onClose} />
      </View>
      <ScrollView contentContainerStyle={styles.rows}>
        {SHORTCUTS.map((shortcut) => (
          <View key={shortcut.action} style={styles.row}>
            <View style={styles.keys}>
              {shortcut.keys.map((key) => (
                <Text key={key} style={styles.key}>
                  {key === 'Space' ? t('keys.space') : key}
                </Text>
              ))}
            </View>
            <Text style={styles.what}>{t(shortcut.action)}</Text>
          </View>
        ))}
      </ScrollView>
    </View>
  );
}

const styles = StyleSheet.create({
  panel: {
    position: 'absolute',
    alignSelf: 'center',
    width: 440,
    maxWidth: '94%',
    padding: 14,
    gap: 10,
    borderRadius: 14,
    borderWidth: 1,
    borderColor: colors.gold,
    backgroundColor: 'rgba(4,28,20,0.96)',
    zIndex: 30,
  },
  head: { flexDirection: 'row', alignItems: 'center', justifyContent: 'space-between' },
  title: { color: colors.gold, fontSize: 16, fontWeight: '700', fontFamily: fonts.family },
  rows: { gap: 8 },
  row: { flexDirection: 'row', alignItems: 'center', gap: 10 },
  keys: { flexDirection: 'row', flexWrap: 'wrap', gap: 4, width: 150 },
  key: {
    color: colors.text,
    // The UI font, not a monospace one: 空格 must draw (monospace fonts here have no Chinese).
    fontFamily: fonts.family,
    fontSize: 13,
    fontWeight: '700',
    paddingHorizontal: 6,
    paddingVertical: 1,
    borderRadius: 5,
    borderWidth: 1,
    borderColor: colors.panelBorder,
    backgroundColor: colors.panel,
    overflow: 'hidden',
  },
  what: { flex: 1, color: colors.text, fontSize: 13, fontFamily: fonts.family },
});
