import { StyleSheet, Text, View } from 'react-native';
import { useT } from '../../i18n';
import { Button } from '../../ui/Button';
import { colors, fonts } from '../../ui/theme';

export interface QuitDialogProps {
  /** The room's stake per level (0: none); null until the room is known, when nothing is said about coins. */
  baseBet: number | null;
  onStay: () => void;
  onLeave: () => void;
}

/**
 * Leaving a running game is for good: before it happens the player reads what it means (a bot plays the seat to
 * the end, the coins still move) and chooses. Staying is the first, safe choice.
 */
export function QuitDialog({ baseBet, onStay, onLeave }: QuitDialogProps) {
  const t = useT();
  return (
    <View style={styles.backdrop} testID="quit-dialog" accessibilityViewIsModal>
      <View style={styles.dialog} accessibilityRole="alert">
        <Text style={styles.title} accessibilityRole="header">
          {t('quit.title')}
        </Text>
        <Text style={styles.line}>{t('quit.bot')}</Text>
        {baseBet !== null && <Text style={styles.line}>{baseBet > 0 ? t('quit.coins', { n: baseBet }) : t('quit.noCoins')}</Text>}
        <View style={styles.actions}>
          <Button label={t('quit.stay')} onPress={onStay} testID="quit-stay" />
          <Button label={t('quit.confirm')} kind="danger" onPress={onLeave} testID="quit-confirm" />
        </View>
      </View>
    </View>
  );
}

const styles = StyleSheet.create({
  backdrop: {
    position: 'absolute',
    left: 0,
    right: 0,
    top: 0,
    bottom: 0,
    zIndex: 40,
    alignItems: 'center',
    justifyContent: 'center',
    backgroundColor: 'rgba(0,0,0,0.55)',
    padding: 16,
  },
  dialog: {
    maxWidth: 420,
    width: '100%',
    gap: 10,
    padding: 18,
    borderRadius: 16,
    borderWidth: 1.5,
    borderColor: colors.gold,
    backgroundColor: colors.panel,
  },
  title: { color: colors.gold, fontSize: 20, fontWeight: '700', fontFamily: fonts.family },
  line: { color: colors.text, fontSize: 14, lineHeight: 20, fontFamily: fonts.family },
  actions: { flexDirection: 'row', justifyContent: 'flex-end', gap: 12, marginTop: 6, flexWrap: 'wrap' },
});
