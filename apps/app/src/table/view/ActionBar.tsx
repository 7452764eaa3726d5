import type { Phase, Play } from '@guandan/engine';
import { StyleSheet, Text, View } from 'react-native';
import { useT } from '../../i18n';
import { Button } from '../../ui/Button';
import { colors, fonts } from '../../ui/theme';
import type { Judgement } from '../model/judge';
import { playWords, readingWords } from './play-words';
import type { Point } from './table-layout';

export interface ActionBarProps {
  anchor: Point;
  width: number;
  /** The screen's width (the compact bar spans it). */
  fullWidth: number;
  myTurn: boolean;
  phase: Phase | null;
  canPass: boolean;
  judgement: Judgement;
  compact: boolean;
  onPlay: () => void;
  onPass: () => void;
  onHint: () => void;
  onReading: (reading: Play) => void;
}

/** Play / pass / hint, with what the selection would do: why it cannot be played, or which reading to play. */
export function ActionBar({ anchor, width, fullWidth, myTurn, phase, canPass, judgement, compact, onPlay, onPass, onHint, onReading }: ActionBarProps) {
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
        <Text testID="table-selection-reason" accessibilityRole="alert" style={styles.reason}>
          {reason}
        </Text>
      )}
      {myTurn && (
        <View testID="table-turn-me" style={styles.turn}>
          <Text style={styles.turnText}>{prompt}</Text>
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
  const top = anchor.y - (compact ? 17 : 21);
  // On a short screen there is no room above the buttons: the notes go beside them, the chooser on the other side.
  if (compact) {
    return (
      <View style={[styles.row, { left: 0, top, width: fullWidth }]} pointerEvents="box-none">
        <View style={styles.leftSide} pointerEvents="box-none">
          {chooser}
        </View>
        {buttons}
        <View style={styles.rightSide} pointerEvents="box-none">
          {notes}
        </View>
      </View>
    );
  }
  return (
    <View style={[styles.bar, { left: anchor.x - width / 2, top, width }]} pointerEvents="box-none">
      <View style={styles.notes} pointerEvents="box-none">
        {chooser}
        {notes}
      </View>
      {buttons}
    </View>
  );
}

const styles = StyleSheet.create({
  bar: { position: 'absolute', alignItems: 'center' },
  notes: { position: 'absolute', bottom: '100%', marginBottom: 8, alignItems: 'center', width: '100%', gap: 6 },
  row: { position: 'absolute', flexDirection: 'row', alignItems: 'center', gap: 10 },
  leftSide: { flex: 1, alignItems: 'flex-end', paddingLeft: 130 },
  rightSide: { flex: 1, alignItems: 'flex-start', gap: 4 },
  buttons: { flexDirection: 'row', gap: 12, justifyContent: 'center' },
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
  turnText: { color: '#2a1d00', fontWeight: '700', fontSize: 13, fontFamily: fonts.family },
});
