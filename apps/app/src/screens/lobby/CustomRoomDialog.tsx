import { useState } from 'react';
import { ScrollView, StyleSheet, Text, View } from 'react-native';
import { useT } from '../../i18n';
import { Button } from '../../ui/Button';
import { Choice } from '../../ui/Choice';
import { colors, fonts, space } from '../../ui/theme';
import { A_MAX_FAILURES, DEFAULT_ROOM_OPTIONS, PLAY_SECONDS, type RoomOptions } from './room-options';

export interface CustomRoomDialogProps {
  busy: boolean;
  error: string | null;
  onCreate: (options: RoomOptions) => void;
  onCancel: () => void;
}

/** The options of a custom room, over the lobby. */
export function CustomRoomDialog({ busy, error, onCreate, onCancel }: CustomRoomDialogProps) {
  const t = useT();
  const [options, setOptions] = useState<RoomOptions>(DEFAULT_ROOM_OPTIONS);
  const set = <K extends keyof RoomOptions>(key: K) => (value: RoomOptions[K]) => setOptions((current) => ({ ...current, [key]: value }));

  return (
    <View style={styles.backdrop} accessibilityViewIsModal>
      <View style={styles.dialog} testID="custom-room-dialog">
        <Text style={styles.title} accessibilityRole="header">
          {t('custom.title')}
        </Text>
        <ScrollView style={styles.body} contentContainerStyle={styles.bodyContent}>
          <Choice
            label={t('custom.length')}
            value={options.matchLength}
            onChange={set('matchLength')}
            testID="custom-length"
            options={[
              { value: 1, label: t('custom.deals', { n: 1 }) },
              { value: 3, label: t('custom.deals', { n: 3 }) },
              { value: 5, label: t('custom.deals', { n: 5 }) },
              { value: 'A', label: t('custom.lengthA') },
            ]}
          />
          <Choice
            label={t('custom.baseBet')}
            value={options.baseBet}
            onChange={set('baseBet')}
            testID="custom-bet"
            options={[0, 10, 50, 100].map((bet) => ({ value: bet as RoomOptions['baseBet'], label: String(bet) }))}
          />
          <Choice
            label={t('custom.botLevel')}
            value={options.botLevel}
            onChange={set('botLevel')}
            testID="custom-bot"
            options={[
              { value: 'easy', label: t('bot.easy') },
              { value: 'normal', label: t('bot.normal') },
              { value: 'hard', label: t('bot.hard') },
              { value: 'random', label: t('bot.random') },
            ]}
          />
          <Choice
            label={t('custom.aWin')}
            value={options.aWinRequires}
            onChange={set('aWinRequires')}
            options={[
              { value: 'first-and-second-or-third', label: t('custom.aWinLoose') },
              { value: 'first-and-second', label: t('custom.aWinStrict') },
            ]}
          />
          <Choice
            label={t('custom.aFailures')}
            value={options.aMaxFailures}
            onChange={set('aMaxFailures')}
            options={A_MAX_FAILURES.map((times) => ({ value: times, label: times === 'none' ? t('custom.unlimited') : t('custom.times', { n: times }) }))}
          />
          <Choice
            label={t('custom.maxBomb')}
            value={options.maxBombSize}
            onChange={set('maxBombSize')}
            options={[
              { value: 10, label: t('custom.cards', { n: 10 }) },
              { value: 8, label: t('custom.cards', { n: 8 }) },
            ]}
          />
          <Choice
            label={t('custom.jokerPair')}
            value={options.fullHouseJokerPair}
            onChange={set('fullHouseJokerPair')}
            options={[
              { value: true, label: t('custom.allowed') },
              { value: false, label: t('custom.notAllowed') },
            ]}
          />
          <Choice
            label={t('custom.returnCap')}
            value={options.returnCap}
            onChange={set('returnCap')}
            options={[
              { value: 10, label: t('custom.returnTen') },
              { value: 'any', label: t('custom.returnAny') },
            ]}
          />
          <Choice
            label={t('custom.equalTribute')}
            value={options.equalDoubleTribute}
            onChange={set('equalDoubleTribute')}
            options={[
              { value: 'next-player', label: t('custom.nextPlayer') },
              { value: 'random', label: t('custom.randomly') },
            ]}
          />
          <Choice
            label={t('custom.playTimer')}
            value={options.playSeconds}
            onChange={set('playSeconds')}
            options={PLAY_SECONDS.map((seconds) => ({ value: seconds, label: t('custom.seconds', { n: seconds }) }))}
          />
        </ScrollView>
        {error !== null && (
          <Text style={styles.error} accessibilityRole="alert">
            {error}
          </Text>
        )}
        <View style={styles.actions}>
          <Button label={t('common.cancel')} kind="secondary" onPress={onCancel} testID="custom-cancel" compact />
          <Button label={t('custom.create')} onPress={() => onCreate(options)} disabled={busy} testID="custom-create" compact />
        </View>
      </View>
    </View>
  );
}

const styles = StyleSheet.create({
  backdrop: {
    ...StyleSheet.absoluteFill,
    backgroundColor: 'rgba(0, 0, 0, 0.6)',
    alignItems: 'center',
    justifyContent: 'center',
    padding: space(3),
    zIndex: 10,
  },
  dialog: {
    width: '100%',
    maxWidth: 640,
    maxHeight: '100%',
    backgroundColor: '#0d3527',
    borderColor: colors.goldDark,
    borderWidth: 1,
    borderRadius: 18,
    padding: space(4),
    gap: space(3),
  },
  title: { color: colors.gold, fontFamily: fonts.family, fontSize: 20, fontWeight: '700' },
  body: { flexShrink: 1 },
  bodyContent: { gap: space(2.5) },
  error: { color: '#ff8a80', fontFamily: fonts.family, fontSize: 14 },
  actions: { flexDirection: 'row', justifyContent: 'flex-end', gap: space(3) },
});
