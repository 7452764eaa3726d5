import { StyleSheet, Text, View } from 'react-native';
import { colors, fonts, space } from '../../ui/theme';

/** A number with its caption, for the profile's row of statistics. */
export function StatTile({ label, value, testID }: { label: string; value: string; testID?: string }) {
  return (
    <View style={styles.tile} testID={testID} accessibilityLabel={`${label} ${value}`}>
      <Text style={styles.value}>{value}</Text>
      <Text style={styles.label}>{label}</Text>
    </View>
  );
}

const styles = StyleSheet.create({
  tile: {
    flex: 1,
    minWidth: 92,
    alignItems: 'center',
    paddingVertical: space(3),
    borderRadius: 12,
    backgroundColor: 'rgba(0,0,0,0.22)',
    borderWidth: 1,
    borderColor: 'rgba(232, 195, 90, 0.2)',
  },
  value: { color: colors.gold, fontFamily: fonts.family, fontSize: 24, fontWeight: '800' },
  label: { color: colors.textDim, fontFamily: fonts.family, fontSize: 12, marginTop: 2 },
});
