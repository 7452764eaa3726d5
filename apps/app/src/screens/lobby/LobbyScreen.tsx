import type { GameMode, GameRoom, RoomConfigInput } from '@guandan/protocol';
import type { RestClient } from '@guandan/sdk';
import { useCallback, useEffect, useState } from 'react';
import { StyleSheet, Text, useWindowDimensions, View } from 'react-native';
import { useT } from '../../i18n';
import { errorText } from '../../session/error-text';
import { Button } from '../../ui/Button';
import { Page, useShortWindow } from '../../ui/Page';
import { Panel } from '../../ui/Panel';
import { colors, fonts, space } from '../../ui/theme';
import { CustomRoomDialog } from './CustomRoomDialog';
import { FriendsPanel } from './FriendsPanel';
import { JoinByCode } from './JoinByCode';
import { ModeTile } from './ModeTile';
import { OpenRoomsList } from './OpenRoomsList';
import { roomConfigOf, type RoomOptions } from './room-options';
import { usePrepareTable } from '../../table/use-prepare-table';

export interface LobbyScreenProps {
  rest: RestClient;
  onEnterRoom: (room: GameRoom) => void;
}

/** Where games start: quick match, ranked, a custom room, an invite code or an open room; friends beside. */
export function LobbyScreen({ rest, onEnterRoom }: LobbyScreenProps) {
  const t = useT();
  usePrepareTable();
  const { width } = useWindowDimensions();
  // A phone held sideways is short; one held upright is narrow: either way the tiles shrink to one line of heading.
  const compact = useShortWindow() || width < 600;
  const stacked = width < 900;
  const [rating, setRating] = useState<number | null>(null);
  const [rooms, setRooms] = useState<GameRoom[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [customOpen, setCustomOpen] = useState(false);

  const loadRooms = useCallback(() => {
    rest
      .openRooms(1, 20)
      .then(setRooms)
      .catch(() => undefined);
  }, [rest]);

  useEffect(() => {
    rest
      .myRating()
      .then((mine) => setRating(Math.round(mine.rating)))
      .catch(() => undefined);
    loadRooms();
    const timer = setInterval(loadRooms, 10_000);
    return () => clearInterval(timer);
  }, [rest, loadRooms]);

  const enter = async (request: () => Promise<GameRoom>) => {
    setBusy(true);
    setError(null);
    try {
      onEnterRoom(await request());
    } catch (failure) {
      setError(errorText(t, failure));
      setBusy(false);
      loadRooms();
    }
  };

  const create = (mode: GameMode, config: RoomConfigInput = {}) => void enter(() => rest.createRoom(mode, config));
  const createCustom = (options: RoomOptions) => create('custom', roomConfigOf(options));

  return (
    <View style={styles.root} testID="lobby-screen">
      <Page maxWidth={1200} gap={5}>
        <View style={styles.tiles}>
          <ModeTile
            title={t('lobby.quick')}
            subtitle={t('lobby.quickDesc')}
            glyph="⚡"
            accent={colors.gold}
            onPress={() => create('quick_match')}
            disabled={busy}
            testID="lobby-quick"
            compact={compact}
          />
          <ModeTile
            title={t('lobby.ranked')}
            subtitle={t('lobby.rankedDesc', { rating: rating ?? '—' })}
            glyph="♛"
            accent={colors.team1}
            onPress={() => create('ranked')}
            disabled={busy}
            testID="lobby-ranked"
            compact={compact}
          />
          <ModeTile
            title={t('lobby.custom')}
            subtitle={t('lobby.customDesc')}
            glyph="♣"
            accent={colors.team0}
            onPress={() => {
              setError(null);
              setCustomOpen(true);
            }}
            disabled={busy}
            testID="lobby-create"
            compact={compact}
          />
        </View>
        {error !== null && !customOpen && (
          <Text style={styles.error} accessibilityRole="alert" testID="lobby-error">
            {error}
          </Text>
        )}
        <View style={[styles.columns, stacked && styles.columnsStacked]}>
          <View style={styles.main}>
            <Panel title={t('lobby.joinTitle')}>
              <JoinByCode disabled={busy} onJoin={(code) => void enter(() => rest.joinByCode(code))} />
            </Panel>
            <Panel title={t('lobby.openRooms')}>
              <OpenRoomsList rooms={rooms} disabled={busy} onJoin={(room) => void enter(() => rest.joinRoom(room.room_id))} />
              <View style={styles.refresh}>
                <Button label={t('lobby.refresh')} kind="secondary" compact onPress={loadRooms} testID="lobby-refresh" />
              </View>
            </Panel>
          </View>
          <View style={[styles.side, stacked && styles.sideStacked]}>
            <FriendsPanel rest={rest} />
          </View>
        </View>
      </Page>
      {customOpen && <CustomRoomDialog busy={busy} error={error} onCreate={createCustom} onCancel={() => setCustomOpen(false)} />}
    </View>
  );
}

const styles = StyleSheet.create({
  root: { flex: 1 },
  tiles: { flexDirection: 'row', gap: space(4), flexWrap: 'wrap' },
  error: { color: '#ff8a80', fontFamily: fonts.family, fontSize: 14 },
  columns: { flexDirection: 'row', gap: space(4), alignItems: 'flex-start' },
  columnsStacked: { flexDirection: 'column', alignItems: 'stretch' },
  main: { flex: 2, gap: space(4), alignSelf: 'stretch' },
  side: { flex: 1, minWidth: 260, alignSelf: 'stretch' },
  sideStacked: { minWidth: 0 },
  refresh: { alignItems: 'flex-end' },
});
