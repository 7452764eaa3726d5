import type { SeatView } from '@guandan/engine';
import { StyleSheet, Text, View } from 'react-native';
import { useT } from '../../i18n';
import { colors, fonts } from '../../ui/theme';
import { trackerRows } from '../model/tracker';
import type { Rect } from './table-layout';

/**
 * The card tracker (记牌器): how many of each rank are still out of sight. It opens in the layout's panel box and
 * wraps its ranks onto more lines when the box is narrow, so no rank is ever cut off.
 */
export function TrackerPanel({ view, box }: { view: SeatView; box: Rect }) {
  const t = useT();
  const rows = trackerRows(view);
  return (
    <View testID="tracker-panel" accessibilityLabel={t('tracker')} style={[styles.panel, { left: box.x, top: box.y, maxWidth: box.width, maxHeight: box.height }]}>
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
    padding: 8,
    borderRadius: 12,
    backgroundColor: 'rgba(4,28,20,0.92)',
    borderWidth: 1,
    borderColor: 'rgba(232,195,90,0.5)',
    zIndex: 20,
  },
  title: { color: colors.gold, fontSize: 12, marginBottom: 4, fontFamily: fonts.family },
  grid: { flexDirection: 'row', flexWrap: 'wrap', gap: 3 },
  cell: { alignItems: 'center', minWidth: 26, paddingVertical: 2, borderRadius: 6, backgroundColor: 'rgba(255,255,255,0.06)' },
  level: { backgroundColor: 'rgba(232,195,90,0.25)' },
  rank: { color: colors.text, fontSize: 12, fontWeight: '700', fontFamily: fonts.family },
  red: { color: '#ff7b72' },
  count: { color: colors.gold, fontSize: 14, fontWeight: '700', fontFamily: fonts.family },
  none: { color: 'rgba(255,255,255,0.25)' },
});
