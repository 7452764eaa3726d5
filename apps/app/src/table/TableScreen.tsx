import { type Card, type DealResult, type Seat, SEATS, type Team } from '@guandan/engine';
import type { GameEndedPayload, TablePlayer } from '@guandan/protocol';
import type { RealtimeClient, RestClient } from '@guandan/sdk';
import { type JSX, useCallback, useMemo, useState } from 'react';
import { type LayoutChangeEvent, Platform, StyleSheet, Text, useWindowDimensions, View } from 'react-native';
import { useT } from '../i18n';
import { MuteSwitch } from '../sound/MuteSwitch';
import { useTableSounds } from '../sound/use-table-sounds';
import { colors, fonts } from '../ui/theme';
import { columnOrder } from './model/arrange';
import { displayHand } from './model/hand';
import { judgeSelection } from './model/judge';
import { seatRelation } from './model/seat-identity';
import { isMyTurn, seatPosition } from './model/table-state';
import { useArrangement } from './use-arrangement';
import { useBaseBet } from './use-base-bet';
import { useChatBubbles } from './use-chat-bubbles';
import { useDealSummary } from './use-deal-summary';
import { useNotices } from './use-notices';
import { useSeatNames } from './use-seat-names';
import { useSelection, useStripGestures } from './use-selection';
import { useTableCommands } from './use-table-commands';
import { useTableEffects } from './use-table-effects';
import { useTableKeyboard } from './use-table-keyboard';
import { useTableScene } from './use-table-scene';
import { useTableState } from './use-table-state';
import { useTimeoutStrike } from './use-timeout-strike';
import { ActionBar } from './view/ActionBar';
import { ArrangeButtons } from './view/ArrangeButtons';
import { AutoPlayBanner } from './view/AutoPlayBanner';
import { Burst } from './view/Burst';
import { ChatPanel } from './view/ChatPanel';
import { DealSummary } from './view/DealSummary';
import { HandStrips } from './view/HandStrips';
import { HelpOverlay } from './view/HelpOverlay';
import { QuitDialog } from './view/QuitDialog';
import { reportable, ReportDialog } from '../moderation/ReportDialog';
import { placeKey, SeatPlate } from './view/SeatPlate';
import type { SceneCard } from './view/card-motion';
import { StagedCanvas } from './TableStage';
import { TableHeader } from './view/TableHeader';
import { Bubble, FeltWord, FloatingText, Notice, VictoryBanner } from './view/TableNotices';
import { lastEntries } from './view/table-scene';
import { tableLayout } from './view/table-layout';
import { TimerRing } from './view/TimerRing';
import { TimerSeconds } from './view/TimerSeconds';
import { TrackerPanel } from './view/TrackerPanel';
import { TrickAreas } from './view/TrickAreas';
import { TrickLabels } from './view/TrickLabels';
import { useTableArt } from './view/use-table-art';

export interface TableScreenProps {
  rest: RestClient;
  realtime: RealtimeClient;
  roomId: string;
  /** Back to the lobby (after QUIT). */
  onLeave: () => void;
  /** Show the results. */
  onGameEnded: (ended: GameEndedPayload, lastDeal: DealResult | null, players: TablePlayer[]) => void;
}

