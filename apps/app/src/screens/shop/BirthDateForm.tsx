import type { RestClient } from '@guandan/sdk';
import { useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { useT } from '../../i18n';
import { errorText } from '../../session/error-text';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';
import { colors, fonts, space } from '../../ui/theme';
import { birthDateProblem } from '../auth/validate-credentials';

/**
 * The date of birth an account made without one (a guest, a wallet) gives before its first purchase: once, as the
 * server keeps the first one given. `onGiven` runs when the server took it.
 */
export function BirthDateForm({ rest, onGiven }: { rest: RestClient; onGiven: () => void }) {
  const t = useT();
  const [birthDate, setBirthDate] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const give = async () => {
    const wrong = birthDateProblem(birthDate);
    if (wrong !== null) return setProblem(t(wrong));
    setBusy(true);
    setProblem(null);
    try {
      await rest.setBirthDate(birthDate.trim());
      onGiven();
    } catch (failure) {
      setProblem(errorText(t, failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View style={styles.form} testID="shop-birth-date">
      <Text style={styles.note}>{t('shop.birthDateOnce')}</Text>
      <View style={styles.row}>
        <View style={styles.field}>
          <TextField placeholder={t('auth.birthDate')} value={birthDate} onChangeText={setBirthDate} onSubmitEditing={() => void give()} testID="shop-birth-date-input" compact />
        </View>
        <Button label={t('shop.giveBirthDate')} onPress={() => void give()} disabled={busy} testID="shop-birth-date-give" />
      </View>
      {problem !== null && (
        <Text style={styles.problem} accessibilityRole="alert" testID="shop-birth-date-problem">
          {problem}
        </Text>
      )}
    </View>
  );
}

const styles = StyleSheet.create({
  form: { gap: space(2) },
  row: { flexDirection: 'row', alignItems: 'center', gap: space(2), flexWrap: 'wrap' },
  field: { flexGrow: 1, flexBasis: 200 },
  note: { color: colors.textDim, fontFamily: fonts.family, fontSize: 13 },
  problem: { color: colors.red, fontFamily: fonts.family, fontSize: 14 },
});
