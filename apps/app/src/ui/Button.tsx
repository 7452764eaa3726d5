import { Pressable, StyleSheet, Text } from 'react-native';
import { colors, fonts } from './theme';

export type ButtonKind = 'primary' | 'secondary' | 'danger';

export interface ButtonProps {
  label: string;
  onPress: () => void;
  kind?: ButtonKind;
  disabled?: boolean;
  testID?: string;
  /** Defaults to the label. */
  accessibilityLabel?: string;
  compact?: boolean;
}

/** The one button of the app: labelled for screen readers, reachable by keyboard on the web. */
export function Button({ label, onPress, kind = 'primary', disabled = false, testID, accessibilityLabel, compact = false }: ButtonProps) {
  return (
    <Pressable
      accessibilityRole="button"
      accessibilityLabel={accessibilityLabel ?? label}
      accessibilityState={{ disabled }}
      aria-disabled={disabled}
      disabled={disabled}
      testID={testID}
      onPress={onPress}
      style={({ pressed, hovered }: { pressed: boolean; hovered?: boolean }) => [
        styles.base,
        compact && styles.compact,
        styles[kind],
        (pressed || hovered) && !disabled && styles.active,
        disabled && styles.disabled,
      ]}
    >
      <Text style={[styles.label, kind === 'primary' && styles.primaryLabel]}>{label}</Text>
    </Pressable>
  );
}

const styles = StyleSheet.create({
  base: { paddingVertical: 10, paddingHorizontal: 18, borderRadius: 22, alignItems: 'center', justifyContent: 'center', borderWidth: 1 },
  compact: { paddingVertical: 6, paddingHorizontal: 12, borderRadius: 16 },
  primary: { backgroundColor: colors.gold, borderColor: colors.goldDark },
  secondary: { backgroundColor: colors.panel, borderColor: colors.panelBorder },
  danger: { backgroundColor: colors.danger, borderColor: '#8e2a20' },
  active: { transform: [{ scale: 1.04 }] },
  disabled: { opacity: 0.4 },
  label: { color: colors.text, fontSize: 16, fontWeight: '700', fontFamily: fonts.family },
  primaryLabel: { color: '#2a1d00' },
});
