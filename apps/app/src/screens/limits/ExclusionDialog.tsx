import { Text, View } from 'react-native';
import { useT } from '../../i18n';
import { Button } from '../../ui/Button';
import { dialogStyles } from '../../ui/dialog-styles';

export interface ExclusionDialogProps {
  /** How long, in words ("7 days"). */
  length: string;
  /** Until when, as the player reads dates. */
  until: string;
  saving: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The last word before a self-exclusion: until when, and that it cannot be taken back or shortened. */
export function ExclusionDialog({ length, until, saving, onConfirm, onCancel }: ExclusionDialogProps) {
  const t = useT();
  return (
    <View style={dialogStyles.backdrop} testID="exclusion-dialog" accessibilityViewIsModal>
      <View style={dialogStyles.dialog} accessibilityRole="alert">
        <Text style={dialogStyles.title} accessibilityRole="header">
          {t('limits.exclusion.confirmTitle', { length })}
        </Text>
        <Text style={dialogStyles.line}>{t('limits.exclusion.confirmUntil', { date: until })}</Text>
        <Text style={[dialogStyles.line, { fontWeight: '700' }]} testID="exclusion-final">
          {t('limits.exclusion.confirmFinal')}
        </Text>
        <View style={dialogStyles.actions}>
          <Button label={t('common.cancel')} kind="secondary" onPress={onCancel} testID="exclusion-cancel" />
          <Button label={t('limits.exclusion.confirm')} kind="danger" disabled={saving} onPress={onConfirm} testID="exclusion-confirm" />
        </View>
      </View>
    </View>
  );
}
