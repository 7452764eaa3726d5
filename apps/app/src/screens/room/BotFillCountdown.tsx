import { useEffect, useState } from 'react';
import { StyleSheet, Text } from 'react-native';
import { useT } from '../../i18n';
import { colors, fonts, space } from '../../ui/theme';
import { serverNow } from '../../session/server-clock';

/**
 * The seconds until bots take the open seats of a matchmade room (the server's fill time, from the room), so the
 * wait has an end the player can see.
 */
export function BotFillCountdown({ at }: { at: number }) {
  const t = useT();
  const [now, setNow] = useState(() => serverNow());
  useEffect(() => {
    const timer = setInterval(() => setNow(serverNow()), 250);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.ceil((at - now) / 1000));
  return (
    <Text style={styles.countdown} testID="room-bot-countdown" accessibilityLiveRegion="polite">
      {seconds > 0 ? t('room.botFillIn', { n: seconds }) : t('room.botFillNow')}
    </Text>
  );
}

const styles = StyleSheet.create({
  countdown: { color: colors.gold, fontFamily: fonts.family, fontSize: 15, fontWeight: '700', marginTop: space(2), textAlign: 'center' },
});
