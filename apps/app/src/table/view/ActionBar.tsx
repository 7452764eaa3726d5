import type { Phase, Play } from '@guandan/engine';
import { StyleSheet, Text, View } from 'react-native';
import { useT } from '../../i18n';
import { Button } from '../../ui/Button';
import { colors, fonts } from '../../ui/theme';
import type { Judgement } from '../model/judge';
import { playWords, readingWords } from './play-words';
import type { Rect } from './table-layout';

export interface ActionBarProps {
  /** Where the buttons go (centred in it). */
  box: Rect;
  /** Where the notes go: your turn, why the selection cannot be played, the reading chooser. */
  notesBox: Rect;
  myTurn: boolean;
  phase: Phase | null;
  canPass: boolean;
  judgement: Judgement;
  compact: boolean;
  onPlay: () => void;
  onPass: () => void;
  onHint: () => void;
  onReading: (reading: Play) => void;
  /** Said with 轮到你了 (on a phone, instead of it) while a timeout stands: what running out again does (再超时将托管). */
  turnWarning?: string | null;
}

/** Play / pass / hint, with what the selection would do: why it cannot be played, or which reading to play. */
export function ActionBar({ box, notesBox, myTurn, phase, canPass, judgement, compact, onPlay, onPass, onHint, onReading, turnWarning = null }: ActionBarProps) {
  const t = useT();
  const exchanging = phase === 'tribute' || phase === 'return';
  const primaryLabel = phase === 'tribute' ? t('tribute') : phase === 'return' ? t('returnTribute') : t('play');
  const playable = judgement.kind === 'play' || judgement.kind === 'tribute' || judgement.kind === 'return';
  const readings = judgement.kind === 'play' && judgement.readings.length > 1 ? judgement.readings : [];
  const reason =
    judgement.kind === 'invalid'
      ? judgement.reason === 'doesNotBeat' && judgement.against
        ? t('reason.doesNotBeat', { play: playWords(judgement.against, t) })
        : t(`reason.${judgement.reason}`)
      : null;
  const prompt = phase === 'tribute' ? t('yourTribute') : phase === 'return' ? t('yourReturn') : t('yourTurn');
  const chooser = readings.length > 0 && (
    <View style={styles.chooser}>
      <Text style={styles.chooserTitle}>{t('chooseReading')}</Text>
      {readings.map((reading, index) => (
        <Button
          key={`${reading.type}-${reading.rank}`}
          compact
          kind="secondary"
          label={readingWords(reading, t)}
          testID={`reading-option-${index}`}
          onPress={() => onReading(reading)}
        />
      ))}
    </View>
  );
  const notes = (
    <>
      {reason !== null && (
        <Text testID="table-selection-reason" accessibilityRole="alert" numberOfLines={2} style={[styles.reason, compact && styles.small]}>
          {reason}
        </Text>
      )}
      {myTurn && (
        <View testID="table-turn-me" style={[styles.turn, turnWarning !== null && styles.turnWarned]}>
          <Text style={[styles.turnText, turnWarning !== null && styles.turnTextWarned]}>{turnWarning === null ? prompt : compact ? turnWarning : `${prompt} · ${turnWarning}`}</Text>
        </View>
      )}
    </>
  );
  const buttons = (
    <View style={styles.buttons} pointerEvents="box-none">
      {!exchanging && <Button compact={compact} kind="secondary" label={t('pass')} testID="table-pass" disabled={!myTurn || !canPass} onPress={onPass} />}
      <Button compact={compact} kind="secondary" label={t('hint')} testID="table-hint" disabled={!myTurn} onPress={onHint} />
      <Button compact={compact} label={primaryLabel} testID="table-play" disabled={!myTurn || !playable} onPress={onPlay} />
    </View>
  );
  // The layout gives the buttons and the notes boxes of their own, so neither covers a card, a seat or the other.
  return (
    <>
      <View testID="table-actions" style={[styles.box, { left: box.x, top: box.y, width: box.width, height: box.height }]} pointerEvents="box-none">
        {buttons}
      </View>
      <View
        testID="table-notes"
        style={[styles.notes, { left: notesBox.x, top: notesBox.y, width: notesBox.width, height: notesBox.height }]}
        pointerEvents="box-none"
      >
        {chooser}
        {notes}
      </View>
    </>
  );
}

const styles = StyleSheet.create({
  box: { position: 'absolute', alignItems: 'center', justifyContent: 'center' },
  notes: { position: 'absolute', flexDirection: 'row', flexWrap: 'wrap', alignItems: 'center', alignContent: 'center', gap: 4 },
  buttons: { flexDirection: 'row', gap: 10, justifyContent: 'center' },
  chooser: {
    flexDirection: 'row',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'center',
    gap: 8,
    backgroundColor: 'rgba(4,28,20,0.88)',
    borderColor: colors.gold,
    borderWidth: 1,
    borderRadius: 14,
    paddingHorizontal: 12,
    paddingVertical: 6,
  },
  chooserTitle: { color: colors.gold, fontSize: 13, fontFamily: fonts.family },
  reason: {
    color: '#ffe1dc',
    backgroundColor: 'rgba(150,30,24,0.85)',
    paddingHorizontal: 12,
    paddingVertical: 4,
    borderRadius: 12,
    fontSize: 13,
    overflow: 'hidden',
    fontFamily: fonts.family,
  },
  turn: { backgroundColor: 'rgba(232,195,90,0.95)', paddingHorizontal: 14, paddingVertical: 4, borderRadius: 12 },
  small: { fontSize: 12, paddingHorizontal: 8 },
  turnText: { color: '#2a1d00', fontWeight: '700', fontSize: 13, fontFamily: fonts.family },
  turnWarned: { backgroundColor: '#c4201a' },
  turnTextWarned: { color: '#fff' },
});
