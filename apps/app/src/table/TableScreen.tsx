import { type Card, type DealResult, type Play, type Seat, SEATS, type Team } from '@guandan/engine';
import type { GameEndedPayload, TablePlayer, User } from '@guandan/protocol';
import type { RealtimeClient, RestClient } from '@guandan/sdk';
import { type JSX, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type LayoutChangeEvent, Platform, StyleSheet, Text, useWindowDimensions, View } from 'react-native';
import { useSharedValue, withSequence, withTiming } from 'react-native-reanimated';
import { useT } from '../i18n';
import { MuteSwitch } from '../sound/MuteSwitch';
import { useTableSounds } from '../sound/use-table-sounds';
import { Button } from '../ui/Button';
import { colors, fonts } from '../ui/theme';
import { columnOrder } from './model/arrange';
import { displayHand } from './model/hand';
import { nextHint } from './model/hint';
import { judgeSelection } from './model/judge';
import { cardLabel } from './model/labels';
import { bombPower, bombTier, type BombTier } from './model/play-caption';
import { pruneSelection, selectByRank, type Selection, selectedCards, selectionForCards, toggleCard } from './model/selection';
import { sweepSelection } from './model/sweep';
import { relationKey, seatIdentity, seatRelation } from './model/seat-identity';
import { isMyTurn, seatPosition, type TableEffect } from './model/table-state';
import { useDealSummary } from './use-deal-summary';
import { useTableKeyboard } from './use-table-keyboard';
import { useTableState } from './use-table-state';
import { useArrangement } from './use-arrangement';
import { useTimeoutStrike } from './use-timeout-strike';
import { ActionBar } from './view/ActionBar';
import { ArrangeButtons } from './view/ArrangeButtons';
import { Burst } from './view/Burst';
import { ChatPanel } from './view/ChatPanel';
import { HelpOverlay } from './view/HelpOverlay';
import { HandStrips } from './view/HandStrips';
import { placeKey, SeatPlate } from './view/SeatPlate';
import { DealSummary } from './view/DealSummary';
import { QuitDialog } from './view/QuitDialog';
import type { SceneCard } from './view/card-motion';
import { StagedCanvas } from './TableStage';
import { TableHeader } from './view/TableHeader';
import { Bubble, FeltWord, FloatingText, Notice, useExpiry, VictoryBanner } from './view/TableNotices';
import { sameScene } from './view/same-scene';
import { buildScene, DEAL_ANIMATION_MS, handPositions, lastEntries, type Scene } from './view/table-scene';
import { type Point, tableLayout } from './view/table-layout';
import { TimerRing } from './view/TimerRing';
import { TimerSeconds } from './view/TimerSeconds';
import { TrackerPanel } from './view/TrackerPanel';
import { TrickAreas } from './view/TrickAreas';
import { TrickLabels } from './view/TrickLabels';
import { useTableArt } from './view/use-table-art';
import { serverClock, serverNow } from '../session/server-clock';

export interface TableScreenProps {
  rest: RestClient;
  realtime: RealtimeClient;
  me: User;
  roomId: string;
  /** Back to the lobby (after QUIT). */
  onLeave: () => void;
  /** Show the results. */
  onGameEnded: (ended: GameEndedPayload, lastDeal: DealResult | null, players: TablePlayer[]) => void;
}

const VICTORY_MS = 2200;
const NOTICE_MS = 3500;
const BUBBLE_MS = 5000;
/** The first timeout's notice stays long enough to be read in full. */
const TIMEOUT_NOTICE_MS = 7000;
const EMPTY: Selection = new Set<string>();
/** Until the card atlas is drawn nothing is placed, so the deal animation starts once it can be seen. */
const NO_CARDS: SceneCard[] = [];

interface Flash {
  id: number;
  at: Point;
  tier: BombTier;
}

