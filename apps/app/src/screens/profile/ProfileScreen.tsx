import type { Seat } from '@guandan/engine';
import type { GameRecord, User } from '@guandan/protocol';
import type { RestClient } from '@guandan/sdk';
import { useEffect, useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { useT } from '../../i18n';
import { Page } from '../../ui/Page';
import { Panel } from '../../ui/Panel';
import { colors, fonts, space } from '../../ui/theme';
import { RecordRow } from './RecordRow';
import { StatTile } from './StatTile';

export interface ProfileScreenProps {
  rest: RestClient;
  me: User;
  onRefreshUser: () => void;
  onOpenReplay: (gameId: string, seat: Seat | null) => void;
}

/** My statistics, rating and coins, and my recent games with their replays. */
export function ProfileScreen({ rest, me, onRefreshUser, onOpenReplay }: ProfileScreenProps) {
  const t = useT();
  const [rating, setRating] = useState<number | null>(null);
  const [records, setRecords] = useState<GameRecord[] | null>(null);

  useEffect(() => {
    onRefreshUser();
    rest
      .myRating()
      .then((mine) => setRating(Math.round(mine.rating)))
      .catch(() => undefined);
    rest
      .records(1, 20)
      .then(setRecords)
      .catch(() => setRecords([]));
  }, [rest, onRefreshUser]);

  const games = me.total_wins + me.total_losses;
  const winRate = games === 0 ? '—' : `${Math.round((me.total_wins / games) * 100)}%`;

  return (
    <Page testID="profile-screen" maxWidth={1000}>
      <View style={styles.header}>
        <View style={styles.avatar}>
          <Text style={styles.avatarText}>{me.username.slice(0, 1).toUpperCase()}</Text>
        </View>
        <View>
          <Text style={styles.name}>{me.username}</Text>
          <Text style={styles.sub}>{me.is_guest ? t('profile.guest') : (me.email ?? '')}</Text>
        </View>
      </View>
      <View style={styles.stats}>
        <StatTile label={t('profile.games')} value={String(games)} testID="profile-games" />
        <StatTile label={t('profile.wins')} value={String(me.total_wins)} />
        <StatTile label={t('profile.winRate')} value={winRate} />
        <StatTile label={t('profile.score')} value={String(me.total_score)} />
        <StatTile label={t('profile.rating')} value={rating === null ? '—' : String(rating)} />
        <StatTile label={t('profile.coins')} value={me.game_coin_balance.toLocaleString()} />
      </View>
      <Panel title={t('profile.records')} style={styles.records}>
        {records === null && <Text style={styles.sub}>{t('common.loading')}</Text>}
        {records !== null && records.length === 0 && <Text style={styles.sub}>{t('profile.noRecords')}</Text>}
        {records?.map((record, index) => (
          <RecordRow key={record.game_id} record={record} myUserId={me.user_id} index={index} onOpen={onOpenReplay} />
        ))}
      </Panel>
    </Page>
  );
}

const styles = StyleSheet.create({
  header: { flexDirection: 'row', alignItems: 'center', gap: space(4) },
  avatar: { width: 64, height: 64, borderRadius: 32, backgroundColor: colors.team0, alignItems: 'center', justifyContent: 'center', borderWidth: 2, borderColor: colors.gold },
  avatarText: { fontFamily: fonts.family, color: '#fff', fontSize: 28, fontWeight: '800' },
  name: { fontFamily: fonts.family, color: colors.text, fontSize: 24, fontWeight: '700' },
  sub: { color: colors.textDim, fontFamily: fonts.family, fontSize: 13 },
  stats: { flexDirection: 'row', gap: space(3), flexWrap: 'wrap' },
  records: { gap: space(2) },
});
