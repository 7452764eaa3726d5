import type { ReactNode } from 'react';
import { StyleSheet, Text, View, type StyleProp, type ViewStyle } from 'react-native';
import { colors, fonts, space } from './theme';

/** A raised panel on the felt, with an optional gold title. */
export function Panel({ title, children, style, testID }: { title?: string; children: ReactNode; style?: StyleProp<ViewStyle>; testID?: string }) {
  return (
    <View style={[styles.panel, style]} testID={testID}>
      {title !== undefined && <Text style={styles.title}>{title}</Text>}
      {children}
    </View>
  );
}

const styles = StyleSheet.create({
  panel: {
    backgroundColor: 'rgba(8, 40, 30, 0.82)',
    borderColor: 'rgba(232, 195, 90, 0.35)',
    borderWidth: 1,
    borderRadius: 16,
    padding: space(4),
    gap: space(2),
  },
  title: { color: colors.gold, fontSize: 16, fontWeight: '700', fontFamily: fonts.family, letterSpacing: 1 },
});