/** Until the card atlas is drawn nothing is placed, so the deal animation starts once it can be seen. */
const NO_CARDS: SceneCard[] = [];

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
  const selection = useSelection(hand);
  // 理牌: the hand in the player's columns (kept per deal on the device); the scene and the strips show this order.
  const arrangement = useArrangement({ gameId: state.gameId, seat: me, dealNumber: view?.dealNumber ?? 0, hand, selection: selection.selection });
  const arranged = useMemo(() => columnOrder(arrangement.columns), [arrangement.columns]);
  const gestures = useStripGestures(arranged, selection);
  const judgement = useMemo(() => judgeSelection(state, selection.chosen), [state, selection.chosen]);
  const myTurn = isMyTurn(state);
  const between = useDealSummary(realtime, roomId, state, myTurn);
  // Between deals the felt is cleared under the summary; the next deal's cards are dealt once it closes.
  const betweenDeals = between.summary !== null;
  const positionOf = useCallback((seat: Seat) => seatPosition(me, seat), [me]);
  const { felt, atlas } = useTableArt(layout, layout.card, level);
  const { relationOf, seatLabel } = useSeatNames(me, state.players, roomId);
  const notices = useNotices();
  const strike = useTimeoutStrike(realtime, view?.seat ?? null);
  const { dealing, burst, shake, floating } = useTableEffects({
    state,
    consume,
    layout,
    positionOf,
    myTeam,
    relationOf,
    betweenDeals,
    openSummary: between.open,
    closeSummary: between.close,
    clearSelection: selection.clear,
    notice: notices.add,
    timeoutWarnedAt: strike.warnedAt,
    onGameEnded,
  });
  const scene = useTableScene({ layout, view, columns: arrangement.columns, arranged, selection: selection.selection, trick: state.trick, positionOf, me, dealing });
  const commands = useTableCommands({
    realtime,
    state,
    myTurn,
    chosen: selection.chosen,
    judgement,
    clearSelection: selection.clear,
    selectCards: selection.selectCards,
    showNotice: notices.show,
    onLeave,
  });
  const baseBet = useBaseBet(rest, roomId);
  const bubbles = useChatBubbles(state.chat);

  const [trackerOpen, setTrackerOpen] = useState(false);
  const [chatOpen, setChatOpen] = useState(false);
  const [reportOpen, setReportOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  // Leaving is for good (a bot plays on): the header's button only asks; the dialog's confirm leaves.
  const [quitAsked, setQuitAsked] = useState(false);

  useTableKeyboard({
    enabled: !quitAsked,
    onRank: selection.selectRank,
    onPlay: () => commands.play(),
    onPass: commands.pass,
    onHint: commands.hint,
    onClear: () => (helpOpen ? setHelpOpen(false) : selection.clear()),
    onTracker: () => setTrackerOpen((open) => !open),
    onHelp: () => setHelpOpen((open) => !open),
  });

  const onLayout = (event: LayoutChangeEvent) => {
    const { width, height } = event.nativeEvent.layout;
    if (width > 0 && height > 0 && (width !== size.width || height !== size.height)) setSize({ width, height });
  };

  const autoPlay = state.players.find((player) => player.seat === me)?.autoPlay ?? false;
  const radius = layout.avatar;
  const entries = lastEntries(state.trick);
  const ended = state.ended;
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
      {deadline !== null &&
        view?.actors.map((seat) => (
          <TimerSeconds key={`${seat}-${deadline}`} centre={layout.seats[positionOf(seat)]} radius={radius + 5} deadline={deadline} />
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
        onAutoPlay={() => commands.setAutoPlay(!autoPlay)}
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
          onPlay={() => commands.play()}
          onPass={commands.pass}
          onHint={commands.hint}
          onReading={commands.play}
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
            selection.clear();
          }}
          onReset={arrangement.reset}
        />
      )}
      <HandStrips
        hand={arranged}
        slots={scene.slots}
        selected={selection.selection}
        area={layout.handArea}
        onToggle={gestures.onToggle}
        onSweep={gestures.onSweep}
        onRelease={gestures.onRelease}
      />

      {autoPlay && (
        <AutoPlayBanner
          top={layout.actions.y - (layout.compact ? 18 : 22)}
          afterTimeouts={state.warning === 'AUTO_PLAY_ON'}
          onOff={() => commands.setAutoPlay(false)}
        />
      )}

      {bubbles.map((line) => (
        <Bubble key={line.id} at={layout.seats[positionOf(line.seat)]} text={line.text} emoji={line.emoji} />
      ))}
      {/* Notices (tribute exchanges) sit under the partner's plate, never over its avatar. */}
      <Notice lines={notices.lines} top={Math.max(layout.headerHeight + 8, layout.seats.top.y + radius + (layout.compact ? 40 : 62))} />
      {floating && !betweenDeals && <FloatingText id={floating.id} at={layout.centre} text={floating.text} />}
      {between.summary !== null && (
        <DealSummary
          summary={between.summary}
          myTeam={myTeam}
          seatLabel={seatLabel}
          nextDealAt={between.nextDealAt}
          top={layout.headerHeight + 6}
          maxHeight={size.height - layout.headerHeight - 12}
          width={Math.min(560, size.width - 16)}
          onContinue={between.close}
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
          onText={commands.sendText}
          onEmoji={commands.sendEmoji}
          onClose={() => setChatOpen(false)}
          onReport={() => {
            setChatOpen(false);
            setReportOpen(true);
          }}
        />
      )}
      {reportOpen && state.gameId !== null && (
        <ReportDialog rest={rest} candidates={reportable(state.players, me)} gameId={state.gameId} position={null} onClose={() => setReportOpen(false)} />
      )}
      {quitAsked && !ended && (
        <QuitDialog
          baseBet={baseBet}
          onStay={() => setQuitAsked(false)}
          onLeave={() => {
            setQuitAsked(false);
            commands.quit();
          }}
        />
      )}
      {ended && <VictoryBanner won={won} text={ended.endedEarly !== undefined ? t('endedEarly') : ended.winningTeam === null ? t('draw') : won ? t('victory') : t('defeat')} />}
    </View>
  );
}

const styles = StyleSheet.create({
  // Transparent: the canvas is the stage's, under the table (see TableStage).
  screen: { flex: 1, overflow: 'hidden' },
  connecting: { position: 'absolute', left: 0, right: 0, top: 0, bottom: 0, alignItems: 'center', justifyContent: 'center' },
  connectingText: { color: colors.gold, fontSize: 18, fontFamily: fonts.family },
});
