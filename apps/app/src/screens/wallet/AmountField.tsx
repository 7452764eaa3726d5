import { StyleSheet, Text, View } from 'react-native';
import { useT } from '../../i18n';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';
import { colors, fonts, space } from '../../ui/theme';
import { displayAmount } from '../../wallet/token-amount';

export interface AmountFieldProps {
  value: string;
  onChange: (text: string) => void;
  token: string;
  /** What can be spent (a protocol amount), offered as "Max"; none when unknown. */
  available: string | null;
  /** A problem with what was typed, already in words. */
  problem: string | null;
  testID: string;
}

/** An amount of a token: the field, "Max", what is available, and what is wrong with the typed amount. */
export function AmountField({ value, onChange, token, available, problem, testID }: AmountFieldProps) {
  const t = useT();
  return (
    <View style={styles.box}>
      <View style={styles.row}>
        <View style={styles.field}>
          <TextField placeholder={t('amount.placeholder')} value={value} onChangeText={onChange} keyboardType="decimal-pad" testID={testID} compact />
        </View>
        <Text style={styles.token}>{token}</Text>
        {available !== null && <Button label={t('amount.max')} kind="secondary" compact onPress={() => onChange(available)} testID={`${testID}-max`} />}
      </View>
      <Text style={problem === null ? styles.available : styles.problem} accessibilityRole={problem === null ? undefined : 'alert'}>
        {problem ?? (available === null ? ' ' : t('amount.available', { amount: displayAmount(available), token }))}
      </Text>
    </View>
  );
}

const styles = StyleSheet.create({
  box: { gap: space(1) },
  row: { flexDirection: 'row', alignItems: 'center', gap: space(2) },
  field: { flex: 1 },
  token: { color: colors.text, fontFamily: fonts.family, fontSize: 15, fontWeight: '700', minWidth: 48 },
  available: { color: colors.textDim, fontFamily: fonts.family, fontSize: 12 },
  problem: { color: '#ff8a80', fontFamily: fonts.family, fontSize: 12 },
});
