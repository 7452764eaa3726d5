import type { RoomPlayer } from '@guandan/protocol';
import { StyleSheet, Text, View } from 'react-native';
import { useT } from '../../i18n';
import { colors, fonts, space } from '../../ui/theme';
import { occupantOf, relationKey, type SeatRelation, seatIdentity } from '../../table/model/seat-identity';

export interface SeatPlateProps {
  seat: number;
  player: RoomPlayer | undefined;
  isMe: boolean;
  isHost: boolean;
  /** The seat from mine (对家 / 上家 / 下家), as the table will show it. */
  relation: SeatRelation;
  /** Bots' names and avatars are stable per seat of a room: the same ones sit at the table. */
  roomId: string;
  /** Matchmade rooms have no ready step: everyone seated is ready. */
  showReady: boolean;
  /** Side seats stack avatar over name to leave the middle of the table free. */
  vertical: boolean;
}

/** One seat of the waiting room: who sits there (person or bot) and whether they are ready. */
export function SeatPlate({ seat, player, isMe, isHost, relation, roomId, showReady, vertical }: SeatPlateProps) {
  const t = useT();
  const taken = player !== undefined && (player.user_id !== null || player.is_bot);
  const teamColor = seat % 2 === 0 ? colors.team0 : colors.team1;
  const identity = taken ? seatIdentity(occupantOf(player), roomId, t) : null;
  const name = identity?.name ?? t('room.empty');
  const tags: string[] = [];
  if (isMe) tags.push(t('room.you'));
  else tags.push(t(relationKey(relation)));
  if (taken && player.is_bot) tags.push(`${t('room.bot')} · ${t(`bot.${player.bot_level ?? 'normal'}`)}`);
  if (isHost) tags.push(t('room.host'));
  const ready = taken && (player.is_bot || player.ready);
  return (
    <View
      testID={`room-seat-${seat}`}
      accessibilityLabel={`${name}${taken && showReady ? `, ${ready ? t('room.isReady') : t('room.notReady')}` : ''}`}
      style={[styles.plate, vertical && styles.vertical, { borderColor: taken ? teamColor : 'rgba(255,255,255,0.18)' }, !taken && styles.open, isMe && styles.me]}
    >
      <View style={[styles.avatar, { backgroundColor: identity?.colour ?? 'rgba(255,255,255,0.08)', borderColor: taken ? teamColor : 'transparent' }]}>
        <Text style={styles.avatarText}>{identity?.glyph ?? '+'}</Text>
      </View>
      <View style={[styles.text, vertical && styles.textVertical]}>
        <Text style={[styles.name, !taken && styles.openName, vertical && styles.centred]} numberOfLines={1}>
          {name}
        </Text>
        <View style={[styles.tags, vertical && styles.tagsVertical]}>
          {tags.map((tag) => (
            <Text key={tag} style={styles.tag}>
              {tag}
            </Text>
          ))}
          {taken && showReady && <Text style={[styles.state, ready && styles.ready]}>{ready ? `✓ ${t('room.isReady')}` : t('room.notReady')}</Text>}
        </View>
      </View>
    </View>
  );
}

const styles = StyleSheet.create({
  plate: {
    flexDirection: 'row',
    alignItems: 'center',
    gap: space(2),
    width: 190,
    paddingVertical: space(2),
    paddingHorizontal: space(2.5),
    borderRadius: 14,
    borderWidth: 1.5,
    backgroundColor: 'rgba(4, 26, 19, 0.88)',
  },
  vertical: { flexDirection: 'column', width: 128, paddingVertical: space(2.5), gap: space(1.5) },
  textVertical: { flex: 0, alignSelf: 'stretch', alignItems: 'center' },
  centred: { textAlign: 'center' },
  tagsVertical: { justifyContent: 'center' },
  open: { borderStyle: 'dashed', backgroundColor: 'rgba(4, 26, 19, 0.5)' },
  me: { shadowColor: colors.gold, shadowOpacity: 0.5, shadowRadius: 10 },
  avatar: { width: 36, height: 36, borderRadius: 18, borderWidth: 2, alignItems: 'center', justifyContent: 'center' },
  avatarText: { fontFamily: fonts.family, color: '#fff', fontSize: 16, fontWeight: '700' },
  text: { flex: 1, gap: 2 },
  name: { fontFamily: fonts.family, color: colors.text, fontSize: 15, fontWeight: '600' },
  openName: { color: colors.textDim, fontFamily: fonts.family, fontWeight: '400' },
  tags: { flexDirection: 'row', gap: space(1.5), flexWrap: 'wrap' },
  tag: { color: colors.gold, fontFamily: fonts.family, fontSize: 11 },
  state: { color: colors.textDim, fontFamily: fonts.family, fontSize: 11 },
  ready: { color: '#7ee08a' },
});
