import type { User } from '@guandan/protocol';
import type { RealtimeClient, RestClient } from '@guandan/sdk';
import { useCallback } from 'react';
import { StyleSheet, Text, useWindowDimensions, View } from 'react-native';
import { useT } from '../../i18n';
import { errorText } from '../../session/error-text';
import { Button } from '../../ui/Button';
import { Page } from '../../ui/Page';
import { Panel } from '../../ui/Panel';
import { colors, fonts, space } from '../../ui/theme';
import { loadWalletKit } from '../../wallet/load-wallet-kit';
import { displayAmount } from '../../wallet/token-amount';
import { type ChainState, isLocalChain } from '../../wallet/useChainInfo';
import type { WalletKind } from '../../wallet/wallet-kind';
import { AccountPanel } from './AccountPanel';
import { pendingAboutKey } from './reward-story';
import { RewardsPanel } from './RewardsPanel';
import { StakingPanel } from './StakingPanel';
import { SwapPanel } from './SwapPanel';
import { TokenTile } from './TokenTile';
import { useRewardRecords } from './useRewardRecords';
import { useTransactions } from './useTransactions';
import { useWalletData } from './useWalletData';

export interface WalletScreenProps {
  rest: RestClient;
  realtime: RealtimeClient;
  user: User;
  chain: ChainState;
  wallets: readonly WalletKind[];
  onReloadChain: () => void;
}

/** The account's wallet: balances, game rewards, the faucet (local chain), swap and staking. */
export function WalletScreen({ rest, realtime, user, chain, wallets, onReloadChain }: WalletScreenProps) {
  const t = useT();
  const { width } = useWindowDimensions();
  const stacked = width < 900;
  const chainOn = chain.status === 'on';
  const data = useWalletData(rest, realtime, chainOn);
  const transactions = useTransactions(rest, isLocalChain(chain), data.refreshAfterChange);
  const { balance, link } = data;
  const records = useRewardRecords(rest, data.rewards);
  const pendingAbout = pendingAboutKey({ chainOn, linked: link !== null && link !== undefined, guest: user.is_guest });

  const connect = useCallback(
    (kind: WalletKind) =>
      void transactions.task('connect', async () => {
        const kit = await loadWalletKit();
        await kit.linkWallet(kind, rest);
      }),
    [transactions, rest],
  );
  const faucet = useCallback(() => void transactions.task('faucet', () => rest.economy.faucet().then(() => undefined)), [transactions, rest]);

  const tile = (symbol: 'PLAY' | 'GUAN' | 'USDC', accent: string) => (
    <TokenTile
      symbol={t(`token.${symbol}`)}
      amount={balance === null ? '—' : displayAmount(balance[symbol])}
      exact={balance?.[symbol] ?? ''}
      about={t(`token.${symbol}.about`)}
      accent={accent}
      testID={`wallet-balance-${symbol}`}
    />
  );

  return (
    <Page testID="wallet-screen" maxWidth={1200}>
      {chain.status === 'off' && (
        <Panel testID="wallet-no-chain">
          <View style={styles.notice}>
            <Text style={styles.noticeText}>{t('wallet.noChain')}</Text>
            <Button label={t('common.retry')} kind="secondary" compact onPress={onReloadChain} />
          </View>
        </Panel>
      )}
      {data.error !== null && (
        <Text style={styles.error} accessibilityRole="alert">
          {errorText(t, data.error)}
        </Text>
      )}
      {link === undefined ? (
        <Text style={styles.dim}>{t('common.loading')}</Text>
      ) : (
        <AccountPanel link={link} chain={chain} wallets={wallets} status={transactions.status} busy={transactions.busy} onConnect={connect} onFaucet={faucet} />
      )}
      <View style={styles.tiles}>
        {tile('PLAY', colors.gold)}
        {tile('GUAN', colors.team1)}
        {tile('USDC', colors.team0)}
        <TokenTile
          symbol={t('token.pending')}
          amount={balance === null ? '—' : displayAmount(balance.pending_PLAY)}
          exact={balance?.pending_PLAY ?? ''}
          about={t(pendingAbout)}
          accent={colors.panelBorder}
          testID="wallet-balance-pending"
        />
      </View>
      <View style={[styles.columns, stacked && styles.columnsStacked]}>
        <View style={styles.main}>
          <RewardsPanel rewards={data.rewards} records={records} userId={user.user_id} />
        </View>
        {chainOn && link !== null && link !== undefined && (
          <View style={[styles.side, stacked && styles.sideStacked]}>
            <SwapPanel rest={rest} balance={balance} transactions={transactions} />
            <StakingPanel rest={rest} balance={balance} staking={data.staking} transactions={transactions} />
          </View>
        )}
      </View>
    </Page>
  );
}

const styles = StyleSheet.create({
  notice: { flexDirection: 'row', alignItems: 'center', gap: space(3) },
  noticeText: { flex: 1, color: colors.text, fontFamily: fonts.family, fontSize: 14 },
  error: { color: '#ff8a80', fontFamily: fonts.family, fontSize: 14 },
  dim: { color: colors.textDim, fontFamily: fonts.family, fontSize: 14 },
  tiles: { flexDirection: 'row', gap: space(3), flexWrap: 'wrap' },
  columns: { flexDirection: 'row', gap: space(4), alignItems: 'flex-start' },
  columnsStacked: { flexDirection: 'column', alignItems: 'stretch' },
  main: { flex: 3, gap: space(4), alignSelf: 'stretch' },
  side: { flex: 2, gap: space(4), minWidth: 340 },
  sideStacked: { minWidth: 0 },
});
