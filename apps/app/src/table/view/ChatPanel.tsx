import { EMOJIS } from '@guandan/protocol';
import { useState } from 'react';
import { Pressable, StyleSheet, Text, TextInput, View } from 'react-native';
import { useT } from '../../i18n';
import { Button } from '../../ui/Button';
import { colors, fonts } from '../../ui/theme';
import type { ChatLine } from '../model/table-state';
import type { Rect } from './table-layout';

export interface ChatPanelProps {
  lines: readonly ChatLine[];
  /** The layout's panel box: the chat opens at its top-left corner, never wider than it (or 330). */
  box: Rect;
  onText: (text: string) => void;
  onEmoji: (emoji: (typeof EMOJIS)[number]) => void;
  onClose: () => void;
  /** Opens the report dialog (a player abusing the chat, or cheating). */
  onReport: () => void;
}

/** The table chat: the last lines, a line to type, and the fixed emoji set. */
export function ChatPanel({ lines, box, onText, onEmoji, onClose, onReport }: ChatPanelProps) {
  const t = useT();
  const [draft, setDraft] = useState('');
  const send = () => {
    const text = draft.trim();
    if (text === '') return;
    onText(text.slice(0, 200));
    setDraft('');
  };
  return (
    <View testID="chat-panel" style={[styles.panel, { left: box.x, top: box.y, width: Math.min(330, box.width) }]}>
      <View style={styles.lines}>
        {lines.slice(-5).map((line) => (
          <Text key={line.id} numberOfLines={1} style={styles.line}>
            <Text style={styles.who}>{line.username}: </Text>
            {line.text ?? line.emoji}
          </Text>
        ))}
      </View>
      <View style={styles.emojis}>
        {EMOJIS.map((emoji, index) => (
          <Pressable key={emoji} testID={`emoji-${index}`} accessibilityRole="button" accessibilityLabel={emoji} onPress={() => onEmoji(emoji)} style={styles.emoji}>
            <Text style={styles.emojiText}>{emoji}</Text>
          </Pressable>
        ))}
      </View>
      <View style={styles.row}>
        <TextInput
          testID="chat-input"
          accessibilityLabel={t('chat')}
          value={draft}
          onChangeText={setDraft}
          onSubmitEditing={send}
          placeholder={t('chatPlaceholder')}
          placeholderTextColor={colors.textDim}
          maxLength={200}
          style={styles.input}
        />
        <Button compact label={t('send')} testID="chat-send" onPress={send} />
        <Button compact kind="secondary" label={t('report.open')} testID="chat-report" onPress={onReport} />
        <Button compact kind="secondary" label={t('close')} onPress={onClose} />
      </View>
    </View>
  );
}

const styles = StyleSheet.create({
  panel: {
    position: 'absolute',
    padding: 10,
    gap: 8,
    borderRadius: 14,
    backgroundColor: 'rgba(4,28,20,0.94)',
    borderWidth: 1,
    borderColor: 'rgba(232,195,90,0.5)',
    zIndex: 30,
  },
  lines: { gap: 2 },
  line: { color: colors.text, fontSize: 13, fontFamily: fonts.family },
  who: { color: colors.gold },
  emojis: { flexDirection: 'row', flexWrap: 'wrap', gap: 4 },
  emoji: { width: 28, height: 28, alignItems: 'center', justifyContent: 'center', borderRadius: 14, backgroundColor: 'rgba(255,255,255,0.08)' },
  emojiText: { fontSize: 17, fontFamily: fonts.emoji, color: colors.text },
  row: { flexDirection: 'row', flexWrap: 'wrap', gap: 6, alignItems: 'center' },
  input: {
    flex: 1,
    minWidth: 120,
    height: 34,
    paddingHorizontal: 10,
    borderRadius: 17,
    color: colors.text,
    backgroundColor: 'rgba(255,255,255,0.08)',
    borderWidth: 1,
    borderColor: colors.panelBorder,
    fontFamily: fonts.family,
  },
});
