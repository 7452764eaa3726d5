import type { RestClient } from '@guandan/sdk';
import { useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { useLang, useT } from '../../i18n';
import { errorText } from '../../session/error-text';
import { formatExclusionDate } from '../../shop/limit-date';
import { Button } from '../../ui/Button';
import { Page } from '../../ui/Page';
import { Panel } from '../../ui/Panel';
import { colors, fonts, space } from '../../ui/theme';
import { ExclusionDialog } from './ExclusionDialog';
import { type ExclusionDays, ExclusionPanel } from './ExclusionPanel';
import { LimitRow } from './LimitRow';
import { useResponsiblePlay } from './useResponsiblePlay';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Responsible play, from the shop: a limit per rolling day, week and month, and self-exclusion. */
export function LimitsScreen({ rest, onBack }: { rest: RestClient; onBack: () => void }) {
  const t = useT();
  const lang = useLang();
  const { view, error, saving, setLimit, exclude } = useResponsiblePlay(rest);
  const [days, setDays] = useState<ExclusionDays>(7);
  const [confirming, setConfirming] = useState(false);

  const confirm = () => {
    void exclude(days).then(() => setConfirming(false));
  };

  return (
    <View style={styles.screen}>
      <Page testID="limits-screen" maxWidth={720}>
        <View style={styles.top}>
          <Button label={`‹ ${t('limits.back')}`} kind="secondary" compact onPress={onBack} testID="limits-back" />
        </View>
        <Panel title={t('limits.title')}>
          {view === null && error === null && <Text style={styles.dim}>{t('common.loading')}</Text>}
          {view !== null && (
            <>
              <Text style={styles.dim} testID="limits-explain">
                {t('limits.explain', { n: view.cooling_off_hours })}
              </Text>
              {view.limits.map((limit) => (
                <LimitRow key={limit.period} limit={limit} currency={view.currency} saving={saving} onSet={(minor) => setLimit(limit.period, minor)} />
              ))}
            </>
          )}
          {error !== null && (
            <Text style={styles.error} accessibilityRole="alert" testID="limits-error">
              {errorText(t, error)}
            </Text>
          )}
        </Panel>
        {view !== null && <ExclusionPanel selfExcludedUntil={view.self_excluded_until} days={days} saving={saving} onChooseDays={setDays} onStart={() => setConfirming(true)} />}
      </Page>
      {confirming && (
        <ExclusionDialog
          length={t(`limits.exclusion.days.${days}`)}
          until={formatExclusionDate(new Date(Date.now() + days * DAY_MS).toISOString(), lang)}
          saving={saving}
          onConfirm={confirm}
          onCancel={() => setConfirming(false)}
        />
      )}
    </View>
  );
}

const styles = StyleSheet.create({
  screen: { flex: 1 },
  top: { flexDirection: 'row' },
  dim: { color: colors.textDim, fontFamily: fonts.family, fontSize: 13, lineHeight: 19 },
  error: { color: colors.red, fontFamily: fonts.family, fontSize: 14, marginTop: space(1) },
});
