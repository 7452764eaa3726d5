import { Pressable, StyleSheet, Text, View } from 'react-native';
import { colors, fonts, space } from './theme';

export interface ChoiceOption<T> {
  value: T;
  label: string;
}

export interface ChoiceProps<T> {
  label: string;
  options: readonly ChoiceOption<T>[];
  value: T;
  onChange: (value: T) => void;
  testID?: string;
}

/** A labelled row of mutually exclusive options (a segmented control). */
export function Choice<T extends string | number | boolean>({ label, options, value, onChange, testID }: ChoiceProps<T>) {
  return (
    <View style={styles.row} testID={testID} accessibilityRole="radiogroup" accessibilityLabel={label}>
      <Text style={styles.label}>{label}</Text>
      <View style={styles.options}>
        {options.map((option) => {
          const chosen = option.value === value;
          return (
            <Pressable
              key={String(option.value)}
              accessibilityRole="radio"
              accessibilityLabel={`${label}: ${option.label}`}
              accessibilityState={{ checked: chosen }}
              testID={testID === undefined ? undefined : `${testID}-${String(option.value)}`}
              onPress={() => onChange(option.value)}
              style={[styles.option, chosen && styles.chosen]}
            >
              <Text style={[styles.optionText, chosen && styles.chosenText]}>{option.label}</Text>
            </Pressable>
          );
        })}
      </View>
    </View>
  );
}

const styles = StyleSheet.create({
  row: { flexDirection: 'row', alignItems: 'center', gap: space(3), flexWrap: 'wrap' },
  label: { color: colors.textDim, fontFamily: fonts.family, fontSize: 14, width: 112 },
  options: { flexDirection: 'row', flexWrap: 'wrap', gap: space(1.5), flex: 1 },
  option: {
    paddingVertical: space(1.5),
    paddingHorizontal: space(3),
    borderRadius: 14,
    borderWidth: 1,
    borderColor: colors.panelBorder,
    backgroundColor: 'rgba(0, 0, 0, 0.2)',
  },
  chosen: { backgroundColor: colors.gold, borderColor: colors.goldDark },
  optionText: { color: colors.text, fontFamily: fonts.family, fontSize: 14 },
  chosenText: { color: '#2a1d00', fontWeight: '700' },
});
