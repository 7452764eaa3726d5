import type { GameRecord, Reward } from '@guandan/protocol';
import { StyleSheet, Text } from 'react-native';
import { useT } from '../../i18n';
import { Panel } from '../../ui/Panel';
import { colors, fonts } from '../../ui/theme';
import { rewardStory } from './reward-story';
import { RewardRow } from './RewardRow';

export interface RewardsPanelProps {
  rewards: Reward[] | null;
  /** The player's game records, to name each rewarded game. */
  records: readonly GameRecord[];
  userId: string;
}

/** The account's PLAY rewards, newest first (the server keeps the last 100). */
export function RewardsPanel({ rewards, records, userId }: RewardsPanelProps) {
  const t = useT();
  return (
    <Panel title={t('wallet.rewards')} style={styles.panel} testID="wallet-rewards">
      {rewards === null && <Text style={styles.dim}>{t('common.loading')}</Text>}
      {rewards !== null && rewards.length === 0 && <Text style={styles.dim}>{t('wallet.noRewards')}</Text>}
      {rewards?.map((reward) => <RewardRow key={reward.game_id} reward={reward} story={rewardStory(reward.game_id, records, userId)} />)}
    </Panel>
  );
}

const styles = StyleSheet.create({
  panel: { alignSelf: 'stretch' },
  dim: { color: colors.textDim, fontFamily: fonts.family, fontSize: 14 },
});
