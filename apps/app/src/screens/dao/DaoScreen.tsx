import type { Proposal, TokenBalance, Wallet } from '@guandan/protocol';
import type { RestClient, VoteSupport } from '@guandan/sdk';
import { useCallback, useEffect, useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { useT } from '../../i18n';
import { errorText } from '../../session/error-text';
import { Button } from '../../ui/Button';
import { Page } from '../../ui/Page';
import { Panel } from '../../ui/Panel';
import { colors, fonts, space } from '../../ui/theme';
import { displayAmount } from '../../wallet/token-amount';
import { type ChainState, isLocalChain } from '../../wallet/useChainInfo';
import { TxStatusLine } from '../wallet/TxStatusLine';
import { useTransactions } from '../wallet/useTransactions';
import { ProposalCard } from './ProposalCard';

const REFRESH_MS = 10_000;

/** The DAO: the player's GUAN and delegation, and the Governor's proposals with their tallies and the vote. */
export function DaoScreen({ rest, chain }: { rest: RestClient; chain: ChainState }) {
  const t = useT();
  const [proposals, setProposals] = useState<Proposal[] | null>(null);
  const [link, setLink] = useState<Wallet | null | undefined>(undefined);
  const [balance, setBalance] = useState<TokenBalance | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    rest.economy
      .wallet()
      .then(setLink)
      .catch(() => setLink(null));
    rest.economy
      .balance()
      .then(setBalance)
      .catch(() => undefined);
    rest.economy
      .proposals()
      .then((list) => {
        setProposals(list);
        setError(null);
      })
      .catch((failure: unknown) => {
        setProposals([]);
        setError(failure);
      });
  }, [rest]);

  useEffect(load, [load]);
  // Proposals open, close and gather votes while the page is open: read them again now and then.
  useEffect(() => {
    const timer = setInterval(load, REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);
  const transactions = useTransactions(rest, isLocalChain(chain), load);
  const linked = link !== null && link !== undefined;
  const vote = (proposal: Proposal, support: VoteSupport) => void transactions.send(`vote:${proposal.proposal_id}`, () => rest.economy.vote(proposal.proposal_id, support));

  return (
    <Page testID="dao-screen" maxWidth={1000}>
      <Panel>
        <View style={styles.header}>
          <View style={styles.intro}>
            <Text style={styles.title} accessibilityRole="header">
              {t('dao.title')}
            </Text>
            <Text style={styles.about}>{t('dao.about')}</Text>
          </View>
          <View style={styles.guan}>
            <Text style={styles.guanAmount} testID="dao-guan">
              {balance === null ? '—' : displayAmount(balance.GUAN, 2)}
            </Text>
            <Text style={styles.guanLabel}>{t('dao.myGuan')}</Text>
          </View>
        </View>
        <View style={styles.delegate}>
          {linked ? (
            <>
              <Button
                label={t('dao.delegate')}
                kind="secondary"
                onPress={() => void transactions.send('delegate', () => rest.economy.delegateToSelf())}
                disabled={transactions.busy || chain.status !== 'on'}
                testID="dao-delegate"
              />
              <Text style={styles.about}>{t('dao.delegateAbout')}</Text>
            </>
          ) : (
            link === null && <Text style={styles.about}>{t('dao.needWallet')}</Text>
          )}
        </View>
        <TxStatusLine status={transactions.status} actions={['delegate']} done="dao.delegated" testID="dao-delegate-status" />
      </Panel>
      <Panel title={t('dao.proposals')} testID="dao-proposals">
        {proposals === null && <Text style={styles.about}>{t('common.loading')}</Text>}
        {error !== null && (
          <Text style={styles.error} accessibilityRole="alert">
            {errorText(t, error)}
          </Text>
        )}
        {proposals !== null && proposals.length === 0 && error === null && <Text style={styles.about}>{t('dao.noProposals')}</Text>}
        {proposals?.map((proposal) => (
          <View key={proposal.proposal_id} style={styles.proposal}>
            <ProposalCard proposal={proposal} canAct={linked && !transactions.busy} onVote={(support) => vote(proposal, support)} />
            <TxStatusLine status={transactions.status} actions={[`vote:${proposal.proposal_id}`]} done="dao.voted" testID="dao-vote-status" />
          </View>
        ))}
      </Panel>
    </Page>
  );
}

const styles = StyleSheet.create({
  header: { flexDirection: 'row', alignItems: 'center', gap: space(4) },
  intro: { flex: 1, gap: space(1) },
  title: { color: colors.gold, fontFamily: fonts.family, fontSize: 22, fontWeight: '700', letterSpacing: 1 },
  about: { color: colors.textDim, fontFamily: fonts.family, fontSize: 14, flexShrink: 1 },
  guan: {
    alignItems: 'center',
    paddingVertical: space(2),
    paddingHorizontal: space(5),
    borderRadius: 12,
    borderWidth: 1,
    borderColor: colors.team1,
    backgroundColor: 'rgba(0,0,0,0.22)',
  },
  guanAmount: { color: colors.text, fontFamily: fonts.family, fontSize: 24, fontWeight: '800' },
  guanLabel: { color: colors.textDim, fontFamily: fonts.family, fontSize: 12 },
  delegate: { flexDirection: 'row', alignItems: 'center', gap: space(3), flexWrap: 'wrap' },
  error: { color: '#ff8a80', fontFamily: fonts.family, fontSize: 14 },
  proposal: { gap: space(1) },
});
