import { BIG_JOKER, type Card, type Rank, type Seat, SMALL_JOKER } from '@guandan/engine';
import type { GameRoom } from '@guandan/protocol';
import type { RestClient } from '@guandan/sdk';
import { ScrollView, StyleSheet, Text, View } from 'react-native';
import { type StringKey, useT } from '../../i18n';
import { Button } from '../../ui/Button';
import { FeltBackground } from '../../ui/FeltBackground';
import { useShortWindow } from '../../ui/Page';
import { Panel } from '../../ui/Panel';
import { colors, fonts, space } from '../../ui/theme';
import type { GameResult } from '../navigation';
import { errorText } from '../../session/error-text';
import { displayHand } from '../../table/model/hand';
import { cardLabel } from '../../table/model/labels';
import { seatIdentity } from '../../table/model/seat-identity';
import { usePlayAgain } from './usePlayAgain';
import { useSettlement } from './useSettlement';

export interface ResultScreenProps {
  rest: RestClient;
  result: GameResult;
  onContinue: () => void;
  onReplay: (gameId: string, seat: Seat | null) => void;
  /** 再来一局 made a new room: go to it (the waiting room, or the table if it started at once). */
  onEnterRoom: (room: GameRoom) => void;
}

const PLACE_KEYS: readonly StringKey[] = ['result.place1', 'result.place2', 'result.place3', 'result.place4'];

function signed(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}

/** After the game: won or lost, who went out in which place, the levels, and what it did to my rating and coins. */
export function ResultScreen({ rest, result, onContinue, onReplay, onEnterRoom }: ResultScreenProps) {
  const t = useT();
  const compact = useShortWindow();
  const { ended, lastDeal, players, mySeat, gameMode, before } = result;
  const settlement = useSettlement(rest, before, gameMode === 'ranked');
  const myTeam = mySeat === null ? 0 : mySeat % 2;
  const outcome = ended.winningTeam === null ? 'draw' : ended.winningTeam === myTeam ? 'win' : 'lose';
  const order = lastDeal?.order ?? ended.order[ended.order.length - 1] ?? [];
  const playAgain = usePlayAgain(rest, gameMode, ended.roomId, onEnterRoom);
  const nameOf = (seat: number) => {
    const player = players.find((candidate) => candidate.seat === seat);
    return player ? seatIdentity(player, ended.roomId, t).name : `#${seat + 1}`;
  };
  const teams = [myTeam, 1 - myTeam] as const;

  return (
    <FeltBackground testID="result-screen">
      <ScrollView contentContainerStyle={[styles.content, compact && styles.contentCompact]}>
        <View style={[styles.banner, outcome === 'win' ? styles.bannerWin : outcome === 'lose' ? styles.bannerLose : styles.bannerDraw]}>
          <Text style={[styles.bannerText, compact && styles.bannerTextCompact]} accessibilityRole="header" testID="result-outcome">
            {ended.endedEarly !== undefined ? t('result.endedEarly') : t(`result.${outcome}`)}
          </Text>
        </View>
        {ended.endedEarly !== undefined && (
          <Text style={styles.endedEarly} testID="result-ended-early">
            {t('result.endedEarlyReason', { reason: ended.endedEarly.reason })}
          </Text>
        )}
        <View style={[styles.panels, compact && styles.panelsCompact]}>
          {/* A game the operators ended before any deal was completed has no placings to show. */}
          {order.length > 0 && (
            <Panel title={t('result.order')} style={styles.panel} testID="result-order">
              {order.map((seat, place) => (
                <View key={seat} style={[styles.orderRow, seat === mySeat && styles.mine]}>
                  <Text style={[styles.place, place === 0 && styles.first]}>{t(PLACE_KEYS[place] ?? 'result.place4')}</Text>
                  <View style={[styles.teamDot, { backgroundColor: seat % 2 === 0 ? colors.team0 : colors.team1 }]} />
                  <Text style={styles.name} numberOfLines={1}>
                    {nameOf(seat)}
                  </Text>
                  {lastDeal !== null && <RestCards cards={lastDeal.restCards.find((entry) => entry.seat === seat)?.cards ?? []} level={lastDeal.level} />}
                </View>
              ))}
            </Panel>
          )}
          <Panel title={t('result.levels')} style={styles.panel}>
            {teams.map((team) => {
              const rise = lastDeal !== null && lastDeal.team === team ? lastDeal.rise : 0;
              return (
                <View key={team} style={styles.levelRow}>
                  <View style={[styles.teamDot, { backgroundColor: team === 0 ? colors.team0 : colors.team1 }]} />
                  <Text style={styles.teamName}>{team === myTeam ? t('result.us') : t('result.them')}</Text>
                  <Text style={styles.level}>{ended.levels[team] === 'T' ? '10' : ended.levels[team]}</Text>
                  {rise > 0 && <Text style={styles.rise}>▲ {t('result.rise', { n: rise })}</Text>}
                </View>
              );
            })}
            <View style={styles.divider} />
            {gameMode === 'ranked' && (
              <View style={styles.levelRow}>
                <Text style={styles.teamName}>{t('result.rating')}</Text>
                <Text style={[styles.delta, (settlement.ratingDelta ?? 0) < 0 && styles.negative]} testID="result-rating">
                  {!settlement.settled ? t('result.settling') : settlement.ratingDelta === null ? '—' : signed(settlement.ratingDelta)}
                </Text>
              </View>
            )}
            <View style={styles.levelRow}>
              <Text style={styles.teamName}>{t('result.coins')}</Text>
              <Text style={[styles.delta, (settlement.coinsDelta ?? 0) < 0 && styles.negative]} testID="result-coins">
                {!settlement.settled ? t('result.settling') : settlement.coinsDelta === null ? '—' : signed(settlement.coinsDelta)}
              </Text>
            </View>
          </Panel>
        </View>
        {playAgain.failure !== null && (
          <Text style={styles.error} accessibilityRole="alert">
            {t('result.playAgainFailed', { reason: errorText(t, playAgain.failure) })}
          </Text>
        )}
        <View style={styles.actions}>
          <Button label={t('result.replay')} kind="secondary" onPress={() => onReplay(ended.gameId, mySeat)} testID="result-replay" />
          <Button label={t('result.continue')} kind="secondary" onPress={onContinue} testID="result-continue" />
          <Button label={t('result.playAgain')} onPress={playAgain.start} disabled={playAgain.busy} testID="result-play-again" />
        </View>
      </ScrollView>
    </FeltBackground>
  );
}

