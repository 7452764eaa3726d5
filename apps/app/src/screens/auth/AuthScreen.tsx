import type { SessionEndReason } from '@guandan/protocol';
import { useState } from 'react';
import { Pressable, ScrollView, StyleSheet, Text, useWindowDimensions, View } from 'react-native';
import { type Lang, useT } from '../../i18n';
import { errorText } from '../../session/error-text';
import { Button } from '../../ui/Button';
import { CardFan } from '../../ui/CardFan';
import { FeltBackground } from '../../ui/FeltBackground';
import { LangToggle } from '../../ui/LangToggle';
import { useShortWindow } from '../../ui/Page';
import { Panel } from '../../ui/Panel';
import { TextField } from '../../ui/TextField';
import { colors, fonts, space } from '../../ui/theme';
import type { WalletKind } from '../../wallet/wallet-kind';
import { birthDateProblem, credentialsProblem } from './validate-credentials';

export interface AuthScreenProps {
  signIn(email: string, password: string): Promise<void>;
  register(email: string, username: string, password: string, birthDate: string): Promise<void>;
  playAsGuest(): Promise<void>;
  /** The wallets this device can sign in with (none: no wallet button). */
  wallets: readonly WalletKind[];
  signInWithWallet(kind: WalletKind): Promise<void>;
  onLangChange: (lang: Lang) => void;
  /** Why the last session ended, when an operator ended it (a ban, a suspension, a sign-out everywhere). */
  ended?: SessionEndReason;
}

/** The landing: the game's name in gold over the felt, and sign in, sign up, play as a guest or sign in with a wallet. */
export function AuthScreen({ signIn, register, playAsGuest, wallets, signInWithWallet, onLangChange, ended }: AuthScreenProps) {
  const t = useT();
  const { width } = useWindowDimensions();
  const short = useShortWindow();
  const [mode, setMode] = useState<'signIn' | 'signUp'>('signIn');
  const [email, setEmail] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [error, setError] = useState<string | null>(ended === undefined ? null : t(`error.${ended}`));
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(errorText(t, failure));
      setBusy(false);
    }
  };

  const submit = () => {
    const problem = credentialsProblem(mode, { email, password, username }) ?? (mode === 'signUp' ? birthDateProblem(birthDate) : null);
    if (problem !== null) {
      setError(t(problem));
      return;
    }
    void run(() => (mode === 'signIn' ? signIn(email.trim(), password) : register(email.trim(), username.trim(), password, birthDate.trim())));
  };

  const toggleMode = () => {
    setMode(mode === 'signIn' ? 'signUp' : 'signIn');
    setError(null);
  };

  return (
    <FeltBackground testID="auth-screen">
      <View style={styles.langCorner}>
        <LangToggle onChange={onLangChange} />
      </View>
      <ScrollView contentContainerStyle={[styles.scroll, short && styles.scrollShort]} keyboardShouldPersistTaps="handled">
        <View style={[styles.layout, width < 700 && styles.layoutStacked]}>
          <View style={styles.hero}>
            <Text style={[styles.title, short && styles.titleShort]} accessibilityRole="header">
              {t('appName')}
            </Text>
            <Text style={styles.tagline}>{t('app.tagline')}</Text>
            {!(short && width < 700) && <CardFan cardWidth={short ? 52 : 76} />}
          </View>
          <Panel style={[styles.form, short && styles.formShort]}>
            <Text style={styles.formTitle}>{mode === 'signIn' ? t('auth.signIn') : t('auth.signUp')}</Text>
            <TextField
              placeholder={t('auth.email')}
              value={email}
              onChangeText={setEmail}
              autoComplete="email"
              keyboardType="email-address"
              testID="auth-email"
              compact={short}
            />
            {mode === 'signUp' && (
              <TextField placeholder={t('auth.username')} value={username} onChangeText={setUsername} testID="auth-username" compact={short} />
            )}
            {mode === 'signUp' && (
              <TextField placeholder={t('auth.birthDate')} value={birthDate} onChangeText={setBirthDate} testID="auth-birth-date" compact={short} />
            )}
            <TextField
              placeholder={t('auth.password')}
              value={password}
              onChangeText={setPassword}
              secureTextEntry
              autoComplete={mode === 'signIn' ? 'current-password' : 'new-password'}
              onSubmitEditing={submit}
              testID="auth-password"
              compact={short}
            />
            {error !== null && (
              <Text style={styles.error} accessibilityRole="alert" testID="auth-error">
                {error}
              </Text>
            )}
            {mode === 'signIn' ? (
              <Button label={t('auth.signIn')} onPress={submit} disabled={busy} testID="auth-login" compact={short} />
            ) : (
              <Button label={t('auth.signUp')} onPress={submit} disabled={busy} testID="auth-register" compact={short} />
            )}
            <Pressable accessibilityRole="button" testID="auth-mode-toggle" onPress={toggleMode} style={styles.link}>
              <Text style={styles.linkText}>{mode === 'signIn' ? t('auth.toSignUp') : t('auth.toSignIn')}</Text>
            </Pressable>
            <View style={styles.divider}>
              <View style={styles.rule} />
              <Text style={styles.or}>{t('auth.or')}</Text>
              <View style={styles.rule} />
            </View>
            <View style={styles.quickWays}>
              <View style={styles.quickWay}>
                <Button label={t('auth.guest')} kind="secondary" onPress={() => void run(playAsGuest)} disabled={busy} testID="auth-guest" compact={short} />
              </View>
              {wallets.map((kind) => (
                <View key={kind} style={styles.quickWay}>
                  <Button
                    label={t(kind === 'dev' ? 'auth.walletDev' : 'auth.walletInjected')}
                    kind="secondary"
                    onPress={() => void run(() => signInWithWallet(kind))}
                    disabled={busy}
                    testID={`auth-wallet-${kind}`}
                    compact={short}
                  />
                </View>
              ))}
            </View>
          </Panel>
        </View>
      </ScrollView>
    </FeltBackground>
  );
}

