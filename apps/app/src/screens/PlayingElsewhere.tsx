import { StyleSheet, Text, View } from 'react-native';
import { useT } from '../i18n';
import { Button } from '../ui/Button';
import { Panel } from '../ui/Panel';
import { colors, fonts, space } from '../ui/theme';

/**
 * Covers the app when the server closed this connection because the account opened one too many elsewhere: this
 * copy no longer gets table events, so it says so, and "Play here" takes the connection back (closing the oldest).
 */
export function PlayingElsewhere({ onPlayHere }: { onPlayHere: () => void }) {
  const t = useT();
  return (
    <View style={styles.cover} accessibilityViewIsModal testID="playing-elsewhere">
      <Panel title={t('session.elsewhereTitle')} style={styles.panel}>
        <Text style={styles.text}>{t('session.elsewhere')}</Text>
        <Button label={t('session.playHere')} onPress={onPlayHere} testID="play-here" />
      </Panel>
    </View>
  );
}

const styles = StyleSheet.create({
  cover: {
    position: 'absolute',
    top: 0,
    right: 0,
    bottom: 0,
    left: 0,
    backgroundColor: 'rgba(2, 18, 12, 0.78)',
    alignItems: 'center',
    justifyContent: 'center',
    padding: space(4),
  },
  panel: { width: '100%', maxWidth: 420, backgroundColor: 'rgba(8, 40, 30, 0.97)' },
  text: { color: colors.text, fontFamily: fonts.family, fontSize: 15, lineHeight: 22 },
});
