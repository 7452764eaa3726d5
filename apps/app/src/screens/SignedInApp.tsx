import type { DealResult } from '@guandan/engine';
import type { GameEndedPayload, GameRoom, TablePlayer, User } from '@guandan/protocol';
import type { RealtimeClient, RestClient } from '@guandan/sdk';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { StyleSheet, View } from 'react-native';
import type { Lang } from '../i18n';
import { ReplayScreen } from '../replay/ReplayScreen';
import type { PurchaseReturn } from '../shop/purchase-return';
import { TableScreen } from '../table/TableScreen';
import { TableStage } from '../table/TableStage';
import { FeltBackground } from '../ui/FeltBackground';
import type { ChainState } from '../wallet/useChainInfo';
import type { WalletKind } from '../wallet/wallet-kind';
import { DaoScreen } from './dao/DaoScreen';
import { LimitsScreen } from './limits/LimitsScreen';
import { LobbyScreen } from './lobby/LobbyScreen';
import type { Standing, TabName } from './navigation';
import { ProfileScreen } from './profile/ProfileScreen';
import { RankingScreen } from './ranking/RankingScreen';
import { ResultScreen } from './result/ResultScreen';
import { RoomScreen } from './room/RoomScreen';
import { ShopScreen } from './shop/ShopScreen';
import { Splash } from './Splash';
import { TopBar } from './TopBar';
import { useScreenStack } from './useScreenStack';
import { RewardToast } from './wallet/RewardToast';
import { WalletScreen } from './wallet/WalletScreen';

export interface SignedInAppProps {
  rest: RestClient;
  realtime: RealtimeClient;
  user: User;
  /** The platform's chain, asked once at start (App), for the wallet and DAO pages. */
  chain: ChainState;
  /** The wallets this device can use. */
  wallets: readonly WalletKind[];
  /** Set when the app was opened by the payment page sending the player back: the shop opens first, to say how it went. */
  purchaseReturn: PurchaseReturn | null;
  onReloadChain: () => void;
  onRefreshUser: () => Promise<void>;
  onLangChange: (lang: Lang) => void;
  onLogout: () => void;
}

