import type { GameRoom } from '@guandan/protocol';
import { Pressable, StyleSheet, Text, View } from 'react-native';
import { useT } from '../../i18n';
import { colors, fonts, space } from '../../ui/theme';
import type { PressState } from '../../ui/press-state';

export interface OpenRoomsListProps {
  rooms: GameRoom[];
  onJoin: (room: GameRoom) => void;
  disabled: boolean;
}

/** Custom rooms waiting for players; a tap joins. */
export function OpenRoomsList({ rooms, onJoin, disabled }: OpenRoomsListProps) {
  const t = useT();
  if (rooms.length === 0) return <Text style={styles.empty}>{t('lobby.noRooms')}</Text>;
  return (
    <View style={styles.list}>
      {rooms.map((room) => {
        const host = room.players.find((player) => player.user_id === room.creator_id) ?? room.players.find((player) => !player.is_bot);
        const seated = room.players.filter((player) => player.user_id !== null || player.is_bot).length;
        const title = t('lobby.roomOf', { name: host?.username ?? '?' });
        return (
          <Pressable
            key={room.room_id}
            accessibilityRole="button"
            accessibilityLabel={`${t('lobby.join')} ${title}`}
            disabled={disabled}
            onPress={() => onJoin(room)}
            testID={`open-room-${room.room_id}`}
            style={({ hovered }: PressState) => [styles.row, hovered && styles.rowHovered]}
          >
            <Text style={styles.name} numberOfLines={1}>
              {title}
            </Text>
            <Text style={styles.info}>{t('lobby.roomInfo', { seats: seated, bet: room.room_config.base_bet })}</Text>
            <Text style={styles.join}>{t('lobby.join')} ›</Text>
          </Pressable>
        );
      })}
    </View>
  );
}

const styles = StyleSheet.create({
  list: { gap: space(1.5) },
  empty: { color: colors.textDim, fontFamily: fonts.family, fontSize: 14, paddingVertical: space(2) },
  row: {
    flexDirection: 'row',
    alignItems: 'center',
    gap: space(3),
    paddingVertical: space(2),
    paddingHorizontal: space(3),
    borderRadius: 10,
    backgroundColor: 'rgba(0, 0, 0, 0.2)',
  },
  rowHovered: { backgroundColor: 'rgba(232, 195, 90, 0.12)' },
  name: { fontFamily: fonts.family, flex: 1, color: colors.text, fontSize: 15 },
  info: { color: colors.textDim, fontFamily: fonts.family, fontSize: 13 },
  join: { color: colors.gold, fontFamily: fonts.family, fontSize: 14, fontWeight: '700' },
});
