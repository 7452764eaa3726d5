import { Pressable, StyleSheet, Text, View } from 'react-native';
import { useT } from '../../i18n';
import { colors, fonts } from '../../ui/theme';
import type { Point } from './table-layout';

/** The pair's outer size, for whoever reserves room for it around `layout.arrange`. */
export const ARRANGE_BUTTONS_SIZE = { width: 112, height: 30 } as const;

export interface ArrangeButtonsProps {
  /** The centre of the pair (the layout's `arrange` point). */
  at: Point;
  canArrange: boolean;
  canReset: boolean;
  onArrange: () => void;
  onReset: () => void;
}

/** 理牌 and 重置, small beside the hand: they change how the hand is shown, never what is played. */
export function ArrangeButtons({ at, canArrange, canReset, onArrange, onReset }: ArrangeButtonsProps) {
  const t = useT();
  const { width, height } = ARRANGE_BUTTONS_SIZE;
  return (
    <View testID="table-arrange-buttons" style={[styles.row, { left: at.x - width / 2, top: at.y - height / 2, width, height }]} pointerEvents="box-none">
      <SmallButton label={t('arrange')} hint={t('arrangeHint')} testID="table-arrange" enabled={canArrange} onPress={onArrange} />
      <SmallButton label={t('arrangeReset')} hint={t('arrangeResetHint')} testID="table-arrange-reset" enabled={canReset} onPress={onReset} />
    </View>
  );
}

interface SmallButtonProps {
  label: string;
  hint: string;
  testID: string;
  enabled: boolean;
  onPress: () => void;
}

function SmallButton({ label, hint, testID, enabled, onPress }: SmallButtonProps) {
  return (
    <Pressable
      accessibilityRole="button"
      accessibilityLabel={label}
      accessibilityHint={hint}
      accessibilityState={{ disabled: !enabled }}
      aria-disabled={!enabled}
      disabled={!enabled}
      testID={testID}
      onPress={onPress}
      // The hand is pressed with a finger right below: a slop keeps a near miss on the button.
      hitSlop={6}
      style={({ pressed }) => [styles.button, pressed && enabled && styles.pressed, !enabled && styles.disabled]}
    >
      <Text numberOfLines={1} style={styles.label}>
        {label}
      </Text>
    </Pressable>
  );
}

const styles = StyleSheet.create({
  row: { position: 'absolute', flexDirection: 'row', gap: 6 },
  button: {
    flex: 1,
    alignItems: 'center',
    justifyContent: 'center',
    borderRadius: 15,
    borderWidth: 1,
    borderColor: colors.panelBorder,
    backgroundColor: 'rgba(18,56,44,0.92)',
  },
  pressed: { backgroundColor: colors.panelBorder },
  disabled: { opacity: 0.45 },
  label: { color: colors.gold, fontSize: 13, fontWeight: '700', fontFamily: fonts.family },
});
