import { StyleSheet, View } from 'react-native';
import type { Tally } from '../../wallet/proposal-tally';

export const TALLY_COLORS = { for: '#6cc07a', against: '#e0675c', abstain: '#8aa39a' } as const;

/** The votes cast as one bar: for, against and abstain side by side in proportion; an empty track before any vote. */
export function TallyBar({ tally }: { tally: Tally }) {
  return (
    <View style={styles.track}>
      {(['for', 'against', 'abstain'] as const).map((side) =>
        tally[side] > 0 ? <View key={side} style={{ flex: tally[side], backgroundColor: TALLY_COLORS[side] }} /> : null,
      )}
    </View>
  );
}

const styles = StyleSheet.create({
  track: { flexDirection: 'row', height: 8, borderRadius: 4, overflow: 'hidden', backgroundColor: 'rgba(255,255,255,0.08)' },
});
