import type { Friend } from '@guandan/protocol';
import type { RestClient } from '@guandan/sdk';
import { useCallback, useEffect, useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { useT } from '../../i18n';
import { errorText } from '../../session/error-text';
import { Button } from '../../ui/Button';
import { Panel } from '../../ui/Panel';
import { TextField } from '../../ui/TextField';
import { colors, fonts, space } from '../../ui/theme';

/** Online friends first, then pending requests; add a friend by username. */
function byPresence(a: Friend, b: Friend): number {
  const weight = (friend: Friend) => (friend.status === 'incoming' ? 0 : friend.status === 'accepted' ? (friend.online ? 1 : 2) : 3);
  return weight(a) - weight(b) || a.user.username.localeCompare(b.user.username);
}

/** The friends list with online dots, incoming requests to accept, and adding a friend by username. */
export function FriendsPanel({ rest }: { rest: RestClient }) {
  const t = useT();
  const [friends, setFriends] = useState<Friend[]>([]);
  const [name, setName] = useState('');
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);

  const load = useCallback(() => {
    rest
      .friends()
      .then((list) => setFriends([...list].sort(byPresence)))
      .catch(() => undefined);
  }, [rest]);

  useEffect(() => {
    load();
    // Presence changes while the lobby is open; a slow poll keeps the dots honest without a realtime channel for it.
    const timer = setInterval(load, 15_000);
    return () => clearInterval(timer);
  }, [load]);

  const add = async () => {
    const username = name.trim();
    if (username.length < 2) return;
    try {
      await rest.requestFriend({ username });
      setName('');
      setNotice({ text: t('lobby.requestSent'), error: false });
      load();
    } catch (error) {
      setNotice({ text: errorText(t, error), error: true });
    }
  };

  const accept = async (userId: string) => {
    try {
      await rest.acceptFriend(userId);
      load();
    } catch (error) {
      setNotice({ text: errorText(t, error), error: true });
    }
  };

  return (
    <Panel title={t('lobby.friends')} style={styles.panel} testID="friends-panel">
      <View style={styles.addRow}>
        <View style={styles.field}>
          <TextField placeholder={t('lobby.friendName')} value={name} onChangeText={setName} onSubmitEditing={() => void add()} maxLength={24} compact testID="friend-name" />
        </View>
        <Button label={t('lobby.addFriend')} onPress={() => void add()} compact kind="secondary" testID="friend-add" />
      </View>
      {notice !== null && <Text style={[styles.notice, notice.error && styles.noticeError]}>{notice.text}</Text>}
      {friends.length === 0 && <Text style={styles.empty}>{t('lobby.noFriends')}</Text>}
      {friends.map((friend) => (
        <View key={friend.user.user_id} style={styles.friend}>
          <View
            style={[styles.dot, friend.online && friend.status === 'accepted' && styles.dotOnline]}
            accessibilityLabel={friend.online ? t('lobby.online') : t('lobby.offline')}
          />
          <Text style={styles.name} numberOfLines={1}>
            {friend.user.username}
          </Text>
          {friend.status === 'incoming' && (
            <>
              <Text style={styles.status}>{t('lobby.incoming')}</Text>
              <Button label={t('lobby.accept')} onPress={() => void accept(friend.user.user_id)} compact />
            </>
          )}
          {friend.status === 'outgoing' && <Text style={styles.status}>{t('lobby.outgoing')}</Text>}
          {friend.status === 'accepted' && <Text style={styles.status}>{friend.online ? t('lobby.online') : t('lobby.offline')}</Text>}
        </View>
      ))}
    </Panel>
  );
}

const styles = StyleSheet.create({
  panel: { flex: 1 },
  addRow: { flexDirection: 'row', gap: space(2), alignItems: 'center' },
  field: { flex: 1 },
  notice: { color: colors.gold, fontFamily: fonts.family, fontSize: 13 },
  noticeError: { color: '#ff8a80' },
  empty: { color: colors.textDim, fontFamily: fonts.family, fontSize: 13 },
  friend: { flexDirection: 'row', alignItems: 'center', gap: space(2), paddingVertical: space(1) },
  dot: { width: 9, height: 9, borderRadius: 5, backgroundColor: '#5b6b64' },
  dotOnline: { backgroundColor: '#4cd964', shadowColor: '#4cd964', shadowOpacity: 0.8, shadowRadius: 4 },
  name: { fontFamily: fonts.family, flex: 1, color: colors.text, fontSize: 14 },
  status: { color: colors.textDim, fontFamily: fonts.family, fontSize: 12 },
});
