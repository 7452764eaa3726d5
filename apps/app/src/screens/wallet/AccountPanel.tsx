import type { Wallet } from '@guandan/protocol';
import { useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { useT } from '../../i18n';
import { Button } from '../../ui/Button';
import { copyText } from '../../ui/clipboard';
import { Panel } from '../../ui/Panel';
import { colors, fonts, monoFamily, space } from '../../ui/theme';
import { chainNameKey } from '../../wallet/chain-name';
import type { ChainState } from '../../wallet/useChainInfo';
import type { WalletKind } from '../../wallet/wallet-kind';
import { walletTypeOf } from '../../wallet/wallet-kind';
import { TxStatusLine } from './TxStatusLine';
import type { TxStatus } from './useTransactions';

export interface AccountPanelProps {
  link: Wallet | null;
  chain: ChainState;
  wallets: readonly WalletKind[];
  status: TxStatus;
  busy: boolean;
  onConnect: (kind: WalletKind) => void;
  onFaucet: () => void;
}

/** The account's wallet: its address and network with the local faucet, or the ways to link one. */
export function AccountPanel({ link, chain, wallets, status, busy, onConnect, onFaucet }: AccountPanelProps) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const local = chain.status === 'on' && chain.chain.local;

  if (link === null) {
    return (
      <Panel title={t('wallet.connectTitle')} testID="wallet-connect">
        <Text style={styles.about}>{t('wallet.connectAbout')}</Text>
        <View style={styles.actions}>
          {wallets.map((kind) => (
            <Button
              key={kind}
              label={t(kind === 'dev' ? 'wallet.connectDev' : 'wallet.connectInjected')}
              onPress={() => onConnect(kind)}
              disabled={busy}
              testID={`wallet-connect-${kind}`}
            />
          ))}
          {wallets.length === 0 && <Text style={styles.about}>{t('wallet.noWalletHere')}</Text>}
        </View>
        <TxStatusLine status={status} actions={['connect']} done="tx.confirmed" testID="wallet-connect-status" />
      </Panel>
    );
  }

  const copy = async () => {
    if (await copyText(link.wallet_address)) {
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    }
  };
  const isDev = link.wallet_type === walletTypeOf('dev') && local;
  return (
    <Panel testID="wallet-account">
      <View style={styles.row}>
        <View style={styles.identity}>
          <View style={styles.titleRow}>
            <Text style={styles.title}>{t('wallet.myWallet')}</Text>
            <Text style={styles.kind}>{t(isDev ? 'wallet.devWallet' : 'wallet.browserWallet')}</Text>
            {chain.status === 'on' && (
              <View style={[styles.chain, local && styles.chainLocal]} testID="wallet-chain">
                <View style={[styles.dot, local && styles.dotLocal]} />
                <Text style={styles.chainText}>
                  {t(chainNameKey(chain.chain.chain_id, local), { id: chain.chain.chain_id })} · {chain.chain.chain_id}
                </Text>
              </View>
            )}
          </View>
          <View style={styles.addressRow}>
            <Text style={styles.address} selectable numberOfLines={1} testID="wallet-address">
              {link.wallet_address}
            </Text>
            <Button label={copied ? t('room.copied') : t('room.copy')} kind="secondary" compact onPress={() => void copy()} testID="wallet-copy-address" />
          </View>
        </View>
        {local && (
          <View style={styles.faucet}>
            <Button label={t('wallet.faucet')} kind="secondary" onPress={onFaucet} disabled={busy} testID="wallet-faucet" />
            <Text style={styles.faucetAbout}>{t('wallet.faucetAbout')}</Text>
          </View>
        )}
      </View>
      <TxStatusLine status={status} actions={['faucet']} done="wallet.faucetDone" testID="wallet-faucet-status" />
    </Panel>
  );
}

const styles = StyleSheet.create({
  about: { color: colors.textDim, fontFamily: fonts.family, fontSize: 14 },
  actions: { flexDirection: 'row', gap: space(3), flexWrap: 'wrap', alignItems: 'center', marginTop: space(1) },
  row: { flexDirection: 'row', alignItems: 'center', gap: space(4), flexWrap: 'wrap' },
  identity: { flex: 1, minWidth: 320, gap: space(2) },
  titleRow: { flexDirection: 'row', alignItems: 'center', gap: space(3), flexWrap: 'wrap' },
  title: { color: colors.gold, fontSize: 16, fontWeight: '700', fontFamily: fonts.family, letterSpacing: 1 },
  kind: { color: colors.textDim, fontFamily: fonts.family, fontSize: 13 },
  chain: {
    flexDirection: 'row',
    alignItems: 'center',
    gap: space(1.5),
    paddingVertical: space(0.5),
    paddingHorizontal: space(2.5),
    borderRadius: 12,
    borderWidth: 1,
    borderColor: colors.panelBorder,
    backgroundColor: 'rgba(0,0,0,0.25)',
  },
  chainLocal: { borderColor: 'rgba(74, 163, 223, 0.6)' },
  dot: { width: 8, height: 8, borderRadius: 4, backgroundColor: '#8fd694' },
  dotLocal: { backgroundColor: colors.team0 },
  chainText: { color: colors.text, fontFamily: fonts.family, fontSize: 12 },
  addressRow: { flexDirection: 'row', alignItems: 'center', gap: space(3) },
  address: { color: colors.text, fontFamily: monoFamily, fontSize: 15, flexShrink: 1 },
  faucet: { alignItems: 'flex-end', gap: space(1) },
  faucetAbout: { color: colors.textDim, fontFamily: fonts.family, fontSize: 12 },
});
