import type { TokenBalance } from '@guandan/protocol';
import type { RestClient, SwapPrepared, SwapToken } from '@guandan/sdk';
import { useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { useT } from '../../i18n';
import { errorText } from '../../session/error-text';
import { Button } from '../../ui/Button';
import { Choice } from '../../ui/Choice';
import { Panel } from '../../ui/Panel';
import { colors, fonts, space } from '../../ui/theme';
import { displayAmount, readAmountInput, TOKEN_DECIMALS } from '../../wallet/token-amount';
import { amountProblemKey } from './amount-problem';
import { AmountField } from './AmountField';
import { TxStatusLine } from './TxStatusLine';
import type { Transactions } from './useTransactions';

/** 1%: the server's default, and what the minimum-out line says. */
const SLIPPAGE_BPS = 100;

const other = (token: SwapToken): SwapToken => (token === 'PLAY' ? 'USDC' : 'PLAY');

/**
 * PLAY ↔ USDC at the pool: a quote first (what the server prepared: the expected output and the minimum the swap
 * accepts), then the swap itself from the wallet. Changing the amount or direction drops the quote.
 */
export function SwapPanel({ rest, balance, transactions }: { rest: RestClient; balance: TokenBalance | null; transactions: Transactions }) {
  const t = useT();
  const [from, setFrom] = useState<SwapToken>('PLAY');
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [quote, setQuote] = useState<SwapPrepared | null>(null);
  const [quoting, setQuoting] = useState(false);
  const to = other(from);
  const available = balance === null ? null : balance[from];

  const edit = (next: string) => {
    setText(next);
    setQuote(null);
    setProblem(null);
  };
  const flip = (next: SwapToken) => {
    setFrom(next);
    setQuote(null);
    setProblem(null);
  };

  const askQuote = async () => {
    const input = readAmountInput(text, TOKEN_DECIMALS[from], available ?? undefined);
    if (!input.ok) {
      setProblem(t(amountProblemKey(input.problem)));
      return;
    }
    setQuoting(true);
    try {
      setQuote(await rest.economy.swap({ from_token: from, to_token: to, amount: input.amount, slippage_bps: SLIPPAGE_BPS }));
    } catch (failure) {
      setProblem(errorText(t, failure));
    } finally {
      setQuoting(false);
    }
  };

  const swap = async () => {
    if (quote === null) return;
    if (await transactions.send('swap', quote)) edit('');
  };

  return (
    <Panel title={t('swap.title')} testID="wallet-swap">
      <Choice<SwapToken>
        label={t('swap.direction')}
        options={[
          { value: 'PLAY', label: t('swap.playToUsdc') },
          { value: 'USDC', label: t('swap.usdcToPlay') },
        ]}
        value={from}
        onChange={flip}
        testID="swap-from"
      />
      <AmountField value={text} onChange={edit} token={t(`token.${from}`)} available={available} problem={problem} testID="swap-amount" />
      {quote !== null && (
        <View style={styles.quote} testID="swap-quote">
          <View style={styles.line}>
            <Text style={styles.label}>{t('swap.expected')}</Text>
            <Text style={styles.expected} testID="swap-expected">
              {displayAmount(quote.expected_out, 6)} {t(`token.${to}`)}
            </Text>
          </View>
          <View style={styles.line}>
            <Text style={styles.label}>{t('swap.minimum')}</Text>
            <Text style={styles.value} testID="swap-minimum">
              {displayAmount(quote.min_out, 6)} {t(`token.${to}`)}
            </Text>
          </View>
        </View>
      )}
      <View style={styles.actions}>
        {quote === null ? (
          <Button label={t('swap.quote')} kind="secondary" onPress={() => void askQuote()} disabled={quoting || transactions.busy} testID="swap-get-quote" />
        ) : (
          <Button label={t('swap.confirm')} onPress={() => void swap()} disabled={transactions.busy} testID="swap-confirm" />
        )}
      </View>
      <TxStatusLine status={transactions.status} actions={['swap']} done="swap.done" testID="swap-status" />
    </Panel>
  );
}

const styles = StyleSheet.create({
  quote: { gap: space(1), padding: space(3), borderRadius: 10, backgroundColor: 'rgba(0,0,0,0.22)' },
  line: { flexDirection: 'row', justifyContent: 'space-between', alignItems: 'baseline', gap: space(3) },
  label: { color: colors.textDim, fontFamily: fonts.family, fontSize: 13 },
  expected: { color: colors.gold, fontFamily: fonts.family, fontSize: 18, fontWeight: '800' },
  value: { color: colors.text, fontFamily: fonts.family, fontSize: 14, fontWeight: '600' },
  actions: { flexDirection: 'row', justifyContent: 'flex-end', gap: space(2) },
});