const styles = StyleSheet.create({
  langCorner: { position: 'absolute', top: space(3), right: space(4), zIndex: 2 },
  scroll: { flexGrow: 1, justifyContent: 'center', padding: space(6) },
  scrollShort: { padding: space(3) },
  layout: { flexDirection: 'row', alignItems: 'center', justifyContent: 'center', gap: space(12) },
  layoutStacked: { flexDirection: 'column', gap: space(4) },
  hero: { alignItems: 'center', gap: space(3) },
  title: {
    color: colors.gold,
    fontFamily: fonts.family,
    fontSize: 96,
    fontWeight: '700',
    letterSpacing: 8,
    textShadowColor: 'rgba(0, 0, 0, 0.55)',
    textShadowOffset: { width: 0, height: 4 },
    textShadowRadius: 12,
  },
  titleShort: { fontSize: 64 },
  tagline: { color: colors.textDim, fontFamily: fonts.family, fontSize: 16, letterSpacing: 1, marginBottom: space(4) },
  form: { width: 340, gap: space(3) },
  formShort: { gap: space(2), padding: space(3) },
  formTitle: { color: colors.text, fontFamily: fonts.family, fontSize: 20, fontWeight: '700' },
  error: { color: '#ff8a80', fontFamily: fonts.family, fontSize: 14 },
  link: { alignSelf: 'center', paddingVertical: space(1) },
  linkText: { color: colors.gold, fontFamily: fonts.family, fontSize: 14, textDecorationLine: 'underline' },
  divider: { flexDirection: 'row', alignItems: 'center', gap: space(2) },
  rule: { flex: 1, height: 1, backgroundColor: colors.panelBorder },
  or: { color: colors.textDim, fontFamily: fonts.family, fontSize: 12 },
  quickWays: { flexDirection: 'row', flexWrap: 'wrap', gap: space(2) },
  quickWay: { flexGrow: 1, flexBasis: 140 },
});
