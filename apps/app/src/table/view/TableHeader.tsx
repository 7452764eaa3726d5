import type { Rank, Team } from '@guandan/engine';
import type { ReactNode } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { useT } from '../../i18n';
import { Button } from '../../ui/Button';
import { colors, fonts } from '../../ui/theme';

export interface TableHeaderProps {
  height: number;
  /** 2 on a narrow screen: the levels on the first line, the tools on the second. */
  rows: 1 | 2;
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
  /** Opens the keyboard help; no button without it (phones have no keyboard). */
  onHelp?: () => void;
  /** The sound switch (src/sound/MuteSwitch), shown among the tools. */
  soundSwitch?: ReactNode;
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
  const twoRows = props.rows === 2;
  const buttons = (
    <>
      <Button compact kind={props.trackerOpen ? 'primary' : 'secondary'} label={t('tracker')} testID="table-tracker" onPress={props.onTracker} />
      <Button compact kind="secondary" label={t('chat')} testID="table-chat" onPress={props.onChat} />
      <Button
        compact
        kind={props.autoPlay ? 'primary' : 'secondary'}
        label={props.autoPlay ? t('autoPlayOff') : t('autoPlay')}
        testID="table-autoplay"
        onPress={props.onAutoPlay}
      />
      {props.soundSwitch}
      {props.onHelp && <Button compact kind="secondary" label="?" accessibilityLabel={t('keys.open')} testID="table-help-open" onPress={props.onHelp} />}
      <Button compact kind="danger" label={t('leaveTable')} testID="table-quit" onPress={props.onQuit} />
    </>
  );
  const levelRow = (
    <View testID="table-levels" style={[styles.levels, twoRows && styles.levelsNarrow]}>
      {levels && (
        <>
          <LevelChip label={t('teamUs')} level={rankText(levels[myTeam])} colour={myTeam === 0 ? colors.team0 : colors.team1} active={levelTeam === myTeam} compact={compact} />
          <LevelChip label={t('teamThem')} level={rankText(levels[theirTeam])} colour={theirTeam === 0 ? colors.team0 : colors.team1} active={levelTeam === theirTeam} compact={compact} />
        </>
      )}
      {playing && (
        <Text style={[styles.playing, compact && styles.small]} numberOfLines={1}>
          {/* The level being played first: on a narrow screen the deal number is what gets cut. */}
          {playing}
          {props.dealNumber !== null ? ` · ${t('dealNumber', { n: props.dealNumber })}` : ''}
        </Text>
      )}
    </View>
  );
  // A narrow header wraps its levels and buttons over two lines (the levels first, the buttons to the right), so
  // every button stays on screen whatever the labels' lengths in either language.
  return (
    <View testID="table-header" style={[styles.header, twoRows && styles.headerNarrow, { height: props.height }]}>
      {levelRow}
      {twoRows ? buttons : <View style={styles.tools}>{buttons}</View>}
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
  headerNarrow: { flexWrap: 'wrap', alignContent: 'space-evenly', justifyContent: 'flex-end', columnGap: 6, paddingHorizontal: 6 },
  levels: { flexDirection: 'row', alignItems: 'center', gap: 8, flexShrink: 1 },
  levelsNarrow: { gap: 6, flexGrow: 1 },
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
