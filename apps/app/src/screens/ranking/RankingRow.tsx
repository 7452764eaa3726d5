import type { RankingEntry } from '@guandan/protocol';
import { StyleSheet, Text, View } from 'react-native';
import { colors, fonts, space } from '../../ui/theme';

const MEDALS = ['#e8c35a', '#c9d1d6', '#cd8a4e'];

/** One line of a leaderboard; the top three get medal colours, my own line is highlighted. */
export function RankingRow({ entry, mine }: { entry: RankingEntry; mine: boolean }) {
  const medal = MEDALS[entry.rank - 1];
  return (
    <View style={[styles.row, mine && styles.mine]} testID={mine ? 'ranking-me' : undefined}>
      <View style={[styles.rankBadge, medal !== undefined && { backgroundColor: medal }]}>
        <Text style={[styles.rank, medal !== undefined && styles.medalRank]}>{entry.rank}</Text>
      </View>
      <Text style={styles.name} numberOfLines={1}>
        {entry.username}
      </Text>
      <Text style={styles.number}>{entry.wins}</Text>
      <Text style={[styles.number, styles.score]}>{entry.score}</Text>
    </View>
  );
}

/** The column titles, aligned with the rows. */
export function RankingHeader({ rank, player, wins, score }: { rank: string; player: string; wins: string; score: string }) {
  return (
    <View style={[styles.row, styles.header]}>
      <Text style={[styles.headerText, styles.rankBadgeHeader]}>{rank}</Text>
      <Text style={[styles.headerText, styles.name]}>{player}</Text>
      <Text style={[styles.headerText, styles.number]}>{wins}</Text>
      <Text style={[styles.headerText, styles.number]}>{score}</Text>
    </View>
  );
}

const styles = StyleSheet.create({
  row: { flexDirection: 'row', alignItems: 'center', gap: space(3), paddingVertical: space(1.5), paddingHorizontal: space(3), borderRadius: 8 },
  mine: { backgroundColor: 'rgba(232, 195, 90, 0.16)' },
  header: { paddingVertical: space(1) },
  headerText: { color: colors.textDim, fontFamily: fonts.family, fontSize: 12 },
  rankBadge: { width: 30, height: 30, borderRadius: 15, alignItems: 'center', justifyContent: 'center', backgroundColor: 'rgba(255,255,255,0.06)' },
  rankBadgeHeader: { width: 30, textAlign: 'center' },
  rank: { color: colors.text, fontFamily: fonts.family, fontSize: 13, fontWeight: '700' },
  medalRank: { color: '#241800' },
  name: { fontFamily: fonts.family, flex: 1, color: colors.text, fontSize: 15 },
  number: { width: 64, textAlign: 'right', color: colors.textDim, fontFamily: fonts.family, fontSize: 14 },
  score: { color: colors.gold, fontWeight: '700' },
});
