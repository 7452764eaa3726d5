import type { Reward } from '@guandan/protocol';
import { StyleSheet, Text, View } from 'react-native';
import { type StringKey, useLang, useT } from '../../i18n';
import { colors, fonts, monoFamily, space } from '../../ui/theme';
import { shortHex } from '../../wallet/short-hex';
import { displayAmount } from '../../wallet/token-amount';
import type { RewardStory } from './reward-story';

const STATUS: Record<Reward['status'], { label: StringKey; color: string }> = {
  pending: { label: 'reward.pending', color: colors.textDim },
  minting: { label: 'reward.minting', color: colors.team0 },
  confirmed: { label: 'reward.confirmed', color: '#8fd694' },
  failed: { label: 'reward.failed', color: '#ff8a80' },
};

/** One game's reward: the game (mode, outcome, when), the PLAY, where it stands, and its transaction once minted. */
export function RewardRow({ reward, story }: { reward: Reward; story: RewardStory | null }) {
  const t = useT();
  const lang = useLang();
  const status = STATUS[reward.status];
  const when = new Date(reward.created_at).toLocaleString(lang, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  const title = story === null ? t('wallet.rewardAGame') : `${t(`mode.${story.mode}`)} · ${t(`result.${story.outcome}`)}`;
  const details = story === null ? when : `${when} · ${t('profile.deals', { n: story.deals })}`;
  return (
    <View style={styles.row} testID={`wallet-reward-${reward.status}`}>
      <View style={styles.game}>
        <Text style={styles.title} numberOfLines={1} testID="wallet-reward-title">
          {title}
        </Text>
        <Text style={styles.when} numberOfLines={1}>
          {details}
        </Text>
      </View>
      <Text style={styles.amount}>+{displayAmount(reward.amount)}</Text>
      <View style={[styles.pill, { borderColor: status.color }]}>
        <Text style={[styles.pillText, { color: status.color }]}>{t(status.label)}</Text>
      </View>
      <Text style={styles.hash} selectable numberOfLines={1} accessibilityLabel={reward.tx_hash ?? undefined}>
        {reward.tx_hash === null ? '—' : shortHex(reward.tx_hash, 6)}
      </Text>
    </View>
  );
}

const styles = StyleSheet.create({
  row: {
    flexDirection: 'row',
    alignItems: 'center',
    gap: space(3),
    paddingVertical: space(2),
    paddingHorizontal: space(3),
    borderRadius: 10,
    backgroundColor: 'rgba(0,0,0,0.18)',
  },
  game: { flex: 1, minWidth: 0 },
  title: { color: colors.text, fontFamily: fonts.family, fontSize: 14, fontWeight: '600' },
  when: { color: colors.textDim, fontFamily: fonts.family, fontSize: 12 },
  amount: { color: colors.gold, fontFamily: fonts.family, fontSize: 16, fontWeight: '800', width: 72, textAlign: 'right' },
  pill: { borderWidth: 1, borderRadius: 10, paddingVertical: 2, paddingHorizontal: space(2), width: 68, alignItems: 'center' },
  pillText: { fontFamily: fonts.family, fontSize: 12, fontWeight: '700' },
  hash: { color: colors.textDim, fontFamily: monoFamily, fontSize: 12, width: 132, textAlign: 'right' },
});
