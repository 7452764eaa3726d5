import type { Rank, Seat, Team } from '@guandan/engine';
import { useEffect, useState } from 'react';
import { ScrollView, StyleSheet, Text, View } from 'react-native';
import Animated, { useAnimatedStyle, useSharedValue, withSpring } from 'react-native-reanimated';
import { useT } from '../../i18n';
import { Button } from '../../ui/Button';
import { colors, fonts } from '../../ui/theme';
import type { DealSummary as Summary, NextTribute } from '../model/deal-summary';
import { displayHand } from '../model/hand';
import { placeKey } from './SeatPlate';
import { serverNow } from '../../session/server-clock';

export interface DealSummaryProps {
  summary: Summary;
  myTeam: Team;
  /** A seat as the player knows it: 你, or 对家 / 上家 / 下家 with the name. */
  seatLabel: (seat: Seat) => string;
  /** When the next deal starts, for the countdown; null when the server does not pause. */
  nextDealAt: number | null;
  /** The band it may cover: under the header (the felt is cleared under it, the hand included). */
  top: number;
  maxHeight: number;
  width: number;
  onContinue: () => void;
}

const rankText = (rank: Rank): string => (rank === 'T' ? '10' : rank);
const teamColour = (team: Team): string => (team === 0 ? colors.team0 : colors.team1);

/** Between two deals: who went out in which place, the cards the others still held, the levels and the coming tribute. */
export function DealSummary({ summary, myTeam, seatLabel, nextDealAt, top, maxHeight, width, onContinue }: DealSummaryProps) {
  const t = useT();
  const secondsLeft = useCountdown(nextDealAt);
  const pop = useSharedValue(0.85);
  useEffect(() => {
    pop.value = withSpring(1, { damping: 12, stiffness: 160 });
  }, [pop, summary.number]);
  const popStyle = useAnimatedStyle(() => ({ transform: [{ scale: pop.value }] }));
  const teamName = (team: Team) => (team === myTeam ? t('teamUs') : t('teamThem'));
  const teams: Team[] = [myTeam, (1 - myTeam) as Team];
  const compact = maxHeight < 300;

  return (
    <View style={[styles.frame, { top, maxHeight, width, marginLeft: -width / 2 }]} testID="deal-summary" accessibilityRole="summary" accessibilityLiveRegion="polite">
      <View style={styles.head}>
        <Text style={styles.title}>{t('summary.title', { n: summary.number })}</Text>
        <Animated.Text style={[styles.rise, compact && styles.riseCompact, { color: summary.team === myTeam ? colors.gold : colors.text }, popStyle]}>
          {t('summary.rise', { team: teamName(summary.team), n: summary.rise })}
        </Animated.Text>
      </View>
      <ScrollView style={styles.body} contentContainerStyle={styles.bodyContent}>
        <View style={styles.levels} accessibilityLabel={t('summary.levels')}>
          {teams.map((team) => {
            const before = summary.levelsBefore?.[team];
            const after = summary.levelsAfter[team];
            return (
              <View key={team} style={styles.levelChip}>
                <View style={[styles.dot, { backgroundColor: teamColour(team) }]} />
                <Text style={styles.levelTeam}>{teamName(team)}</Text>
                <Text style={styles.level}>
                  {before !== undefined && before !== after ? `${rankText(before)} → ${rankText(after)}` : rankText(after)}
                </Text>
              </View>
            );
          })}
        </View>
        {summary.rows.map((row) => (
          <View key={row.seat} style={styles.row} testID={`deal-summary-seat-${row.seat}`}>
            <Text style={[styles.place, row.place === 1 && styles.first]}>{t(placeKey(row.place))}</Text>
            <View style={[styles.dot, { backgroundColor: teamColour((row.seat % 2) as Team) }]} />
            <Text style={styles.who} numberOfLines={1}>
              {seatLabel(row.seat)}
            </Text>
            <View style={styles.cards} accessibilityLabel={`${t('summary.rest')}: ${row.rest.length}`}>
              {row.rest.length === 0 ? (
                <Text style={styles.out}>{t('summary.out')}</Text>
              ) : (
                displayHand(row.rest, summary.level).map((card) => (
                  <Text key={card.key} style={[styles.card, card.red && styles.cardRed]}>
                    {card.suit === 'J' ? (card.red ? t('card.bigJoker') : t('card.smallJoker')) : `${suitSymbol(card.suit)}${card.rankLabel}`}
                  </Text>
                ))
              )}
            </View>
          </View>
        ))}
        {summary.tribute !== null && <Text style={styles.tribute}>{tributeLine(summary.tribute, seatLabel, t)}</Text>}
      </ScrollView>
      <View style={styles.foot}>
        {secondsLeft !== null && secondsLeft > 0 && <Text style={styles.countdown}>{t('summary.nextIn', { n: secondsLeft })}</Text>}
        <Button compact label={t('summary.continue')} onPress={onContinue} testID="deal-summary-continue" />
      </View>
    </View>
  );
}

