import { StatusBar } from 'react-native';
import { LangProvider } from './i18n';
import { AuthScreen } from './screens/auth/AuthScreen';
import { SignedInApp } from './screens/SignedInApp';
import { Splash } from './screens/Splash';
import { useSession } from './session/useSession';
import { useStoredLang } from './session/useStoredLang';

/** The app: the chosen language around either the sign-in screen or the signed-in screens. */
export function App() {
  const [lang, setLang] = useStoredLang();
  const session = useSession();
  const { state } = session;
  return (
    <LangProvider lang={lang}>
      <StatusBar hidden />
      {state.status === 'restoring' && <Splash />}
      {state.status === 'signedOut' && (
        <AuthScreen signIn={session.signIn} register={session.register} playAsGuest={session.playAsGuest} onLangChange={setLang} />
      )}
      {state.status === 'signedIn' && (
        <SignedInApp
          key={state.user.user_id}
          rest={session.rest}
          realtime={state.realtime}
          user={state.user}
          onRefreshUser={session.refreshUser}
          onLangChange={setLang}
          onLogout={() => void session.signOut()}
        />
      )}
    </LangProvider>
  );
}
