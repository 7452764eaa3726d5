import type { Seat } from '@guandan/engine';
import type { GameRecord } from '@guandan/protocol';
import { Pressable, StyleSheet, Text, View } from 'react-native';
import { useLang, useT } from '../../i18n';
import { occupantOf, seatIdentity } from '../../table/model/seat-identity';
import { colors, fonts, space } from '../../ui/theme';
import type { PressState } from '../../ui/press-state';

export interface RecordRowProps {
  record: GameRecord;
  myUserId: string;
  index: number;
  onOpen: (gameId: string, seat: Seat | null) => void;
}

/** One past game: when, which mode, won or lost, with whom; a tap opens its replay. */
export function RecordRow({ record, myUserId, index, onOpen }: RecordRowProps) {
  const t = useT();
  const lang = useLang();
  const me = record.players.find((player) => player.user_id === myUserId);
  const outcome = record.winning_team === null ? 'drawn' : me !== undefined && record.winning_team === me.team ? 'won' : 'lost';
  const partner = me === undefined ? undefined : record.players.find((player) => player.team === me.team && player.seat !== me.seat);
  const when = new Date(record.ended_at).toLocaleString(lang, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  const label = `${when} ${t(`mode.${record.game_mode}`)} ${t(`profile.${outcome}`)}`;
  return (
    <Pressable
      accessibilityRole="button"
      accessibilityLabel={`${label} · ${t('profile.replay')}`}
      testID={`profile-record-${index}`}
      onPress={() => onOpen(record.game_id, (me?.seat ?? null) as Seat | null)}
      style={({ hovered }: PressState) => [styles.row, hovered && styles.hovered]}
    >
      <View style={[styles.outcome, styles[outcome]]}>
        <Text style={styles.outcomeText}>{t(`profile.${outcome}`)}</Text>
      </View>
      <View style={styles.main}>
        <Text style={styles.title}>
          {t(`mode.${record.game_mode}`)} · {t('profile.deals', { n: record.deals.length })}
        </Text>
        {partner !== undefined && (
          <Text style={styles.sub} numberOfLines={1}>
            {t('room.partner')}: {seatIdentity(occupantOf(partner), record.room_id, t).name}
          </Text>
        )}
      </View>
      <Text style={styles.when}>{when}</Text>
      <Text style={styles.replay}>▶ {t('profile.replay')}</Text>
    </Pressable>
  );
}

const styles = StyleSheet.create({
  row: { flexDirection: 'row', alignItems: 'center', gap: space(3), paddingVertical: space(2), paddingHorizontal: space(3), borderRadius: 10, backgroundColor: 'rgba(0,0,0,0.18)' },
  hovered: { backgroundColor: 'rgba(232, 195, 90, 0.12)' },
  outcome: { width: 34, height: 34, borderRadius: 17, alignItems: 'center', justifyContent: 'center' },
  won: { backgroundColor: colors.gold },
  lost: { backgroundColor: '#5b6b64' },
  drawn: { backgroundColor: colors.team0 },
  outcomeText: { color: '#1b1300', fontFamily: fonts.family, fontWeight: '800', fontSize: 14 },
  main: { flex: 1, gap: 2 },
  title: { color: colors.text, fontFamily: fonts.family, fontSize: 15 },
  sub: { fontFamily: fonts.family, color: colors.textDim, fontSize: 12 },
  when: { color: colors.textDim, fontFamily: fonts.family, fontSize: 12 },
  replay: { color: colors.gold, fontFamily: fonts.family, fontSize: 13, fontWeight: '700' },
});
