import { type Card, type DealResult, type Play, type Seat, type Team } from '@guandan/engine';
import type { GameEndedPayload, TablePlayer, User } from '@guandan/protocol';
import type { RealtimeClient, RestClient } from '@guandan/sdk';
import { type JSX, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type LayoutChangeEvent, StyleSheet, Text, useWindowDimensions, View } from 'react-native';
import { useSharedValue, withSequence, withTiming } from 'react-native-reanimated';
import { useT } from '../i18n';
import { Button } from '../ui/Button';
import { colors, fonts } from '../ui/theme';
import { displayHand } from './model/hand';
import { nextHint } from './model/hint';
import { judgeSelection } from './model/judge';
import { cardLabel } from './model/labels';
import { pruneSelection, selectByRank, type Selection, selectedCards, selectionForCards, selectSpan, toggleCard } from './model/selection';
import { isMyTurn, seatPosition, type TableEffect } from './model/table-state';
import { useTableKeyboard } from './use-table-keyboard';
import { useTableState } from './use-table-state';
import { ActionBar } from './view/ActionBar';
import { Burst } from './view/Burst';
import { ChatPanel } from './view/ChatPanel';
import { HandStrips } from './view/HandStrips';
import { placeKey, SeatPlate } from './view/SeatPlate';
import type { SceneCard } from './view/card-motion';
import { TableCanvas } from './view/TableCanvas';
import { TableHeader } from './view/TableHeader';
import { Bubble, FeltWord, FloatingText, Notice, useExpiry, VictoryBanner } from './view/TableNotices';
import { buildScene, handPositions, lastEntries } from './view/table-scene';
import { type Point, tableLayout } from './view/table-layout';
import { TimerRing } from './view/TimerRing';
import { TrackerPanel } from './view/TrackerPanel';
import { useTableArt } from './view/use-table-art';

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

const SEATS: readonly Seat[] = [0, 1, 2, 3];
const VICTORY_MS = 2200;
const NOTICE_MS = 3500;
const BUBBLE_MS = 5000;
const EMPTY: Selection = new Set<string>();
/** Until the card atlas is drawn nothing is placed, so the deal animation starts once it can be seen. */
const NO_CARDS: SceneCard[] = [];

interface Flash {
  id: number;
  at: Point;
}