/** Everything after signing in: lobby ↔ rankings ↔ profile ↔ wallet ↔ DAO ↔ shop (→ spending limits), room → table → results → lobby, replays on top. */
export function SignedInApp({ rest, realtime, user, chain, wallets, purchaseReturn, onReloadChain, onRefreshUser, onLangChange, onLogout }: SignedInAppProps) {
  const stack = useScreenStack(purchaseReturn === null ? { name: 'lobby' } : { name: 'shop', returned: purchaseReturn });
  const { screen, reset, replace, push, back } = stack;
  const [entering, setEntering] = useState(true);
  const standing = useRef<{ roomId: string; before: Standing | null } | null>(null);
  const refreshUser = useCallback(() => void onRefreshUser().catch(() => undefined), [onRefreshUser]);

  const enterRoom = useCallback(
    (room: GameRoom) => {
      realtime.forgetTable();
      if (room.status === 'playing') reset({ name: 'table', roomId: room.room_id, gameMode: room.game_mode });
      else reset({ name: 'room', room });
    },
    [realtime, reset],
  );

  // Bought coins come whenever the provider confirms the payment, on whatever page is open: the top bar shows them.
  useEffect(() => realtime.on('PURCHASE_COMPLETED', () => refreshUser()), [realtime, refreshUser]);

  // A reload (or a second device) lands where the player is: back at their table, or in their waiting room.
  useEffect(() => {
    rest
      .currentRoom()
      .then((room) => {
        if (room !== null && room.status !== 'finished') enterRoom(room);
      })
      .catch(() => undefined)
      .finally(() => setEntering(false));
  }, [rest, enterRoom]);

  // What the player has as the table opens, to show on the results what the game changed.
  const tableRoomId = screen.name === 'table' ? screen.roomId : null;
  useEffect(() => {
    if (tableRoomId === null || standing.current?.roomId === tableRoomId) return;
    const entry: { roomId: string; before: Standing | null } = { roomId: tableRoomId, before: null };
    standing.current = entry;
    void Promise.all([rest.me(), rest.myRating().catch(() => null), rest.room(tableRoomId)])
      .then(([me, rating, room]) => {
        entry.before = { coins: me.game_coin_balance, rating: rating?.rating ?? null, baseBet: room.room_config.base_bet };
      })
      .catch(() => undefined);
  }, [rest, tableRoomId]);

  const toLobby = useCallback(() => {
    realtime.forgetTable();
    reset({ name: 'lobby' });
    refreshUser();
  }, [realtime, reset, refreshUser]);

  const gameEnded = useCallback(
    (ended: GameEndedPayload, lastDeal: DealResult | null, players: TablePlayer[]) => {
      const mySeat = players.find((player) => player.userId === user.user_id)?.seat ?? null;
      const gameMode = screen.name === 'table' ? screen.gameMode : 'custom';
      const before = standing.current?.roomId === ended.roomId ? standing.current.before : null;
      reset({ name: 'result', result: { ended, lastDeal, players, mySeat, gameMode, before } });
      refreshUser();
    },
    [user.user_id, screen, reset, refreshUser],
  );

  const openReplay = useCallback((gameId: string, seat: TablePlayer['seat'] | null) => push({ name: 'replay', gameId, seat }), [push]);
  // The limits take the shop's place and give it back fresh: a stale "coins arrived" banner does not come back with it.
  const openLimits = useCallback(() => replace({ name: 'limits' }), [replace]);
  const backToShop = useCallback(() => replace({ name: 'shop' }), [replace]);
  const startTable = useCallback((room: GameRoom) => replace({ name: 'table', roomId: room.room_id, gameMode: room.game_mode }), [replace]);

  if (entering) return <Splash />;

  let page: ReactNode;
  switch (screen.name) {
    // A room and its table share one stage (its canvas), kept as the room's seats fill and its game begins.
    case 'room':
      return (
        <TableStage key={screen.room.room_id}>
          <RoomScreen rest={rest} realtime={realtime} me={user} room={screen.room} onStarted={startTable} onLeft={toLobby} />
          <RewardToast realtime={realtime} />
        </TableStage>
      );
    case 'table':
      // The table and replays keep the whole screen to themselves.
      return (
        <TableStage key={screen.roomId}>
          <TableScreen rest={rest} realtime={realtime} roomId={screen.roomId} onLeave={toLobby} onGameEnded={gameEnded} />
        </TableStage>
      );
    case 'result':
      page = <ResultScreen rest={rest} result={screen.result} onContinue={toLobby} onReplay={openReplay} onEnterRoom={enterRoom} />;
      break;
    case 'replay':
      return <ReplayScreen rest={rest} gameId={screen.gameId} seat={screen.seat} onClose={back} />;
    case 'lobby':
    case 'ranking':
    case 'profile':
    case 'wallet':
    case 'dao':
    case 'shop':
    case 'limits':
      page = (
        <FeltBackground>
          <TopBar user={user} current={screen.name === 'limits' ? 'shop' : screen.name} onNavigate={(tab: TabName) => reset({ name: tab })} onLangChange={onLangChange} onLogout={onLogout} />
          <View style={styles.body}>
            {screen.name === 'lobby' && <LobbyScreen rest={rest} onEnterRoom={enterRoom} />}
            {screen.name === 'ranking' && <RankingScreen rest={rest} me={user} />}
            {screen.name === 'profile' && <ProfileScreen rest={rest} me={user} onRefreshUser={refreshUser} onOpenReplay={openReplay} />}
            {screen.name === 'wallet' && <WalletScreen rest={rest} realtime={realtime} user={user} chain={chain} wallets={wallets} onReloadChain={onReloadChain} />}
            {screen.name === 'dao' && <DaoScreen rest={rest} chain={chain} />}
            {screen.name === 'shop' && <ShopScreen rest={rest} realtime={realtime} returned={screen.returned} onRefreshUser={refreshUser} onOpenLimits={openLimits} />}
            {screen.name === 'limits' && <LimitsScreen rest={rest} onBack={backToShop} />}
          </View>
        </FeltBackground>
      );
      break;
  }
  // A reward is minted seconds after its game, when the player is on the results or back in the lobby: it is
  // announced over whatever page is open.
  return (
    <View style={styles.body}>
      {page}
      <RewardToast realtime={realtime} />
    </View>
  );
}

const styles = StyleSheet.create({
  body: { flex: 1 },
});