/** The game table: the server's state drawn with Skia, played by pointer, touch and keyboard. */
export function TableScreen({ rest, realtime, roomId, onLeave, onGameEnded }: TableScreenProps): JSX.Element {
  const t = useT();
  const window = useWindowDimensions();
  const [size, setSize] = useState({ width: window.width, height: window.height });
  const layout = useMemo(() => tableLayout(size), [size]);
  const [state, consume] = useTableState(realtime, roomId);
  useTableSounds(state);
  const view = state.view;
  const me: Seat = view?.seat ?? 0;
  const myTeam = (me % 2) as Team;
  const level = view?.level ?? '2';
  // Each server message brings a new view: the hand keeps its identity while its cards stay the same, so what is
  // derived from it (the 理牌 columns, the scene, the strips) is not rebuilt for a message that did not touch it.
  const heldCards = view?.hand.join(' ') ?? '';
  const hand = useMemo(() => (heldCards === '' ? [] : displayHand(heldCards.split(' ') as Card[], level)), [heldCards, level]);
  const [rawSelection, setSelection] = useState<Selection>(EMPTY);
  const selection = useMemo(() => pruneSelection(hand, rawSelection), [hand, rawSelection]);
  const chosen = useMemo(() => selectedCards(hand, selection), [hand, selection]);
  // 理牌: the hand in the player's columns (kept per deal on the device); the scene and the strips show this order.
  const arrangement = useArrangement({ gameId: state.gameId, seat: me, dealNumber: view?.dealNumber ?? 0, hand, selection });
  const arranged = useMemo(() => columnOrder(arrangement.columns), [arrangement.columns]);
  const judgement = useMemo(() => judgeSelection(state, chosen), [state, chosen]);
  const myTurn = isMyTurn(state);
  const between = useDealSummary(realtime, roomId, state, myTurn);
  const { open: openSummary, close: closeSummary } = between;
  const positionOf = useCallback((seat: Seat) => seatPosition(me, seat), [me]);
  const { felt, atlas } = useTableArt(layout, layout.card, level);

  const [trackerOpen, setTrackerOpen] = useState(false);
  const [chatOpen, setChatOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const strike = useTimeoutStrike(realtime, view?.seat ?? null);
  const [notices, setNotices] = useState<{ until: number; lines: string[] }>({ until: 0, lines: [] });
  const [floating, setFloating] = useState<{ id: number; text: string; until: number } | null>(null);
  const [burst, setBurst] = useState<Flash | null>(null);
  const [dealingUntil, setDealingUntil] = useState(0);
  // Between deals the felt is cleared under the summary; the next deal's cards are dealt once it closes.
  const betweenDeals = between.summary !== null;
  const wasBetween = useRef(false);
  useEffect(() => {
    if (wasBetween.current && !betweenDeals) setDealingUntil(Date.now() + DEAL_ANIMATION_MS);
    wasBetween.current = betweenDeals;
  }, [betweenDeals]);
  const shake = useSharedValue(0);
  const hintCounter = useRef(0);
  const dragBase = useRef<Selection | null>(null);
  // The hand strips' callbacks keep their identity between server messages, so the strips are not rendered again.
  const toggleAt = useCallback(
    (index: number) => {
      const card = arranged[index];
      if (card) setSelection((current) => toggleCard(pruneSelection(hand, current), card.key));
    },
    [arranged, hand],
  );
  const sweep = useCallback(
    (touched: readonly number[]) => {
      dragBase.current ??= selection;
      setSelection(sweepSelection(arranged, dragBase.current, touched));
    },
    [arranged, selection],
  );
  const endSweep = useCallback(() => {
    dragBase.current = null;
  }, []);
  const lastHandPositions = useRef(new Map<Card, Point[]>());
  const handled = useRef(new Set<number>());
  /** Until then, effects are history being caught up with (a RESUME from an old seq): only the deal is animated. */
  const catchUpUntil = useRef<number | null>(null);
  if (view !== null && catchUpUntil.current === null) catchUpUntil.current = Date.now() + 600;

  const nameOf = useCallback(
    (seat: Seat) => {
      const player = state.players.find((candidate) => candidate.seat === seat);
      return seat === me ? t('seat.me') : player ? seatIdentity(player, roomId, t).name : t('seatName', { n: seat + 1 });
    },
    [me, state.players, roomId, t],
  );
  /** 你, 对家, 上家, 下家: how tribute notices name seats (which seat matters more than who). */
  const relationOf = useCallback((seat: Seat) => t(relationKey(seatRelation(me, seat))), [me, t]);
  /** A seat in the deal summary: its relation and its name. */
  const seatLabel = useCallback((seat: Seat) => (seat === me ? t('seat.me') : `${relationOf(seat)} ${nameOf(seat)}`), [me, relationOf, nameOf, t]);
  const [quitAsked, setQuitAsked] = useState(false);
  const [baseBet, setBaseBet] = useState<number | null>(null);
  useEffect(() => {
    // The stake is said in the quit confirmation; a failed look-up only leaves it unsaid.
    rest
      .room(roomId)
      .then((room) => setBaseBet(room.room_config.base_bet))
      .catch(() => undefined);
  }, [rest, roomId]);

  const dealing = state.effects.some((effect) => effect.kind === 'deal') || dealingUntil > Date.now();
  // A scene that draws what the last one drew is the last one, so the canvas is not re-recorded for a server message
  // that moved no card (most messages while a deal starts).
  const lastScene = useRef<Scene | null>(null);
  const scene = useMemo(() => {
    const next = buildScene({
      layout,
      dealNumber: view?.dealNumber ?? 0,
      columns: arrangement.columns,
      selected: selection,
      trick: state.trick,
      handCounts: view?.handCounts ?? [0, 0, 0, 0],
      positionOf,
      me,
      dealing,
      lastHandPositions: lastHandPositions.current,
    });
    const kept = lastScene.current !== null && sameScene(lastScene.current, next) ? lastScene.current : next;
    lastScene.current = kept;
    return kept;
    // Positions of the hand as last drawn are read when the scene changes, not a reason to rebuild it.
  }, [layout, view, arrangement.columns, selection, state.trick, positionOf, me, dealing]);
  useEffect(() => {
    lastHandPositions.current = handPositions(arranged, scene.slots);
  }, [arranged, scene.slots]);

  const handleEffect = useCallback(
    (effect: TableEffect) => {
      const now = Date.now();
      switch (effect.kind) {
        case 'deal':
          setDealingUntil(now + DEAL_ANIMATION_MS);
          setSelection(EMPTY);
          break;
        case 'play':
          if (effect.bomb) {
            const tier = bombTier(effect.play) ?? 'four';
            setBurst({ id: effect.id, at: layout.trick[positionOf(effect.seat)], tier });
            // The table jolts harder for a bigger bomb.
            const jolt = 0.6 + bombPower(tier) * 0.3;
            shake.value = withSequence(
              withTiming(-9 * jolt, { duration: 45 }),
              withTiming(8 * jolt, { duration: 70 }),
              withTiming(-6 * jolt, { duration: 70 }),
              withTiming(4 * jolt, { duration: 70 }),
              withTiming(0, { duration: 60 }),
            );
          }
          break;
        case 'exchange': {
          const { from, to, card } = effect.exchange;
          const line = t(effect.returned ? 'exchangeReturn' : 'exchangeTribute', { from: relationOf(from), to: relationOf(to), card: cardLabel(card) });
          setNotices((previous) => ({ until: now + NOTICE_MS, lines: [...(previous.until > now ? previous.lines : []), line].slice(-4) }));
          break;
        }
        case 'dealEnded': {
          const { team, rise } = effect.result;
          setFloating({ id: effect.id, text: `${team === myTeam ? t('teamUs') : t('teamThem')} ${t('riseLevels', { n: rise })}`, until: now + 2600 });
          // Between deals the summary says it (and the float stays hidden under it); the match's last deal has the float.
          openSummary(effect.result);
          break;
        }
        case 'victory':
          closeSummary();
          break;
        default:
          break;
      }
    },
    [layout, positionOf, shake, t, relationOf, myTeam, openSummary, closeSummary],
  );

  useEffect(() => {
    const fresh = state.effects.filter((effect) => !handled.current.has(effect.id));
    if (fresh.length === 0) return;
    const catchingUp = catchUpUntil.current === null || Date.now() < catchUpUntil.current;
    for (const effect of fresh) {
      handled.current.add(effect.id);
      if (!catchingUp || effect.kind === 'deal') handleEffect(effect);
    }
    consume(fresh.map((effect) => effect.id));
  }, [state.effects, handleEffect, consume]);

  const ended = state.ended;
  useEffect(() => {
    if (ended === null) return;
    const timer = setTimeout(() => onGameEnded(ended, state.lastDeal, state.players), VICTORY_MS);
    return () => clearTimeout(timer);
    // The results are handed over once, when the game ends.
  }, [ended]);

  const send = useMemo(
    () => ({
      play: (cards: Card[], reading?: Play) =>
        realtime.send('PLAY_CARDS', reading ? { cards, reading: { type: reading.type, rank: reading.rank } } : { cards }),
      pass: () => realtime.send('PASS', {}),
    }),
    [realtime],
  );

  const play = (reading?: Play) => {
    if (!myTurn) return;
    if (judgement.kind === 'tribute') realtime.send('TRIBUTE', { card: judgement.card });
    else if (judgement.kind === 'return') realtime.send('RETURN_TRIBUTE', { card: judgement.card });
    else if (judgement.kind === 'play') {
      const choice = reading ?? (judgement.readings.length === 1 ? judgement.readings[0] : undefined);
      // Several readings: the chooser above the buttons names them; the player picks one there.
      if (choice === undefined) return;
      send.play(chosen, choice);
    } else return;
    setSelection(EMPTY);
    hintCounter.current = 0;
  };
  const pass = () => {
    if (!myTurn || !state.legal.canPass) return;
    send.pass();
    setSelection(EMPTY);
    hintCounter.current = 0;
  };
  const hint = () => {
    const cards = nextHint(state, hintCounter.current);
    hintCounter.current++;
    if (cards !== null) setSelection(selectionForCards(hand, cards));
    else if (myTurn) setNotices({ until: Date.now() + 2000, lines: [t('noBetterPlay')] });
  };

  useTableKeyboard({
    enabled: !quitAsked,
    onRank: (key) => setSelection((current) => selectByRank(hand, pruneSelection(hand, current), key)),
    onPlay: () => play(),
    onPass: pass,
    onHint: hint,
    onClear: () => (helpOpen ? setHelpOpen(false) : setSelection(EMPTY)),
    onTracker: () => setTrackerOpen((open) => !open),
    onHelp: () => setHelpOpen((open) => !open),
  });

  // The server played this seat's turn: say what the next timeout in a row will do before it happens.
  useEffect(() => {
    if (strike.warnedAt === 0) return;
    const now = Date.now();
    setNotices((previous) => ({ until: now + TIMEOUT_NOTICE_MS, lines: [...(previous.until > now ? previous.lines : []), t('timeout.first')].slice(-4) }));
    // Once per warning; the language does not re-announce it.
  }, [strike.warnedAt]);

  const myPlayer = state.players.find((player) => player.seat === me);
  const autoPlay = myPlayer?.autoPlay ?? false;
  // Leaving is for good (a bot plays on): the header's button only asks; the dialog's confirm leaves.
  const quit = () => {
    setQuitAsked(false);
    realtime.send('QUIT', {});
    onLeave();
  };

  const onLayout = (event: LayoutChangeEvent) => {
    const { width, height } = event.nativeEvent.layout;
    if (width > 0 && height > 0 && (width !== size.width || height !== size.height)) setSize({ width, height });
  };

  const radius = layout.avatar;
  const noticeLive = useExpiry(notices.until);
  const floatLive = useExpiry(floating?.until ?? null);
  const lastChatLines = useMemo(() => {
    const bySeat = new Map<Seat, (typeof state.chat)[number]>();
    for (const line of state.chat) bySeat.set(line.seat, line);
    return [...bySeat.values()];
  }, [state.chat]);
  // A chat line carries the server's stamp: its bubble lasts BUBBLE_MS on the server's clock, and the re-render when
  // the first one ends is asked for on the device's.
  const latestChat = lastChatLines.filter((line) => line.at + BUBBLE_MS > serverNow());
  useExpiry(latestChat.length > 0 ? Math.min(...latestChat.map((line) => line.at + BUBBLE_MS)) + serverClock.ahead : null);
  const entries = lastEntries(state.trick);
  const won = ended !== null && ended.winningTeam === myTeam;
  // The canvas's effects as one element that only changes with them: every new child element makes the canvas
  // record and draw its whole scene again, and the table renders on every server message (several a second while
  // a deal starts). Actors are compared by value, as each message brings a new view.
  const deadline = state.deadline;
  const actorsKey = view?.actors.join(' ') ?? '';
  const canvasEffects = useMemo(() => {
    const actors = actorsKey === '' ? [] : actorsKey.split(' ').map((seat) => Number(seat) as Seat);
    return (
      <>
        {deadline !== null &&
          actors.map((seat) => <TimerRing key={`${seat}-${deadline}`} centre={layout.seats[positionOf(seat)]} radius={radius + 5} deadline={deadline} />)}
        {burst && <Burst key={burst.id} id={burst.id} kind="bomb" tier={burst.tier} centre={burst.at} />}
        {ended && <Burst id={-1} kind="victory" centre={layout.centre} />}
      </>
    );
  }, [deadline, actorsKey, layout, positionOf, radius, burst, ended]);

  return (
    <View testID="table-screen" style={styles.screen} onLayout={onLayout}>
      <StagedCanvas size={size} felt={felt} atlas={atlas} cards={atlas && !betweenDeals ? scene.cards : NO_CARDS} flights={scene.flights} shake={shake}>
        {canvasEffects}
      </StagedCanvas>

      {SEATS.map((seat) => (
        <SeatPlate
          key={seat}
          seat={seat}
          centre={layout.seats[positionOf(seat)]}
          player={state.players.find((player) => player.seat === seat)}
          relation={seatRelation(me, seat)}
          roomId={roomId}
          cardCount={view?.handCounts[seat] ?? 0}
          place={view && view.finished.includes(seat) ? view.finished.indexOf(seat) + 1 : null}
          acting={view?.actors.includes(seat) ?? false}
          compact={layout.compact}
          radius={radius}
          width={layout.plateWidth}
        />
      ))}
      {[...entries].map(([seat, { entry }]) =>
        entry.play === null ? <FeltWord key={`pass-${seat}`} at={layout.trick[positionOf(seat)]} text={t('passed')} /> : null,
      )}
      <TrickAreas layout={layout} trick={state.trick} positionOf={positionOf} />
      <TrickLabels layout={layout} trick={state.trick} level={level} dealNumber={view?.dealNumber ?? 0} positionOf={positionOf} />
      {state.deadline !== null &&
        view?.actors.map((seat) => (
          <TimerSeconds
            key={`${seat}-${state.deadline}`}
            centre={layout.seats[positionOf(seat)]}
            radius={radius + 5}
            deadline={state.deadline ?? 0}
          />
        ))}

      <TableHeader
        height={layout.headerHeight}
        rows={layout.headerRows}
        myTeam={myTeam}
        levels={view?.levels ?? null}
        level={view?.level ?? null}
        levelTeam={view?.levelTeam ?? null}
        dealNumber={view?.dealNumber ?? null}
        autoPlay={autoPlay}
        trackerOpen={trackerOpen}
        compact={layout.compact}
        onTracker={() => setTrackerOpen((open) => !open)}
        onChat={() => setChatOpen((open) => !open)}
        onAutoPlay={() => realtime.send('AUTO_PLAY', { on: !autoPlay })}
        onQuit={() => setQuitAsked(true)}
        onHelp={Platform.OS === 'web' && !layout.compact ? () => setHelpOpen((open) => !open) : undefined}
        soundSwitch={<MuteSwitch />}
      />

      {view !== null && !myTurn && (view.phase === 'tribute' || view.phase === 'return') && (
        <FeltWord at={layout.centre} text={t(view.phase === 'tribute' ? 'waitingTribute' : 'waitingReturn')} />
      )}
      {view === null && (
        <View style={styles.connecting} pointerEvents="none">
          <Text style={styles.connectingText}>{t('connecting')}</Text>
        </View>
      )}

      {!autoPlay && (
        <ActionBar
          box={layout.actionsBox}
          notesBox={layout.notesBox}
          myTurn={myTurn}
          phase={view?.phase ?? null}
          canPass={state.legal.canPass}
          judgement={judgement}
          compact={layout.compact}
          onPlay={() => play()}
          onPass={pass}
          onHint={hint}
          onReading={(reading) => play(reading)}
          turnWarning={strike.armed ? t('timeout.strike') : null}
        />
      )}

      {hand.length > 0 && (
        <ArrangeButtons
          at={layout.arrange}
          canArrange={arrangement.canArrange}
          canReset={arrangement.canReset}
          onArrange={() => {
            arrangement.arrange();
            setSelection(EMPTY);
          }}
          onReset={arrangement.reset}
        />
      )}
      <HandStrips
        hand={arranged}
        slots={scene.slots}
        selected={selection}
        area={layout.handArea}
        onToggle={toggleAt}
        onSweep={sweep}
        onRelease={endSweep}
      />

      {autoPlay && (
        <View style={[styles.autoBanner, { top: layout.actions.y - (layout.compact ? 18 : 22) }]}>
          <Text style={styles.autoText}>{state.warning === 'AUTO_PLAY_ON' ? t('autoPlayWarning') : t('autoPlayOn')}</Text>
          <Button compact label={t('autoPlayOff')} onPress={() => realtime.send('AUTO_PLAY', { on: false })} />
        </View>
      )}

      {latestChat.map((line) => (
        <Bubble key={line.id} at={layout.seats[positionOf(line.seat)]} text={line.text} emoji={line.emoji} />
      ))}
      {/* Notices (tribute exchanges) sit under the partner's plate, never over its avatar. */}
      {noticeLive && <Notice lines={notices.lines} top={Math.max(layout.headerHeight + 8, layout.seats.top.y + radius + (layout.compact ? 40 : 62))} />}
      {floating && floatLive && between.summary === null && <FloatingText id={floating.id} at={layout.centre} text={floating.text} />}
      {between.summary !== null && (
        <DealSummary
          summary={between.summary}
          myTeam={myTeam}
          seatLabel={seatLabel}
          nextDealAt={between.nextDealAt}
          top={layout.headerHeight + 6}
          maxHeight={size.height - layout.headerHeight - 12}
          width={Math.min(560, size.width - 16)}
          onContinue={closeSummary}
        />
      )}
      {view && view.finished.includes(me) && !ended && (
        <FeltWord at={{ x: layout.actions.x, y: layout.handArea.y + layout.card.height / 2 }} text={t(placeKey(view.finished.indexOf(me) + 1))} />
      )}

      {trackerOpen && view && <TrackerPanel view={view} box={layout.panel} />}
      {helpOpen && <HelpOverlay top={layout.headerHeight + 6} maxHeight={size.height - layout.headerHeight - 12} onClose={() => setHelpOpen(false)} />}
      {chatOpen && (
        <ChatPanel
          lines={state.chat}
          box={layout.panel}
          onText={(text) => realtime.send('SEND_MESSAGE', { text })}
          onEmoji={(emoji) => realtime.send('SEND_EMOJI', { emoji })}
          onClose={() => setChatOpen(false)}
        />
      )}
      {quitAsked && !ended && <QuitDialog baseBet={baseBet} onStay={() => setQuitAsked(false)} onLeave={quit} />}
      {ended && <VictoryBanner won={won} text={ended.winningTeam === null ? t('draw') : won ? t('victory') : t('defeat')} />}
    </View>
  );
}

const styles = StyleSheet.create({
  // Transparent: the canvas is the stage's, under the table (see TableStage).
  screen: { flex: 1, overflow: 'hidden' },
  connecting: { position: 'absolute', left: 0, right: 0, top: 0, bottom: 0, alignItems: 'center', justifyContent: 'center' },
  connectingText: { color: colors.gold, fontSize: 18, fontFamily: fonts.family },
  autoBanner: {
    position: 'absolute',
    alignSelf: 'center',
    flexDirection: 'row',
    alignItems: 'center',
    gap: 12,
    paddingHorizontal: 14,
    paddingVertical: 6,
    borderRadius: 18,
    backgroundColor: 'rgba(4,28,20,0.9)',
    borderWidth: 1,
    borderColor: colors.gold,
  },
  autoText: { color: colors.gold, fontSize: 14, fontFamily: fonts.family },
});
