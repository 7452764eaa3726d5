import { useState } from 'react';
import { StatusBar } from 'react-native';
import { LangProvider } from './i18n';
import { launchPurchaseReturn } from './platform/purchase-return';
import { AuthScreen } from './screens/auth/AuthScreen';
import { SignedInApp } from './screens/SignedInApp';
import { PlayingElsewhere } from './screens/PlayingElsewhere';
import { Splash } from './screens/Splash';
import { useSession } from './session/useSession';
import { useStoredLang } from './session/useStoredLang';
import { injectedProvider } from './wallet/injected-provider';
import { isLocalChain, useChainInfo } from './wallet/useChainInfo';
import { walletChoices } from './wallet/wallet-kind';

/** The app: the chosen language around either the sign-in screen or the signed-in screens. */
export function App() {
  const [lang, setLang] = useStoredLang();
  const session = useSession();
  // Kept until the player signs out, so that someone back from paying who must sign in first still lands in the shop.
  const [purchaseReturn, setPurchaseReturn] = useState(launchPurchaseReturn);
  const { state } = session;
  const { chain, reload: reloadChain } = useChainInfo(session.rest);
  const wallets = walletChoices({ injected: injectedProvider() !== null, localChain: isLocalChain(chain) });
  return (
    <LangProvider lang={lang}>
      <StatusBar hidden />
      {state.status === 'restoring' && <Splash />}
      {state.status === 'signedOut' && (
        <AuthScreen
          signIn={session.signIn}
          register={session.register}
          playAsGuest={session.playAsGuest}
          wallets={wallets}
          signInWithWallet={session.signInWithWallet}
          onLangChange={setLang}
          ended={state.ended}
        />
      )}
      {state.status === 'signedIn' && (
        <SignedInApp
          key={state.user.user_id}
          rest={session.rest}
          realtime={state.realtime}
          user={state.user}
          chain={chain}
          wallets={wallets}
          purchaseReturn={purchaseReturn}
          onReloadChain={reloadChain}
          onRefreshUser={session.refreshUser}
          onLangChange={setLang}
          onLogout={() => {
            setPurchaseReturn(null);
            void session.signOut();
          }}
        />
      )}
      {state.status === 'signedIn' && state.replaced && <PlayingElsewhere onPlayHere={session.playHere} />}
    </LangProvider>
  );
}
