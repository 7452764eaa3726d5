import { SEATS } from '@guandan/engine';
import type { GameRoom, User } from '@guandan/protocol';
import type { RealtimeClient, RestClient } from '@guandan/sdk';
import { useEffect, useState } from 'react';
import { ScrollView, StyleSheet, Text, useWindowDimensions, View } from 'react-native';
import { useT } from '../../i18n';
import { errorText } from '../../session/error-text';
import { Button } from '../../ui/Button';
import { FeltBackground } from '../../ui/FeltBackground';
import { useShortWindow } from '../../ui/Page';
import { Panel } from '../../ui/Panel';
import { colors, fonts, space } from '../../ui/theme';
import { seatRelation } from '../../table/model/seat-identity';
import { BotFillCountdown } from './BotFillCountdown';
import { InviteCode } from './InviteCode';
import { MatchingPulse } from './MatchingPulse';
import { SeatPlate } from './SeatPlate';
import { useRoomUpdates } from './useRoomUpdates';
import { usePrepareTable } from '../../table/use-prepare-table';

export interface RoomScreenProps {
  rest: RestClient;
  realtime: RealtimeClient;
  me: User;
  room: GameRoom;
  onStarted: (room: GameRoom) => void;
  onLeft: () => void;
}

/** Where each seat sits around the table, counted from mine: me at the bottom, then right, partner on top, left. */
const PLACES = ['bottom', 'right', 'top', 'left'] as const;

function isEmpty(room: GameRoom, seat: number): boolean {
  const player = room.players.find((candidate) => candidate.seat === seat);
  return player === undefined || (player.user_id === null && !player.is_bot);
}

/** Before the deal: the four seats filling up, the invite code, ready and bots; matchmaking shows "matching…". */
export function RoomScreen({ rest, realtime, me, room: initial, onStarted, onLeft }: RoomScreenProps) {
  const t = useT();
  usePrepareTable();
  const { width, height } = useWindowDimensions();
  const compact = useShortWindow();
  const { room, started, setRoom } = useRoomUpdates(rest, realtime, initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (started) onStarted(room);
  }, [started, room, onStarted]);

  const mine = room.players.find((player) => player.user_id === me.user_id);
  const mySeat = mine?.seat ?? 0;
  const matchmade = room.game_mode !== 'custom';
  const isHost = room.creator_id === me.user_id;
  const openSeats = SEATS.filter((seat) => isEmpty(room, seat));

  const act = async (request: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await request();
    } catch (failure) {
      setError(errorText(t, failure));
    } finally {
      setBusy(false);
    }
  };

  const toggleReady = () => act(async () => setRoom(await rest.ready(room.room_id, !(mine?.ready ?? false))));

  const fillBots = () =>
    act(async () => {
      for (const seat of openSeats) setRoom(await rest.setSeatBot(room.room_id, seat, room.room_config.bot_level));
    });

  const leave = () =>
    act(async () => {
      await rest.leaveRoom(room.room_id);
      realtime.forgetTable();
      onLeft();
    });

  const tableWidth = compact ? Math.min(500, width * 0.58) : 640;
  const tableHeight = compact ? Math.min(360, height - 24) : 440;
  const length = room.room_config.match_length === 'A' ? t('custom.lengthA') : t('custom.deals', { n: room.room_config.match_length });

  return (
    <FeltBackground testID="room-screen">
      <ScrollView contentContainerStyle={[styles.layout, compact && styles.layoutCompact]}>
        <View style={[styles.table, { width: tableWidth, height: tableHeight }]}>
          <View style={styles.oval} />
          <View style={styles.centre}>
            {matchmade ? (
              <>
                <MatchingPulse title={t('room.matching')} hint={t('room.matchingHint')} />
                {room.bot_fill_at != null && <BotFillCountdown at={Date.parse(room.bot_fill_at)} />}
              </>
            ) : room.invite_code !== null ? (
              <InviteCode code={room.invite_code} compact={compact} />
            ) : null}
          </View>
          {SEATS.map((seat) => {
            const place = PLACES[(seat - mySeat + 4) % 4];
            return (
              <View key={seat} style={[styles.seat, styles[place]]}>
                <SeatPlate
                  seat={seat}
                  player={room.players.find((player) => player.seat === seat)}
                  isMe={seat === mySeat && mine !== undefined}
                  relation={seatRelation(mySeat, seat)}
                  roomId={room.room_id}
                  isHost={!matchmade && room.players.some((player) => player.seat === seat && player.user_id === room.creator_id && player.user_id !== null)}
                  showReady={!matchmade}
                  vertical={place === 'left' || place === 'right'}
                />
              </View>
            );
          })}
        </View>
        <Panel style={[styles.side, compact && styles.sideCompact]} title={t(`mode.${room.game_mode}`)}>
          <Text style={styles.info}>
            {[length, t('room.baseBet', { n: room.room_config.base_bet }), t('room.botLevel', { level: t(`bot.${room.room_config.bot_level}`) })].join(' · ')}
          </Text>
          {!matchmade && <Text style={styles.hint}>{t('room.startsWhen')}</Text>}
          {error !== null && (
            <Text style={styles.error} accessibilityRole="alert">
              {error}
            </Text>
          )}
          <View style={styles.actions}>
            {!matchmade && (
              <Button
                label={mine?.ready ? t('room.unready') : t('room.ready')}
                kind={mine?.ready ? 'secondary' : 'primary'}
                onPress={() => void toggleReady()}
                disabled={busy}
                testID="room-ready"
                compact={compact}
              />
            )}
            {!matchmade && (
              <Button
                label={t('room.fillBots')}
                kind="secondary"
                onPress={() => void fillBots()}
                disabled={busy || !isHost || openSeats.length === 0}
                testID="room-fill-bots"
                compact={compact}
              />
            )}
            <Button label={t('room.leave')} kind="danger" onPress={() => void leave()} disabled={busy} testID="room-leave" compact={compact} />
          </View>
        </Panel>
      </ScrollView>
    </FeltBackground>
  );
}

const styles = StyleSheet.create({
  layout: { flexGrow: 1, flexDirection: 'row', alignItems: 'center', alignContent: 'center', justifyContent: 'center', gap: space(8), padding: space(6), flexWrap: 'wrap' },
  layoutCompact: { gap: space(3), padding: space(3), flexWrap: 'nowrap' },
  table: { position: 'relative', alignItems: 'center', justifyContent: 'center' },
  oval: {
    position: 'absolute',
    left: '10%',
    right: '10%',
    top: '14%',
    bottom: '14%',
    borderRadius: 9999,
    backgroundColor: colors.felt,
    borderWidth: 6,
    borderColor: '#5a3a1a',
    shadowColor: '#000',
    shadowOpacity: 0.6,
    shadowRadius: 24,
  },
  centre: { alignItems: 'center', paddingHorizontal: space(6) },
  seat: { position: 'absolute' },
  bottom: { bottom: 0, alignSelf: 'center' },
  top: { top: 0, alignSelf: 'center' },
  left: { left: 0 },
  right: { right: 0 },
  side: { width: 300, gap: space(3) },
  sideCompact: { width: 250, gap: space(2), padding: space(3) },
  info: { color: colors.text, fontFamily: fonts.family, fontSize: 14 },
  hint: { color: colors.textDim, fontFamily: fonts.family, fontSize: 13 },
  error: { color: '#ff8a80', fontFamily: fonts.family, fontSize: 14 },
  actions: { gap: space(2) },
});