/** The cards a seat still held when the last deal ended, highest first. */
function RestCards({ cards, level }: { cards: readonly Card[]; level: Rank }) {
  const t = useT();
  if (cards.length === 0) return null;
  const label = (card: Card) => (card === BIG_JOKER ? t('card.bigJoker') : card === SMALL_JOKER ? t('card.smallJoker') : cardLabel(card));
  return (
    <Text style={styles.rest} numberOfLines={2} testID="result-rest-cards">
      {displayHand(cards, level)
        .map((card) => label(card.card))
        .join(' ')}
    </Text>
  );
}

const styles = StyleSheet.create({
  content: { flexGrow: 1, alignItems: 'center', justifyContent: 'center', padding: space(6), gap: space(5) },
  contentCompact: { padding: space(3), gap: space(2.5) },
  banner: { paddingHorizontal: space(12), paddingVertical: space(2), borderRadius: 40, borderWidth: 2 },
  bannerWin: { backgroundColor: 'rgba(232, 195, 90, 0.18)', borderColor: colors.gold },
  bannerLose: { backgroundColor: 'rgba(120, 130, 140, 0.18)', borderColor: '#8a9aa4' },
  bannerDraw: { backgroundColor: 'rgba(74, 163, 223, 0.18)', borderColor: colors.team0 },
  endedEarly: { color: colors.text, fontFamily: fonts.family, fontSize: 15, textAlign: 'center', maxWidth: 560 },
  bannerText: {
    color: colors.gold,
    fontFamily: fonts.family,
    fontSize: 56,
    fontWeight: '700',
    letterSpacing: 6,
    textShadowColor: 'rgba(0,0,0,0.5)',
    textShadowOffset: { width: 0, height: 3 },
    textShadowRadius: 8,
  },
  bannerTextCompact: { fontSize: 34 },
  panels: { flexDirection: 'row', gap: space(4), flexWrap: 'wrap', justifyContent: 'center' },
  panelsCompact: { gap: space(3), flexWrap: 'nowrap' },
  panel: { width: 320, gap: space(1.5) },
  orderRow: { flexDirection: 'row', alignItems: 'center', gap: space(2), paddingVertical: space(1), paddingHorizontal: space(2), borderRadius: 8 },
  mine: { backgroundColor: 'rgba(232, 195, 90, 0.12)' },
  place: { color: colors.textDim, fontFamily: fonts.family, fontSize: 14, width: 44, fontWeight: '700' },
  first: { color: colors.gold },
  teamDot: { width: 10, height: 10, borderRadius: 5 },
  name: { fontFamily: fonts.family, flex: 1, color: colors.text, fontSize: 15 },
  rest: { fontFamily: fonts.family, color: colors.textDim, fontSize: 12, maxWidth: 150, textAlign: 'right' },
  levelRow: { flexDirection: 'row', alignItems: 'center', gap: space(2), paddingVertical: space(0.5) },
  teamName: { flex: 1, color: colors.text, fontFamily: fonts.family, fontSize: 15 },
  level: { color: colors.gold, fontFamily: fonts.family, fontSize: 22, fontWeight: '800', minWidth: 28, textAlign: 'center' },
  rise: { color: '#7ee08a', fontFamily: fonts.family, fontSize: 13 },
  divider: { height: 1, backgroundColor: colors.panelBorder, marginVertical: space(1) },
  delta: { color: '#7ee08a', fontFamily: fonts.family, fontSize: 18, fontWeight: '700' },
  negative: { color: '#ff8a80' },
  actions: { flexDirection: 'row', gap: space(4), flexWrap: 'wrap', justifyContent: 'center' },
  error: { color: '#ff8a80', fontFamily: fonts.family, fontSize: 14, textAlign: 'center' },
});
