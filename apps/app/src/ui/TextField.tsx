import { StyleSheet, TextInput, type TextInputProps } from 'react-native';
import { colors, fonts, space } from './theme';

export interface TextFieldProps extends Pick<TextInputProps, 'value' | 'onChangeText' | 'secureTextEntry' | 'autoComplete' | 'keyboardType' | 'onSubmitEditing' | 'maxLength' | 'autoCapitalize'> {
  placeholder: string;
  testID?: string;
  compact?: boolean;
}

/** A text input on the felt; the placeholder doubles as its accessible name. */
export function TextField({ placeholder, testID, compact = false, autoCapitalize = 'none', ...input }: TextFieldProps) {
  return (
    <TextInput
      {...input}
      autoCapitalize={autoCapitalize}
      autoCorrect={false}
      placeholder={placeholder}
      placeholderTextColor={colors.textDim}
      accessibilityLabel={placeholder}
      testID={testID}
      style={[styles.input, compact && styles.compact]}
    />
  );
}

const styles = StyleSheet.create({
  input: {
    color: colors.text,
    fontFamily: fonts.family,
    fontSize: 16,
    backgroundColor: 'rgba(0, 0, 0, 0.28)',
    borderColor: colors.panelBorder,
    borderWidth: 1,
    borderRadius: 10,
    paddingHorizontal: space(3),
    paddingVertical: space(2.5),
    minWidth: 0,
  },
  compact: { paddingVertical: space(1.5), fontSize: 15 },
});
