import { useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { useT } from '../../i18n';
import { Button } from '../../ui/Button';
import { copyText } from '../../ui/clipboard';
import { colors, fonts, monoFamily, space } from '../../ui/theme';

/** The room's invite code, large, selectable and copyable. */
export function InviteCode({ code, compact }: { code: string; compact: boolean }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    if (await copyText(code)) {
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    }
  };
  return (
    <View style={styles.box}>
      <Text style={styles.label}>{t('room.inviteCode')}</Text>
      <Text style={[styles.code, compact && styles.codeCompact]} selectable testID="room-invite-code" accessibilityLabel={`${t('room.inviteCode')} ${code}`}>
        {code}
      </Text>
      <Button label={copied ? t('room.copied') : t('room.copy')} kind="secondary" compact onPress={() => void copy()} testID="room-copy-code" />
    </View>
  );
}

const styles = StyleSheet.create({
  box: { alignItems: 'center', gap: space(1.5) },
  label: { color: colors.textDim, fontFamily: fonts.family, fontSize: 13, letterSpacing: 1 },
  code: { color: colors.gold, fontFamily: monoFamily, fontSize: 40, fontWeight: '800', letterSpacing: 8 },
  codeCompact: { fontSize: 28, letterSpacing: 5 },
});
