import type { SeatView } from '@guandan/engine';
import { StyleSheet, Text, View } from 'react-native';
import { useT } from '../../i18n';
import { colors, fonts } from '../../ui/theme';
import { trackerRows } from '../model/tracker';

/** The card tracker (记牌器): how many of each rank are still out of sight. */
export function TrackerPanel({ view, top }: { view: SeatView; top: number }) {
  const t = useT();
  const rows = trackerRows(view);
  return (
    <View testID="tracker-panel" accessibilityLabel={t('tracker')} style={[styles.panel, { top }]}>
      <Text style={styles.title}>
        {t('tracker')} · {t('trackerUnseen')}
      </Text>
      <View style={styles.grid}>
        {rows.map((row) => (
          <View key={row.rank} style={[styles.cell, row.isLevel && styles.level]} accessibilityLabel={`${row.label} ${row.unseen}`}>
            <Text style={[styles.rank, (row.rank === 'HR') && styles.red]}>{row.label}</Text>
            <Text style={[styles.count, row.unseen === 0 && styles.none]}>{row.unseen}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

const styles = StyleSheet.create({
  panel: {
    position: 'absolute',
    left: 12,
    padding: 8,
    borderRadius: 12,
    backgroundColor: 'rgba(4,28,20,0.92)',
    borderWidth: 1,
    borderColor: 'rgba(232,195,90,0.5)',
    zIndex: 20,
  },
  title: { color: colors.gold, fontSize: 12, marginBottom: 4, fontFamily: fonts.family },
  grid: { flexDirection: 'row', gap: 3 },
  cell: { alignItems: 'center', minWidth: 26, paddingVertical: 2, borderRadius: 6, backgroundColor: 'rgba(255,255,255,0.06)' },
  level: { backgroundColor: 'rgba(232,195,90,0.25)' },
  rank: { color: colors.text, fontSize: 12, fontWeight: '700', fontFamily: fonts.family },
  red: { color: '#ff7b72' },
  count: { color: colors.gold, fontSize: 14, fontWeight: '700', fontFamily: fonts.family },
  none: { color: 'rgba(255,255,255,0.25)' },
});