const SUITS: Record<string, string> = { S: '♠', H: '♥', C: '♣', D: '♦' };
const suitSymbol = (suit: string): string => SUITS[suit] ?? suit;

function tributeLine(tribute: NextTribute, seatLabel: (seat: Seat) => string, t: ReturnType<typeof useT>): string {
  const list = (seats: Seat[]) => seats.map(seatLabel).join(t('summary.and'));
  if (tribute.kind === 'single') return t('summary.tributeSingle', { giver: seatLabel(tribute.giver), receiver: seatLabel(tribute.receiver) });
  if (tribute.kind === 'double') return t('summary.tributeDouble', { givers: list(tribute.givers) });
  return t('summary.antiTribute', { seats: list(tribute.seats) });
}

/** Whole seconds until `at`, ticking each second; null without a time. */
function useCountdown(at: number | null): number | null {
  const [now, setNow] = useState(() => serverNow());
  useEffect(() => {
    if (at === null) return;
    const timer = setInterval(() => setNow(serverNow()), 250);
    return () => clearInterval(timer);
  }, [at]);
  return at === null ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

const styles = StyleSheet.create({
  frame: {
    position: 'absolute',
    left: '50%',
    zIndex: 20,
    borderRadius: 16,
    borderWidth: 1.5,
    borderColor: colors.gold,
    backgroundColor: 'rgba(4,28,20,0.95)',
    paddingHorizontal: 14,
    paddingVertical: 10,
    gap: 6,
    shadowColor: '#000',
    shadowOpacity: 0.6,
    shadowRadius: 16,
  },
  head: { alignItems: 'center', gap: 2 },
  title: { color: colors.textDim, fontSize: 13, fontFamily: fonts.family },
  rise: { fontSize: 26, fontWeight: '700', fontFamily: fonts.family, textAlign: 'center' },
  riseCompact: { fontSize: 20 },
  body: { flexShrink: 1 },
  bodyContent: { gap: 5 },
  levels: { flexDirection: 'row', justifyContent: 'center', gap: 10, flexWrap: 'wrap' },
  levelChip: {
    flexDirection: 'row',
    alignItems: 'center',
    gap: 6,
    paddingHorizontal: 10,
    paddingVertical: 2,
    borderRadius: 12,
    backgroundColor: 'rgba(255,255,255,0.06)',
  },
  levelTeam: { color: colors.textDim, fontSize: 13, fontFamily: fonts.family },
  level: { color: colors.gold, fontSize: 16, fontWeight: '700', fontFamily: fonts.family },
  dot: { width: 10, height: 10, borderRadius: 5 },
  row: { flexDirection: 'row', alignItems: 'flex-start', gap: 8, paddingVertical: 2 },
  place: { color: colors.textDim, fontSize: 13, fontWeight: '700', width: 36, fontFamily: fonts.family, lineHeight: 20 },
  first: { color: colors.gold },
  who: { color: colors.text, fontSize: 13, width: 110, fontFamily: fonts.family, lineHeight: 20 },
  cards: { flex: 1, flexDirection: 'row', flexWrap: 'wrap', gap: 3 },
  card: {
    color: colors.cardInk,
    backgroundColor: colors.cardFace,
    fontSize: 12,
    fontWeight: '700',
    paddingHorizontal: 4,
    borderRadius: 4,
    overflow: 'hidden',
    fontFamily: fonts.family,
    lineHeight: 18,
  },
  cardRed: { color: colors.cardRed },
  out: { color: colors.textDim, fontSize: 12, fontFamily: fonts.family, lineHeight: 20 },
  tribute: { color: colors.gold, fontSize: 13, textAlign: 'center', fontFamily: fonts.family, marginTop: 2 },
  foot: { flexDirection: 'row', alignItems: 'center', justifyContent: 'flex-end', gap: 12 },
  countdown: { color: colors.textDim, fontSize: 12, fontFamily: fonts.family },
});
