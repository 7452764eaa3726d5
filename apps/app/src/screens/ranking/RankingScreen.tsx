import type { RankingEntry, User } from '@guandan/protocol';
import type { Board, RestClient } from '@guandan/sdk';
import { useEffect, useState } from 'react';
import { Pressable, StyleSheet, Text, useWindowDimensions, View } from 'react-native';
import { type StringKey, useT } from '../../i18n';
import { errorText } from '../../session/error-text';
import { Button } from '../../ui/Button';
import { Page } from '../../ui/Page';
import { Panel } from '../../ui/Panel';
import { colors, fonts, space } from '../../ui/theme';
import { RankingHeader, RankingRow } from './RankingRow';

const BOARDS: readonly { board: Board; label: StringKey }[] = [
  { board: 'global', label: 'ranking.global' },
  { board: 'weekly', label: 'ranking.weekly' },
  { board: 'monthly', label: 'ranking.monthly' },
];
const PAGE_SIZE = 20;
const AROUND_SPAN = 3;

/** The leaderboards: a tab per window, a page of the board, and the rows around my own place. */
export function RankingScreen({ rest, me }: { rest: RestClient; me: User }) {
  const t = useT();
  const { width } = useWindowDimensions();
  const [board, setBoard] = useState<Board>('global');
  const [page, setPage] = useState(1);
  const [entries, setEntries] = useState<RankingEntry[] | null>(null);
  const [aroundMe, setAroundMe] = useState<RankingEntry[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    setEntries(null);
    setError(null);
    rest
      .ranking(board, page, PAGE_SIZE)
      .then((list) => alive && setEntries(list))
      .catch((failure: unknown) => alive && setError(errorText(t, failure)));
    return () => {
      alive = false;
    };
  }, [rest, board, page, t]);

  useEffect(() => {
    let alive = true;
    rest
      .call<RankingEntry[]>('GET', `/ranking/${board}/around-me?span=${AROUND_SPAN}`)
      .then((list) => alive && setAroundMe(list))
      .catch(() => alive && setAroundMe([]));
    return () => {
      alive = false;
    };
  }, [rest, board]);

  const choose = (next: Board) => {
    setBoard(next);
    setPage(1);
  };

  const header = <RankingHeader rank={t('ranking.rank')} player={t('ranking.player')} wins={t('ranking.wins')} score={t('ranking.score')} />;

  return (
    <Page testID="ranking-screen" maxWidth={1100}>
      <View style={styles.tabs} accessibilityRole="tablist">
        {BOARDS.map((tab) => {
          const selected = tab.board === board;
          return (
            <Pressable
              key={tab.board}
              accessibilityRole="tab"
              accessibilityLabel={t(tab.label)}
              accessibilityState={{ selected }}
              testID={`ranking-tab-${tab.board}`}
              onPress={() => choose(tab.board)}
              style={[styles.tab, selected && styles.tabSelected]}
            >
              <Text style={[styles.tabText, selected && styles.tabTextSelected]}>{t(tab.label)}</Text>
            </Pressable>
          );
        })}
      </View>
      <View style={[styles.columns, width < 900 && styles.columnsStacked]}>
        <Panel style={styles.board}>
          {header}
          {error !== null && <Text style={styles.error}>{error}</Text>}
          {entries === null && error === null && <Text style={styles.dim}>{t('common.loading')}</Text>}
          {entries !== null && entries.length === 0 && <Text style={styles.dim}>{t('ranking.empty')}</Text>}
          {entries?.map((entry) => <RankingRow key={entry.user_id} entry={entry} mine={entry.user_id === me.user_id} />)}
          <View style={styles.pager}>
            <Button label={t('ranking.prev')} kind="secondary" compact disabled={page === 1} onPress={() => setPage(page - 1)} testID="ranking-prev" />
            <Text style={styles.dim}>{t('ranking.page', { n: page })}</Text>
            <Button
              label={t('ranking.next')}
              kind="secondary"
              compact
              disabled={entries === null || entries.length < PAGE_SIZE}
              onPress={() => setPage(page + 1)}
              testID="ranking-next"
            />
          </View>
        </Panel>
        <Panel title={t('ranking.aroundMe')} style={styles.around}>
          {aroundMe.length === 0 ? (
            <Text style={styles.dim}>{t('ranking.unranked')}</Text>
          ) : (
            <>
              {header}
              {aroundMe.map((entry) => (
                <RankingRow key={entry.user_id} entry={entry} mine={entry.user_id === me.user_id} />
              ))}
            </>
          )}
        </Panel>
      </View>
    </Page>
  );
}

const styles = StyleSheet.create({
  tabs: { flexDirection: 'row', gap: space(2) },
  tab: { paddingVertical: space(2), paddingHorizontal: space(5), borderRadius: 18, borderWidth: 1, borderColor: colors.panelBorder },
  tabSelected: { backgroundColor: colors.gold, borderColor: colors.goldDark },
  tabText: { color: colors.text, fontFamily: fonts.family, fontSize: 15 },
  tabTextSelected: { color: '#2a1d00', fontWeight: '700' },
  columns: { flexDirection: 'row', gap: space(4), alignItems: 'flex-start' },
  columnsStacked: { flexDirection: 'column', alignItems: 'stretch' },
  board: { flex: 3, gap: space(1), alignSelf: 'stretch' },
  around: { flex: 2, gap: space(1), minWidth: 260 },
  pager: { flexDirection: 'row', alignItems: 'center', justifyContent: 'center', gap: space(4), marginTop: space(2) },
  dim: { color: colors.textDim, fontFamily: fonts.family, fontSize: 14 },
  error: { color: '#ff8a80', fontFamily: fonts.family, fontSize: 14 },
});
