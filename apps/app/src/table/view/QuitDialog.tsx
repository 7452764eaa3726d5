import { Text, View } from 'react-native';
import { useT } from '../../i18n';
import { Button } from '../../ui/Button';
import { dialogStyles } from '../../ui/dialog-styles';

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
    <View style={dialogStyles.backdrop} testID="quit-dialog" accessibilityViewIsModal>
      <View style={dialogStyles.dialog} accessibilityRole="alert">
        <Text style={dialogStyles.title} accessibilityRole="header">
          {t('quit.title')}
        </Text>
        <Text style={dialogStyles.line}>{t('quit.bot')}</Text>
        {baseBet !== null && <Text style={dialogStyles.line}>{baseBet > 0 ? t('quit.coins', { n: baseBet }) : t('quit.noCoins')}</Text>}
        <View style={dialogStyles.actions}>
          <Button label={t('quit.stay')} onPress={onStay} testID="quit-stay" />
          <Button label={t('quit.confirm')} kind="danger" onPress={onLeave} testID="quit-confirm" />
        </View>
      </View>
    </View>
  );
}

