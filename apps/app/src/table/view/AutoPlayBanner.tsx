import { StyleSheet, Text, View } from 'react-native';
import { useT } from '../../i18n';
import { Button } from '../../ui/Button';
import { colors, fonts } from '../../ui/theme';

export interface AutoPlayBannerProps {
  /** Its top edge, just above where the buttons would be. */
  top: number;
  /** 托管 was put on by the server, after timeouts in a row: the banner says why. */
  afterTimeouts: boolean;
  onOff: () => void;
}

/** In place of the buttons while the server plays for this seat (托管): that it does, and the way back. */
export function AutoPlayBanner({ top, afterTimeouts, onOff }: AutoPlayBannerProps) {
  const t = useT();
  return (
    <View style={[styles.banner, { top }]}>
      <Text style={styles.text}>{afterTimeouts ? t('autoPlayWarning') : t('autoPlayOn')}</Text>
      <Button compact label={t('autoPlayOff')} onPress={onOff} />
    </View>
  );
}

const styles = StyleSheet.create({
  banner: {
    position: 'absolute',
    alignSelf: 'center',
    flexDirection: 'row',
    alignItems: 'center',
    gap: 12,
    paddingHorizontal: 14,
    paddingVertical: 6,
    borderRadius: 18,
    backgroundColor: 'rgba(4,28,20,0.9)',
    borderWidth: 1,
    borderColor: colors.gold,
  },
  text: { color: colors.gold, fontSize: 14, fontFamily: fonts.family },
});
