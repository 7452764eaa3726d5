import { REPORT_CATEGORIES, type ReportCategory } from '@guandan/protocol';
import type { RestClient } from '@guandan/sdk';
import { useState } from 'react';
import { StyleSheet, Text, TextInput, View } from 'react-native';
import { useT } from '../i18n';
import { errorText } from '../session/error-text';
import { Button } from '../ui/Button';
import { Choice } from '../ui/Choice';
import { dialogStyles } from '../ui/dialog-styles';
import { colors, fonts } from '../ui/theme';

/** A person one may report: another player of the game (bots are not reported). */
export interface Reportable {
  userId: string;
  name: string;
}

/** The people at a table one may report: everyone but oneself and the bots. */
export function reportable(players: readonly { seat: number; userId: string | null; username: string; isBot: boolean }[], me: number | null): Reportable[] {
  return players.filter((player) => !player.isBot && player.userId !== null && player.seat !== me).map((player) => ({ userId: player.userId as string, name: player.username }));
}

export interface ReportDialogProps {
  rest: RestClient;
  candidates: readonly Reportable[];
  gameId: string;
  /** The replay step the report points at; null at the table. */
  position: number | null;
  onClose: () => void;
}

const NOTE_MAX = 500;

/**
 * Reports a player to the moderators: who, why, an optional note. The server attaches the game and its chat, so the
 * player need not copy anything; what was sent is confirmed before the dialog closes.
 */
export function ReportDialog({ rest, candidates, gameId, position, onClose }: ReportDialogProps) {
  const t = useT();
  const [who, setWho] = useState(candidates[0]?.userId ?? '');
  const [category, setCategory] = useState<ReportCategory>('cheating');
  const [note, setNote] = useState('');
  const [state, setState] = useState<{ kind: 'editing' | 'sending' | 'sent' } | { kind: 'failed'; message: string }>({ kind: 'editing' });
  const send = () => {
    setState({ kind: 'sending' });
    rest
      .report({ user_id: who, category, note: note.trim(), game_id: gameId, position })
      .then(() => setState({ kind: 'sent' }))
      .catch((error: unknown) => setState({ kind: 'failed', message: errorText(t, error) }));
  };
  return (
    <View style={styles.backdrop} testID="report-dialog" accessibilityViewIsModal>
      <View style={styles.dialog}>
        <Text style={styles.title} accessibilityRole="header">
          {t('report.title')}
        </Text>
        {candidates.length === 0 ? (
          <Text style={styles.line}>{t('report.nobody')}</Text>
        ) : state.kind === 'sent' ? (
          <Text style={styles.line} testID="report-sent" accessibilityRole="alert">
            {t('report.sent')}
          </Text>
        ) : (
          <>
            <Choice label={t('report.who')} options={candidates.map((candidate) => ({ value: candidate.userId, label: candidate.name }))} value={who} onChange={setWho} testID="report-who" />
            <Choice label={t('report.category')} options={REPORT_CATEGORIES.map((value) => ({ value, label: t(`report.${value}`) }))} value={category} onChange={setCategory} testID="report-category" />
            <TextInput
              testID="report-note"
              accessibilityLabel={t('report.note')}
              placeholder={t('report.note')}
              placeholderTextColor={colors.textDim}
              value={note}
              onChangeText={setNote}
              maxLength={NOTE_MAX}
              multiline
              style={styles.note}
            />
            {state.kind === 'failed' && (
              <Text style={styles.error} accessibilityRole="alert" testID="report-error">
                {state.message}
              </Text>
            )}
          </>
        )}
        <View style={styles.actions}>
          <Button label={state.kind === 'sent' || candidates.length === 0 ? t('close') : t('report.cancel')} kind="secondary" onPress={onClose} testID="report-close" />
          {candidates.length > 0 && state.kind !== 'sent' && <Button label={t('report.send')} kind="danger" disabled={state.kind === 'sending' || who === ''} onPress={send} testID="report-send" />}
        </View>
      </View>
    </View>
  );
}

/** Above the chat panel it is opened from. */
const styles = StyleSheet.create({
  ...dialogStyles,
  backdrop: { ...dialogStyles.backdrop, zIndex: 45 },
  dialog: { ...dialogStyles.dialog, maxWidth: 440 },
  note: { minHeight: 64, color: colors.text, fontSize: 14, fontFamily: fonts.family, borderWidth: 1, borderColor: 'rgba(232,195,90,0.5)', borderRadius: 10, padding: 8 },
  error: { color: '#ff8a80', fontFamily: fonts.family, fontSize: 14 },
});
