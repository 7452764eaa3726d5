import type { SpendingLimit } from '@guandan/protocol';
import { useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { type Translate, useLang, useT } from '../../i18n';
import { currencySymbols, type LimitAmountProblem, parseLimitAmount } from '../../shop/limit-amount';
import { formatLimitDate } from '../../shop/limit-date';
import { currencyDigits, formatPrice } from '../../shop/price';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';
import { colors, fonts, space } from '../../ui/theme';

export interface LimitRowProps {
  limit: SpendingLimit;
  currency: string;
  saving: boolean;
  /** Resolves true when the server took the new limit. */
  onSet: (limitMinor: number | null) => Promise<boolean>;
}

/** One period's limit: what is in force, what was spent and what is left, a raise waiting, and changing it. */
export function LimitRow({ limit, currency, saving, onSet }: LimitRowProps) {
  const t = useT();
  const lang = useLang();
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const id = `limits-${limit.period}`;
  const money = (minor: number) => formatPrice(minor, currency, lang);
  const left = limit.limit_minor === null ? null : Math.max(0, limit.limit_minor - limit.spent_minor);
  // What the bar fills: the share of the limit spent (display only, so a float is fine here).
  const used = limit.limit_minor === null ? 0 : limit.limit_minor === 0 ? 1 : Math.min(1, limit.spent_minor / limit.limit_minor);

  const submit = () => {
    const amount = parseLimitAmount(typed, currency, currencySymbols(currency, [lang, 'en']));
    if (!amount.ok) {
      setProblem(problemText(t, amount.problem, currency));
      return;
    }
    setProblem(null);
    void onSet(amount.minor).then((taken) => {
      if (taken) setTyped('');
    });
  };

  return (
    <View style={styles.row} testID={id}>
      <View style={styles.head}>
        <Text style={styles.period}>{t(`limits.period.${limit.period}`)}</Text>
        <Text style={[styles.inForce, limit.limit_minor === null && styles.none]} testID={`${id}-limit`}>
          {limit.limit_minor === null ? t('limits.none') : t('limits.inForce', { amount: money(limit.limit_minor) })}
        </Text>
      </View>
      {limit.limit_minor !== null && (
        <View style={styles.track} accessibilityRole="progressbar" accessibilityValue={{ min: 0, max: limit.limit_minor, now: Math.min(limit.spent_minor, limit.limit_minor) }}>
          <View style={[styles.fill, { width: `${used * 100}%` }, used >= 1 && styles.fillFull]} />
        </View>
      )}
      <View style={styles.figures}>
        <Text style={styles.dim} testID={`${id}-spent`}>
          {t('limits.spent', { amount: money(limit.spent_minor) })}
        </Text>
        {left !== null && (
          <Text style={styles.left} testID={`${id}-left`}>
            {t('limits.left', { amount: money(left) })}
          </Text>
        )}
      </View>
      {limit.pending !== null && (
        <Text style={styles.pending} testID={`${id}-pending`}>
          {limit.pending.limit_minor === null
            ? t('limits.pendingRemoval', { date: formatLimitDate(limit.pending.from, lang) })
            : t('limits.pendingRaise', { amount: money(limit.pending.limit_minor), date: formatLimitDate(limit.pending.from, lang) })}
        </Text>
      )}
      <View style={styles.change}>
        <View style={styles.field}>
          <TextField
            placeholder={t('limits.newLimit', { currency: currency.toUpperCase() })}
            value={typed}
            onChangeText={setTyped}
            onSubmitEditing={submit}
            keyboardType={currencyDigits(currency) === 0 ? 'number-pad' : 'decimal-pad'}
            maxLength={16}
            compact
            testID={`${id}-input`}
          />
        </View>
        <Button label={t('limits.set')} compact disabled={saving} onPress={submit} testID={`${id}-set`} />
        {/* Nothing to remove when there is no limit, or when its removal is already waiting. */}
        {limit.limit_minor !== null && limit.pending?.limit_minor !== null && (
          <Button label={t('limits.remove')} kind="secondary" compact disabled={saving} onPress={() => void onSet(null)} testID={`${id}-remove`} />
        )}
      </View>
      {problem !== null && (
        <Text style={styles.problem} accessibilityRole="alert" testID={`${id}-problem`}>
          {problem}
        </Text>
      )}
    </View>
  );
}

/** What is wrong with the typed limit, in words: a currency without decimals asks for whole amounts. */
function problemText(t: Translate, problem: LimitAmountProblem, currency: string): string {
  if (problem !== 'decimals') return t(`limits.problem.${problem}`);
  const digits = currencyDigits(currency);
  return digits === 0 ? t('limits.problem.wholeOnly') : t('limits.problem.decimals', { n: digits });
}

const styles = StyleSheet.create({
  row: { gap: space(1.5), paddingVertical: space(3), paddingHorizontal: space(3), borderRadius: 12, backgroundColor: 'rgba(0, 0, 0, 0.18)' },
  head: { flexDirection: 'row', flexWrap: 'wrap', alignItems: 'baseline', justifyContent: 'space-between', columnGap: space(3) },
  period: { color: colors.text, fontFamily: fonts.family, fontSize: 15, fontWeight: '600' },
  inForce: { color: colors.gold, fontFamily: fonts.family, fontSize: 16, fontWeight: '800' },
  none: { color: colors.textDim, fontWeight: '600' },
  track: { height: 8, borderRadius: 4, backgroundColor: 'rgba(255, 255, 255, 0.1)', overflow: 'hidden' },
  fill: { height: '100%', borderRadius: 4, backgroundColor: colors.gold },
  fillFull: { backgroundColor: colors.red },
  figures: { flexDirection: 'row', flexWrap: 'wrap', justifyContent: 'space-between', columnGap: space(3) },
  dim: { color: colors.textDim, fontFamily: fonts.family, fontSize: 13 },
  left: { color: colors.text, fontFamily: fonts.family, fontSize: 13, fontWeight: '600' },
  pending: { color: colors.gold, fontFamily: fonts.family, fontSize: 13 },
  change: { flexDirection: 'row', flexWrap: 'wrap', alignItems: 'center', gap: space(2), marginTop: space(1) },
  field: { flexBasis: 150, flexGrow: 1 },
  problem: { color: '#ff8a80', fontFamily: fonts.family, fontSize: 12 },
});
