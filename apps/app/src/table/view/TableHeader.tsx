import type { Rank, Team } from '@guandan/engine';
import { StyleSheet, Text, View } from 'react-native';
import { useT } from '../../i18n';
import { Button } from '../../ui/Button';
import { colors, fonts } from '../../ui/theme';

export interface TableHeaderProps {
  height: number;
  myTeam: Team;
  levels: [Rank, Rank] | null;
  level: Rank | null;
  levelTeam: Team | null;
  dealNumber: number | null;
  autoPlay: boolean;
  trackerOpen: boolean;
  compact: boolean;
  onTracker: () => void;
  onChat: () => void;
  onAutoPlay: () => void;
  onQuit: () => void;
}

const rankText = (rank: Rank): string => (rank === 'T' ? '10' : rank);

/** Both teams' levels, the level being played and whose it is, and the table's tools. */
export function TableHeader(props: TableHeaderProps) {
  const t = useT();
  const { levels, myTeam, level, levelTeam, compact } = props;
  const theirTeam = (1 - myTeam) as Team;
  const playing =
    level === null
      ? null
      : levelTeam === null
        ? t('levelOf', { level: rankText(level) })
        : levelTeam === myTeam
          ? t('levelTeamUs', { level: rankText(level) })
          : t('levelTeamThem', { level: rankText(level) });
  return (
    <View style={[styles.header, { height: props.height }]}>
      <View style={styles.levels}>
        {levels && (
          <>
            <LevelChip label={t('teamUs')} level={rankText(levels[myTeam])} colour={myTeam === 0 ? colors.team0 : colors.team1} active={levelTeam === myTeam} compact={compact} />
            <LevelChip label={t('teamThem')} level={rankText(levels[theirTeam])} colour={theirTeam === 0 ? colors.team0 : colors.team1} active={levelTeam === theirTeam} compact={compact} />
          </>
        )}
        {playing && (
          <Text style={[styles.playing, compact && styles.small]} numberOfLines={1}>
            {props.dealNumber !== null ? `${t('dealNumber', { n: props.dealNumber })} · ` : ''}
            {playing}
          </Text>
        )}
      </View>
      <View style={styles.tools}>
        <Button compact kind={props.trackerOpen ? 'primary' : 'secondary'} label={t('tracker')} testID="table-tracker" onPress={props.onTracker} />
        <Button compact kind="secondary" label={t('chat')} testID="table-chat" onPress={props.onChat} />
        <Button
          compact
          kind={props.autoPlay ? 'primary' : 'secondary'}
          label={props.autoPlay ? t('autoPlayOff') : t('autoPlay')}
          testID="table-autoplay"
          onPress={props.onAutoPlay}
        />
        <Button compact kind="danger" label={t('quit')} testID="table-quit" onPress={props.onQuit} />
      </View>
    </View>
  );
}

function LevelChip({ label, level, colour, active, compact }: { label: string; level: string; colour: string; active: boolean; compact: boolean }) {
  return (
    <View style={[styles.chip, { borderColor: active ? colors.gold : 'rgba(255,255,255,0.15)' }]}>
      <View style={[styles.dot, { backgroundColor: colour }]} />
      <Text style={[styles.chipLabel, compact && styles.small]}>{label}</Text>
      <Text style={[styles.chipLevel, compact && styles.chipLevelCompact]}>{level}</Text>
    </View>
  );
}

const styles = StyleSheet.create({
  header: {
    position: 'absolute',
    left: 0,
    right: 0,
    top: 0,
    flexDirection: 'row',
    alignItems: 'center',
    justifyContent: 'space-between',
    paddingHorizontal: 12,
    backgroundColor: 'rgba(3,24,17,0.72)',
    borderBottomWidth: 1,
    borderBottomColor: 'rgba(232,195,90,0.35)',
  },
  levels: { flexDirection: 'row', alignItems: 'center', gap: 8, flexShrink: 1 },
  chip: {
    flexDirection: 'row',
    alignItems: 'center',
    gap: 6,
    paddingHorizontal: 10,
    paddingVertical: 2,
    borderRadius: 14,
    borderWidth: 1,
    backgroundColor: 'rgba(255,255,255,0.06)',
  },
  dot: { width: 10, height: 10, borderRadius: 5 },
  chipLabel: { color: colors.textDim, fontSize: 13, fontFamily: fonts.family },
  chipLevel: { color: colors.gold, fontSize: 18, fontWeight: '700', fontFamily: fonts.family },
  chipLevelCompact: { fontSize: 15 },
  playing: { color: colors.text, fontSize: 14, marginLeft: 6, fontFamily: fonts.family },
  small: { fontSize: 12 },
  tools: { flexDirection: 'row', gap: 8 },
});