/** The game table: the server's state drawn with Skia, played by pointer, touch and keyboard. */
export function TableScreen({ realtime, roomId, onLeave, onGameEnded }: TableScreenProps): JSX.Element {
  const t = useT();
  const window = useWindowDimensions();
  const [size, setSize] = useState({ width: window.width, height: window.height });
  const layout = useMemo(() => tableLayout(size), [size]);
  const [state, consume] = useTableState(realtime, roomId);
  const view = state.view;
  const me: Seat = view?.seat ?? 0;
  const myTeam = (me % 2) as Team;
  const level = view?.level ?? '2';
  const hand = useMemo(() => (view ? displayHand(view.hand, view.level) : []), [view]);
  const [rawSelection, setSelection] = useState<Selection>(EMPTY);
  const selection = useMemo(() => pruneSelection(hand, rawSelection), [hand, rawSelection]);
  const chosen = useMemo(() => selectedCards(hand, selection), [hand, selection]);
  const judgement = useMemo(() => judgeSelection(state, chosen), [state, chosen]);
  const myTurn = isMyTurn(state);
  const positionOf = useCallback((seat: Seat) => seatPosition(me, seat), [me]);
  const { felt, atlas } = useTableArt(layout, layout.card, level);

  const [trackerOpen, setTrackerOpen] = useState(false);
  const [chatOpen, setChatOpen] = useState(false);
  const [notices, setNotices] = useState<{ until: number; lines: string[] }>({ until: 0, lines: [] });
  const [floating, setFloating] = useState<{ id: number; text: string; until: number } | null>(null);
  const [burst, setBurst] = useState<Flash | null>(null);
  const [dealingUntil, setDealingUntil] = useState(0);
  const shake = useSharedValue(0);
  const hintCounter = useRef(0);
  const dragBase = useRef<Selection | null>(null);
  const lastHandPositions = useRef(new Map<Card, Point[]>());
  const handled = useRef(new Set<number>());
  /** Until then, effects are history being caught up with (a RESUME from an old seq): only the deal is animated. */
  const catchUpUntil = useRef<number | null>(null);
  if (view !== null && catchUpUntil.current === null) catchUpUntil.current = Date.now() + 600;

  const nameOf = useCallback(
    (seat: Seat) => (seat === me ? t('seat.me') : (state.players.find((player) => player.seat === seat)?.username ?? t('seatName', { n: seat + 1 }))),
    [me, state.players, t],
  );

  const dealing = state.effects.some((effect) => effect.kind === 'deal') || dealingUntil > Date.now();
  const scene = useMemo(
    () =>
      buildScene({
        layout,
        dealNumber: view?.dealNumber ?? 0,
        hand,
        selected: selection,
        trick: state.trick,
        handCounts: view?.handCounts ?? [0, 0, 0, 0],
        positionOf,
        me,
        dealing,
        lastHandPositions: lastHandPositions.current,
      }),
    // Positions of the hand as last drawn are read when the scene changes, not a reason to rebuild it.
    [layout, view, hand, selection, state.trick, positionOf, me, dealing],
  );
  useEffect(() => {
    lastHandPositions.current = handPositions(hand, scene.slots);
  }, [hand, scene.slots]);

  const handleEffect = useCallback(
    (effect: TableEffect) => {
      const now = Date.now();
      switch (effect.kind) {
        case 'deal':
          setDealingUntil(now + 1400);
          setSelection(EMPTY);
          break;
        case 'play':
          if (effect.bomb) {
            setBurst({ id: effect.id, at: layout.trick[positionOf(effect.seat)] });
            shake.value = withSequence(
              withTiming(-9, { duration: 45 }),
              withTiming(8, { duration: 70 }),
              withTiming(-6, { duration: 70 }),
              withTiming(4, { duration: 70 }),
              withTiming(0, { duration: 60 }),
            );
          }
          break;
        case 'exchange': {
          const { from, to, card } = effect.exchange;
          const line = t(effect.returned ? 'exchangeReturn' : 'exchangeTribute', { from: nameOf(from), to: nameOf(to), card: cardLabel(card) });
          setNotices((previous) => ({ until: now + NOTICE_MS, lines: [...(previous.until > now ? previous.lines : []), line].slice(-4) }));
          break;
        }
        case 'dealEnded': {
          const { team, rise } = effect.result;
          setFloating({ id: effect.id, text: `${team === myTeam ? t('teamUs') : t('teamThem')} ${t('riseLevels', { n: rise })}`, until: now + 2600 });
          break;
        }
        default:
          break;
      }
    },
    [layout, positionOf, shake, t, nameOf, myTeam],
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
    onRank: (key) => setSelection((current) => selectByRank(hand, pruneSelection(hand, current), key)),
    onPlay: () => play(),
    onPass: pass,
    onHint: hint,
    onClear: () => setSelection(EMPTY),
  });

  const myPlayer = state.players.find((player) => player.seat === me);
  const autoPlay = myPlayer?.autoPlay ?? false;
  const quit = () => {
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
  const latestChat = useMemo(() => {
    const bySeat = new Map<Seat, (typeof state.chat)[number]>();
    for (const line of state.chat) bySeat.set(line.seat, line);
    return [...bySeat.values()].filter((line) => line.at + BUBBLE_MS > Date.now());
  }, [state.chat]);
  useExpiry(latestChat.length > 0 ? Math.min(...latestChat.map((line) => line.at + BUBBLE_MS)) : null);
  const entries = lastEntries(state.trick);
  const won = ended !== null && ended.winningTeam === myTeam;

  return (
    <View testID="table-screen" style={styles.screen} onLayout={onLayout}>
      <TableCanvas size={size} felt={felt} atlas={atlas} cards={atlas ? scene.cards : NO_CARDS} flights={scene.flights} shake={shake}>
        {state.deadline !== null &&
          view?.actors.map((seat) => (
            <TimerRing key={`${seat}-${state.deadline}`} centre={layout.seats[positionOf(seat)]} radius={radius + 5} deadline={state.deadline ?? 0} />
          ))}
        {burst && <Burst key={burst.id} id={burst.id} kind="bomb" centre={burst.at} />}
        {ended && <Burst id={-1} kind="victory" centre={layout.centre} />}
      </TableCanvas>

      {SEATS.map((seat) => (
        <SeatPlate
          key={seat}
          seat={seat}
          centre={layout.seats[positionOf(seat)]}
          player={state.players.find((player) => player.seat === seat)}
          isMe={seat === me}
          cardCount={view?.handCounts[seat] ?? 0}
          place={view && view.finished.includes(seat) ? view.finished.indexOf(seat) + 1 : null}
          acting={view?.actors.includes(seat) ?? false}
          compact={layout.compact}
          radius={radius}
        />
      ))}
      {[...entries].map(([seat, { entry }]) =>
        entry.play === null ? <FeltWord key={`pass-${seat}`} at={layout.trick[positionOf(seat)]} text={t('passed')} /> : null,
      )}

      <TableHeader
        height={layout.headerHeight}
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
        onQuit={quit}
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
          anchor={layout.actions}
          width={Math.min(640, size.width - 40)}
          fullWidth={size.width}
          myTurn={myTurn}
          phase={view?.phase ?? null}
          canPass={state.legal.canPass}
          judgement={judgement}
          compact={layout.compact}
          onPlay={() => play()}
          onPass={pass}
          onHint={hint}
          onReading={(reading) => play(reading)}
        />
      )}

      <HandStrips
        hand={hand}
        slots={scene.slots}
        selected={selection}
        area={layout.handArea}
        onToggle={(index) => {
          const card = hand[index];
          if (card) setSelection((current) => toggleCard(pruneSelection(hand, current), card.key));
        }}
        onSpan={(from, to) => {
          dragBase.current ??= selection;
          setSelection(selectSpan(hand, dragBase.current, from, to));
        }}
        onRelease={() => (dragBase.current = null)}
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
      {noticeLive && <Notice lines={notices.lines} top={layout.headerHeight + 8} />}
      {floating && floatLive && <FloatingText id={floating.id} at={layout.centre} text={floating.text} />}
      {view && view.finished.includes(me) && !ended && (
        <FeltWord at={{ x: layout.actions.x, y: layout.handArea.y + layout.card.height / 2 }} text={t(placeKey(view.finished.indexOf(me) + 1))} />
      )}

      {trackerOpen && view && <TrackerPanel view={view} top={layout.headerHeight + 6} />}
      {chatOpen && (
        <ChatPanel
          lines={state.chat}
          top={layout.headerHeight + 6}
          onText={(text) => realtime.send('SEND_MESSAGE', { text })}
          onEmoji={(emoji) => realtime.send('SEND_EMOJI', { emoji })}
          onClose={() => setChatOpen(false)}
        />
      )}
      {ended && <VictoryBanner won={won} text={ended.winningTeam === null ? t('draw') : won ? t('victory') : t('defeat')} />}
    </View>
  );
}

const styles = StyleSheet.create({
  screen: { flex: 1, backgroundColor: colors.background, overflow: 'hidden' },
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
