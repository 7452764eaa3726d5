import type { ReactNode } from 'react';
import { ScrollView, StyleSheet, useWindowDimensions } from 'react-native';
import { space } from './theme';

/** Below this height (a phone held sideways) screens tighten their padding and spacing. */
const SHORT_WINDOW = 520;

export function useShortWindow(): boolean {
  return useWindowDimensions().height < SHORT_WINDOW;
}

/** A scrolling screen: a centred column up to `maxWidth`, padded, its sections `gap` spaces apart. */
export function Page({ maxWidth, gap = 4, testID, children }: { maxWidth: number; gap?: number; testID?: string; children: ReactNode }) {
  const short = useShortWindow();
  return (
    <ScrollView testID={testID} contentContainerStyle={[styles.content, { maxWidth, gap: space(gap) }, short && styles.contentShort]}>
      {children}
    </ScrollView>
  );
}

const styles = StyleSheet.create({
  content: { padding: space(6), width: '100%', alignSelf: 'center' },
  contentShort: { padding: space(3), gap: space(3) },
});
