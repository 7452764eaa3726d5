import type { RewardEarnedPayload } from '@guandan/protocol';
import type { RealtimeClient } from '@guandan/sdk';
import { useEffect, useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { useT } from '../../i18n';
import { colors, fonts, space } from '../../ui/theme';
import { displayAmount } from '../../wallet/token-amount';

const SHOWN_MS = 5000;

/**
 * "+3 PLAY received" for a few seconds when a game's reward is minted (REWARD_EARNED). It comes seconds after the
 * game, when the player is on the results or back in the lobby, so it floats over whatever screen is open.
 */
export function RewardToast({ realtime }: { realtime: RealtimeClient }) {
  const t = useT();
  const [reward, setReward] = useState<RewardEarnedPayload | null>(null);
  useEffect(() => realtime.on('REWARD_EARNED', (message) => setReward(message.payload)), [realtime]);
  useEffect(() => {
    if (reward === null) return;
    const timer = setTimeout(() => setReward(null), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [reward]);
  if (reward === null) return null;
  return (
    <View style={styles.toast} pointerEvents="none" accessibilityLiveRegion="polite" testID="reward-toast">
      <View style={styles.coin}>
        <Text style={styles.coinText}>P</Text>
      </View>
      <Text style={styles.text}>{t('wallet.rewardEarned', { amount: displayAmount(reward.amount) })}</Text>
    </View>
  );
}

const styles = StyleSheet.create({
  toast: {
    position: 'absolute',
    bottom: space(6),
    alignSelf: 'center',
    flexDirection: 'row',
    alignItems: 'center',
    gap: space(2),
    paddingVertical: space(2.5),
    paddingHorizontal: space(5),
    borderRadius: 24,
    borderWidth: 1,
    borderColor: colors.goldDark,
    backgroundColor: 'rgba(6, 34, 25, 0.95)',
    shadowColor: '#000',
    shadowOpacity: 0.4,
    shadowRadius: 12,
    shadowOffset: { width: 0, height: 6 },
  },
  coin: { width: 24, height: 24, borderRadius: 12, backgroundColor: colors.gold, alignItems: 'center', justifyContent: 'center' },
  coinText: { color: '#1d1600', fontFamily: fonts.family, fontSize: 13, fontWeight: '800' },
  text: { color: colors.gold, fontFamily: fonts.family, fontSize: 16, fontWeight: '700' },
});
