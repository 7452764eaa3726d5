import { StyleSheet, Text } from 'react-native';
import { useLang, useT } from '../../i18n';
import { formatExclusionDate, isExcluded } from '../../shop/limit-date';
import { Button } from '../../ui/Button';
import { Choice } from '../../ui/Choice';
import { Panel } from '../../ui/Panel';
import { colors, fonts } from '../../ui/theme';

/** The lengths offered, in days: a day, a week, a month, six months (183 days, never less) and a year. */
export const EXCLUSION_DAYS = [1, 7, 30, 183, 365] as const;
export type ExclusionDays = (typeof EXCLUSION_DAYS)[number];

export interface ExclusionPanelProps {
  selfExcludedUntil: string | null;
  days: ExclusionDays;
  saving: boolean;
  onChooseDays: (days: ExclusionDays) => void;
  /** Asks to confirm (the dialog is the screen's, over the whole page). */
  onStart: () => void;
}

/** Self-exclusion: until when the player excluded themselves, and choosing a length to stop (or stop longer). */
export function ExclusionPanel({ selfExcludedUntil, days, saving, onChooseDays, onStart }: ExclusionPanelProps) {
  const t = useT();
  const lang = useLang();
  const excluded = selfExcludedUntil !== null && isExcluded(selfExcludedUntil, Date.now());
  return (
    <Panel title={t('limits.exclusion.title')} testID="exclusion-panel">
      {excluded && (
        <Text style={styles.excluded} testID="limits-excluded">
          {t('limits.excludedUntil', { date: formatExclusionDate(selfExcludedUntil, lang) })}
        </Text>
      )}
      <Text style={styles.dim}>{t('limits.exclusion.explain')}</Text>
      <Choice
        label={t('limits.exclusion.length')}
        options={EXCLUSION_DAYS.map((value) => ({ value, label: t(`limits.exclusion.days.${value}`) }))}
        value={days}
        onChange={onChooseDays}
        testID="exclusion-length"
      />
      <Button label={t(excluded ? 'limits.exclusion.extend' : 'limits.exclusion.start')} kind="danger" disabled={saving} onPress={onStart} testID="exclusion-start" />
    </Panel>
  );
}

const styles = StyleSheet.create({
  excluded: { color: colors.gold, fontFamily: fonts.family, fontSize: 16, fontWeight: '700' },
  dim: { color: colors.textDim, fontFamily: fonts.family, fontSize: 13, lineHeight: 19 },
});
