import { useState } from 'react';
import { StyleSheet, View } from 'react-native';
import { useT } from '../../i18n';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';
import { space } from '../../ui/theme';

const CODE = /^[A-Z0-9]{6}$/;

/** The six-character invite code of a friend's room. */
export function JoinByCode({ onJoin, disabled }: { onJoin: (code: string) => void; disabled: boolean }) {
  const t = useT();
  const [code, setCode] = useState('');
  const normalized = code.trim().toUpperCase();
  const submit = () => {
    if (CODE.test(normalized)) onJoin(normalized);
  };
  return (
    <View style={styles.row}>
      <View style={styles.field}>
        <TextField
          placeholder={t('lobby.joinCode')}
          value={code}
          onChangeText={(text) => setCode(text.toUpperCase())}
          onSubmitEditing={submit}
          maxLength={6}
          autoCapitalize="characters"
          compact
          testID="lobby-join-code"
        />
      </View>
      <Button label={t('lobby.join')} onPress={submit} disabled={disabled || !CODE.test(normalized)} compact testID="lobby-join" />
    </View>
  );
}

const styles = StyleSheet.create({
  row: { flexDirection: 'row', alignItems: 'center', gap: space(2) },
  field: { flex: 1 },
});
