import type { ReactNode } from 'react';
import { StyleSheet, View } from 'react-native';
import { FeltGlow } from './FeltGlow';
import { colors } from './theme';

/** The felt behind every screen: a lit centre fading to a darker edge. */
export function FeltBackground({ children, testID }: { children: ReactNode; testID?: string }) {
  return (
    <View style={styles.root} testID={testID}>
      <FeltGlow />
      {children}
    </View>
  );
}

const styles = StyleSheet.create({
  root: { flex: 1, backgroundColor: colors.feltEdge, overflow: 'hidden' },
});
