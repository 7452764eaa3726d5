import { ActivityIndicator, StyleSheet, Text, View } from 'react-native';
import { type StringKey, useT } from '../../i18n';
import { errorText } from '../../session/error-text';
import { colors, fonts, space } from '../../ui/theme';
import type { TxStatus } from './useTransactions';

/**
 * The progress of a panel's wallet action: preparing, "transaction n of m", done (in the panel's own words), or why
 * it failed. Shows nothing for another panel's action.
 */
export function TxStatusLine({ status, actions, done, testID }: { status: TxStatus; actions: readonly string[]; done: StringKey; testID: string }) {
  const t = useT();
  if (status.phase === 'idle' || !actions.includes(status.action)) return null;
  const working = status.phase === 'preparing' || status.phase === 'sending';
  const text =
    status.phase === 'preparing'
      ? t('tx.preparing')
      : status.phase === 'sending'
        ? t('tx.step', { n: status.step, total: status.total })
        : status.phase === 'done'
          ? t(done)
          : errorText(t, status.error);
  return (
    <View style={styles.row} testID={testID} accessibilityLiveRegion="polite">
      {working && <ActivityIndicator size="small" color={colors.gold} />}
      <Text style={[styles.text, status.phase === 'done' && styles.done, status.phase === 'failed' && styles.failed]} testID={`${testID}-${status.phase}`}>
        {text}
      </Text>
    </View>
  );
}

const styles = StyleSheet.create({
  row: { flexDirection: 'row', alignItems: 'center', gap: space(2) },
  text: { color: colors.textDim, fontFamily: fonts.family, fontSize: 13, flexShrink: 1 },
  done: { color: '#8fd694' },
  failed: { color: '#ff8a80' },
});
