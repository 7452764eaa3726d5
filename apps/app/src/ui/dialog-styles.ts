import { StyleSheet } from 'react-native';
import { colors, fonts } from './theme';

/** A modal over the table: a dimmed backdrop, a gold-edged panel, its title, lines of text and a row of buttons. */
export const dialogStyles = StyleSheet.create({
  backdrop: {
    position: 'absolute',
    left: 0,
    right: 0,
    top: 0,
    bottom: 0,
    zIndex: 40,
    alignItems: 'center',
    justifyContent: 'center',
    backgroundColor: 'rgba(0,0,0,0.55)',
    padding: 16,
  },
  dialog: {
    maxWidth: 420,
    width: '100%',
    gap: 10,
    padding: 18,
    borderRadius: 16,
    borderWidth: 1.5,
    borderColor: colors.gold,
    backgroundColor: colors.panel,
  },
  title: { color: colors.gold, fontSize: 20, fontWeight: '700', fontFamily: fonts.family },
  line: { color: colors.text, fontSize: 14, lineHeight: 20, fontFamily: fonts.family },
  actions: { flexDirection: 'row', justifyContent: 'flex-end', gap: 12, marginTop: 6, flexWrap: 'wrap' },
});
