import { type Seat, SEATS } from '@guandan/engine';
import type { Replay } from '@guandan/protocol';
import type { RestClient } from '@guandan/sdk';
import { Fragment, useEffect, useMemo, useRef, useState } from 'react';
import { type LayoutChangeEvent, Platform, StyleSheet, Text, useWindowDimensions, View } from 'react-native';
import { type Translate, useT } from '../i18n';
import { occupantOf, seatIdentity } from '../table/model/seat-identity';
import { Button } from '../ui/Button';
import { colors, fonts } from '../ui/theme';
import { displayHand } from '../table/model/hand';
import { cardLabel } from '../table/model/labels';
import { seatPosition } from '../table/model/table-state';
import { tileOf } from '../table/view/card-atlas';
import type { Flight, SceneCard } from '../table/view/card-motion';
import { readingWords } from '../table/view/play-words';
import { TableCanvas } from '../table/view/TableCanvas';
import { lastEntries } from '../table/view/table-scene';
import { FeltWord } from '../table/view/TableNotices';
import { useTableArt } from '../table/view/use-table-art';
import { type ReplayFrame, replayFrames } from './replay-model';
import { replayCardAt, replayHandBox, type ReplayLayout, replayLayout, replayTrickAt } from './replay-layout';
import { Scrubber } from './Scrubber';
import { reportable, ReportDialog } from '../moderation/ReportDialog';

export interface ReplayScreenProps {
  rest: RestClient;
  gameId: string;
  /** The viewer's seat, drawn at the bottom; null for a game the viewer did not play. */
  seat: Seat | null;
  onClose: () => void;
}

const NO_FLIGHTS: ReadonlyMap<string, Flight> = new Map();

