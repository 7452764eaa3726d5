import type { TokenBalance } from '@guandan/protocol';
import type { RestClient, StakingInfo } from '@guandan/sdk';
import { useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { useT } from '../../i18n';
import { Button } from '../../ui/Button';
import { Panel } from '../../ui/Panel';
import { colors, fonts, space } from '../../ui/theme';
import { displayAmount, isPositive, readAmountInput, TOKEN_DECIMALS } from '../../wallet/token-amount';
import { amountProblemKey } from './amount-problem';
import { AmountField } from './AmountField';
import { TxStatusLine } from './TxStatusLine';
import type { Transactions } from './useTransactions';

export interface StakingPanelProps {
  rest: RestClient;
  balance: TokenBalance | null;
  staking: StakingInfo | null;
  transactions: Transactions;
}

/** Staking PLAY: what is staked and earned, stake or unstake an amount, claim what was earned. */
export function StakingPanel({ rest, balance, staking, transactions }: StakingPanelProps) {
  const t = useT();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const edit = (next: string) => {
    setText(next);
    setProblem(null);
  };

  /** Staking spends the wallet's PLAY, unstaking what is staked: each is checked against its own limit. */
  const move = async (action: 'stake' | 'unstake') => {
    const limit = action === 'stake' ? balance?.PLAY : staking?.staked;
    const input = readAmountInput(text, TOKEN_DECIMALS.PLAY, limit);
    if (!input.ok) {
      setProblem(t(amountProblemKey(input.problem)));
      return;
    }
    const prepare = () => (action === 'stake' ? rest.economy.stake(input.amount) : rest.economy.unstake(input.amount));
    if (await transactions.send(action, prepare)) edit('');
  };

  const figure = (label: string, value: string | undefined, testID: string) => (
    <View style={styles.figure}>
      <Text style={styles.figureValue} testID={testID}>
        {value === undefined ? '—' : displayAmount(value)}
      </Text>
      <Text style={styles.figureLabel}>{label}</Text>
    </View>
  );

  return (
    <Panel title={t('staking.title')} testID="wallet-staking">
      <View style={styles.figures}>
        {figure(t('staking.staked'), staking?.staked, 'staking-staked')}
        {figure(t('staking.earned'), staking?.earned, 'staking-earned')}
        {figure(t('staking.total'), staking?.total_staked, 'staking-total')}
      </View>
      <AmountField value={text} onChange={edit} token={t('token.PLAY')} available={balance?.PLAY ?? null} problem={problem} testID="staking-amount" />
      <View style={styles.actions}>
        <Button label={t('staking.stake')} onPress={() => void move('stake')} disabled={transactions.busy} testID="staking-stake" />
        <Button label={t('staking.unstake')} kind="secondary" onPress={() => void move('unstake')} disabled={transactions.busy} testID="staking-unstake" />
        <View style={styles.spacer} />
        <Button
          label={t('staking.claim')}
          kind="secondary"
          onPress={() => void transactions.send('claim', () => rest.economy.claimStakingRewards())}
          disabled={transactions.busy || staking === null || !isPositive(staking.earned)}
          testID="staking-claim"
        />
      </View>
      {staking !== null && <Text style={styles.rate}>{t('staking.rate', { rate: displayAmount(staking.reward_per_second) })}</Text>}
      <TxStatusLine status={transactions.status} actions={['stake', 'unstake', 'claim']} done="staking.done" testID="staking-status" />
    </Panel>
  );
}

const styles = StyleSheet.create({
  figures: { flexDirection: 'row', gap: space(2) },
  figure: { flex: 1, paddingVertical: space(2), borderRadius: 10, backgroundColor: 'rgba(0,0,0,0.22)', alignItems: 'center' },
  figureValue: { color: colors.gold, fontFamily: fonts.family, fontSize: 18, fontWeight: '800' },
  figureLabel: { color: colors.textDim, fontFamily: fonts.family, fontSize: 12 },
  actions: { flexDirection: 'row', gap: space(2), alignItems: 'center' },
  spacer: { flex: 1 },
  rate: { color: colors.textDim, fontFamily: fonts.family, fontSize: 12 },
});