/** A finished game, step by step: every hand face up, the trick, and the action that led to each step. */
export function ReplayScreen({ rest, gameId, seat, onClose }: ReplayScreenProps) {
  const t = useT();
  const window = useWindowDimensions();
  const [size, setSize] = useState({ width: window.width, height: window.height });
  const layout = useMemo(() => replayLayout(size), [size]);
  const [replay, setReplay] = useState<Replay | null>(null);
  const [failed, setFailed] = useState(false);
  const [index, setIndex] = useState(0);
  const [reportOpen, setReportOpen] = useState(false);
  useEffect(() => {
    let live = true;
    rest
      .replay(gameId)
      .then((loaded) => live && setReplay(loaded))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [rest, gameId]);
  const frames = useMemo(() => (replay ? replayFrames(replay) : []), [replay]);
  const frame: ReplayFrame | undefined = frames[Math.min(index, frames.length - 1)];
  const viewer: Seat = seat ?? 0;
  const { felt, atlas } = useTableArt(layout, layout.card, frame?.level ?? '2');
  const cards = useMemo(() => (frame ? replayScene(layout, frame, viewer) : []), [layout, frame, viewer]);

  const last = Math.max(0, frames.length - 1);
  const step = (delta: number) => setIndex((current) => Math.max(0, Math.min(last, current + delta)));
  const stepRef = useRef(step);
  stepRef.current = step;
  useEffect(() => {
    if (Platform.OS !== 'web' || typeof document === 'undefined') return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'ArrowLeft') stepRef.current(-1);
      else if (event.key === 'ArrowRight') stepRef.current(1);
      else if (event.key === 'Escape') onClose();
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  const record = replay?.record;
  const nameOf = (who: Seat) => {
    const player = record?.players.find((candidate) => candidate.seat === who);
    // A bot is named by its persona in the viewer's language, as it was at the table.
    return record && player ? seatIdentity(occupantOf(player), record.room_id, t).name : t('seatName', { n: who + 1 });
  };
  const onLayout = (event: LayoutChangeEvent) => {
    const { width, height } = event.nativeEvent.layout;
    if (width > 0 && height > 0 && (width !== size.width || height !== size.height)) setSize({ width, height });
  };

  const action = (
    <Text
      testID="replay-action"
      style={[styles.action, layout.narrowHeader && styles.actionNarrow]}
      numberOfLines={layout.narrowHeader || layout.compact ? 2 : 1}
      accessibilityLiveRegion="polite"
    >
      {frame ? describeFrame(frame, nameOf, t) : failed ? t('replayFailed') : t('replayLoading')}
    </Text>
  );

  return (
    <View testID="replay-screen" style={styles.screen} onLayout={onLayout}>
      <TableCanvas size={size} felt={felt} atlas={atlas} cards={cards} flights={NO_FLIGHTS} />
      <View style={[styles.header, layout.narrowHeader && styles.headerNarrow, { height: layout.headerHeight }]}>
        <View style={styles.headerRow}>
          <Text style={styles.title}>{t('replayTitle')}</Text>
          {frame && (
            <Text testID="replay-deal" style={[styles.deal, layout.narrowHeader && styles.dealNarrow]} numberOfLines={1}>
              {t('dealNumber', { n: frame.dealNumber })} · {t('levelOf', { level: frame.level === 'T' ? '10' : frame.level })}
            </Text>
          )}
          {!layout.narrowHeader && action}
          {record && <Button compact kind="secondary" label={t('report.open')} testID="replay-report" onPress={() => setReportOpen(true)} />}
          <Button compact kind="secondary" label={t('close')} accessibilityLabel={t('replayClose')} testID="replay-close" onPress={onClose} />
        </View>
        {layout.narrowHeader && action}
      </View>
      {frame &&
        SEATS.map((who) => {
          const position = seatPosition(viewer, who);
          const at = layout.names[position];
          const place = frame.finished.indexOf(who);
          const hand = displayHand(frame.hands[who], frame.level);
          const box = replayHandBox(layout, position, hand.length);
          return (
            <Fragment key={who}>
              <View
                testID={`replay-name-${position}`}
                style={[styles.name, { left: at.x, top: at.y, width: layout.bands[position].width, height: layout.nameHeight }]}
                pointerEvents="none"
              >
                <Text style={[styles.nameText, layout.compact && styles.nameTextCompact, frame.turn === who && styles.turn]} numberOfLines={1}>
                  {nameOf(who)} · {t('cardCount', { n: frame.handCounts[who] })}
                  {place >= 0 ? ` · ${t(`place.${Math.min(4, place + 1)}` as 'place.1')}` : ''}
                </Text>
              </View>
              {/* The hand is drawn on the canvas; this names its cards for screen readers and marks where it is. */}
              <View
                testID={`replay-hand-${position}`}
                accessible
                accessibilityLabel={`${nameOf(who)}: ${hand.map((card) => cardLabel(card.card)).join(' ')}`}
                style={[styles.handBox, { left: box.x, top: box.y, width: box.width, height: box.height }]}
                pointerEvents="none"
              />
            </Fragment>
          );
        })}
      {frame &&
        [...lastEntries(frame.trick)].map(([who, { entry }]) =>
          entry.play === null ? <FeltWord key={who} at={layout.trick[seatPosition(viewer, who)]} text={t('passed')} /> : null,
        )}
      <View style={[styles.controls, { height: layout.controlsHeight }]}>
        <Button compact kind="secondary" label="◀" accessibilityLabel={t('replayBack')} testID="replay-back" disabled={index <= 0} onPress={() => step(-1)} />
        <Scrubber count={frames.length} index={Math.min(index, last)} label={t('replayScrubber')} onChange={setIndex} />
        <Button compact kind="secondary" label="▶" accessibilityLabel={t('replayForward')} testID="replay-forward" disabled={index >= last} onPress={() => step(1)} />
        <Text testID="replay-counter" style={styles.counter} numberOfLines={1}>
          {t('replayStep', { n: Math.min(index, last) + 1, total: frames.length })}
        </Text>
      </View>
      {reportOpen && record && (
        <ReportDialog
          rest={rest}
          candidates={reportable(record.players.map((player) => ({ seat: player.seat, userId: player.user_id, username: player.username, isBot: player.is_bot })), seat)}
          gameId={gameId}
          position={Math.min(index, last)}
          onClose={() => setReportOpen(false)}
        />
      )}
    </View>
  );
}

function replayScene(layout: ReplayLayout, frame: ReplayFrame, viewer: Seat): SceneCard[] {
  const cards: SceneCard[] = [];
  for (const who of SEATS) {
    const position = seatPosition(viewer, who);
    const hand = displayHand(frame.hands[who], frame.level);
    hand.forEach((held, index) => {
      const at = replayCardAt(layout, position, index, hand.length);
      cards.push({ key: `h:${frame.dealNumber}:${who}:${held.key}`, tile: tileOf(held.card), x: at.x, y: at.y, scale: 1 });
    });
  }
  for (const [who, { entry, index: entryIndex }] of lastEntries(frame.trick)) {
    if (entry.play === null) continue;
    const corners = replayTrickAt(layout, layout.trick[seatPosition(viewer, who)], entry.play.cards.length);
    entry.play.cards.forEach((card, index) => {
      cards.push({ key: `t:${frame.dealNumber}:${entryIndex}:${index}`, tile: tileOf(card), x: corners[index].x, y: corners[index].y, scale: 1 });
    });
  }
  return cards;
}

function describeFrame(frame: ReplayFrame, nameOf: (seat: Seat) => string, t: Translate): string {
  const parts: string[] = [];
  if (frame.lastAction) {
    const { seat, play } = frame.lastAction;
    parts.push(play ? t('action.play', { seat: nameOf(seat), play: readingWords(play, t) }) : t('action.pass', { seat: nameOf(seat) }));
  }
  for (const exchange of frame.exchanges) {
    parts.push(t('action.exchange', { from: nameOf(exchange.from), to: nameOf(exchange.to), card: cardLabel(exchange.card) }));
  }
  if (frame.result) parts.push(t('riseLevels', { n: frame.result.rise }));
  return parts.length > 0 ? parts.join(' · ') : t('replayDealt');
}

const styles = StyleSheet.create({
  screen: { flex: 1, backgroundColor: colors.background, overflow: 'hidden' },
  header: {
    position: 'absolute',
    left: 0,
    right: 0,
    top: 0,
    justifyContent: 'center',
    gap: 4,
    paddingHorizontal: 14,
    backgroundColor: 'rgba(3,24,17,0.78)',
    borderBottomWidth: 1,
    borderBottomColor: 'rgba(232,195,90,0.35)',
  },
  headerNarrow: { paddingHorizontal: 10 },
  headerRow: { flexDirection: 'row', alignItems: 'center', gap: 12 },
  title: { color: colors.gold, fontSize: 17, fontWeight: '700', fontFamily: fonts.family },
  deal: { flexShrink: 1, color: colors.text, fontSize: 14, fontFamily: fonts.family },
  dealNarrow: { flex: 1 },
  action: { flex: 1, color: colors.text, fontSize: 13, fontFamily: fonts.family, textAlign: 'center' },
  actionNarrow: { flex: 0, textAlign: 'left', lineHeight: 17 },
  name: { position: 'absolute', flexDirection: 'row', alignItems: 'center' },
  handBox: { position: 'absolute' },
  nameText: {
    color: colors.text,
    fontSize: 12,
    fontFamily: fonts.family,
    backgroundColor: 'rgba(4,28,20,0.75)',
    paddingHorizontal: 8,
    paddingVertical: 2,
    borderRadius: 9,
    overflow: 'hidden',
  },
  nameTextCompact: { lineHeight: 14, paddingVertical: 1 },
  turn: { color: '#2a1d00', backgroundColor: colors.gold },
  controls: {
    position: 'absolute',
    left: 0,
    right: 0,
    bottom: 0,
    flexDirection: 'row',
    alignItems: 'center',
    gap: 12,
    paddingHorizontal: 16,
    backgroundColor: 'rgba(3,24,17,0.85)',
    borderTopWidth: 1,
    borderTopColor: 'rgba(232,195,90,0.35)',
  },
  counter: { color: colors.textDim, fontSize: 12, minWidth: 90, fontFamily: fonts.family },
});
