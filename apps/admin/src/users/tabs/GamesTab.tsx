import { Box, type Theme, Typography, useMediaQuery } from '@mui/material';
import { Datagrid, FunctionField, Pagination, ReferenceManyField, SimpleList, useTranslate } from 'react-admin';
import { formatDateTime, formatDuration } from '../../lib/format';
import type { GameRow, UserDetailRecord } from '../../records';

/** The player's games, newest first: when, which mode, who played, and how it went for them. */
export function GamesTab({ user }: { user: UserDetailRecord }) {
  const translate = useTranslate();
  const narrow = useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'));
  const outcome = (game: GameRow) => {
    const seat = game.players.find((player) => player.user_id === user.user_id);
    if (game.winning_team === null || seat === undefined) return translate('gg.users.game_unfinished');
    return translate(seat.team === game.winning_team ? 'gg.users.game_won' : 'gg.users.game_lost');
  };
  const players = (game: GameRow) =>
    game.players
      .map((player) => `${player.username}${player.is_bot ? ` (${translate('gg.users.bot')})` : ''}`)
      .join(', ');
  const empty = (
    <Typography variant="body2" color="text.secondary">
      {translate('gg.users.no_games')}
    </Typography>
  );
  return (
    <ReferenceManyField reference="games" target="user_id" perPage={25} pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />} empty={empty}>
      {narrow ? (
        <SimpleList<GameRow>
          linkType={false}
          primaryText={(game) => `${outcome(game)} · ${game.game_mode}`}
          secondaryText={(game) => (
            <Box component="span" sx={{ overflowWrap: 'anywhere' }}>
              {players(game)}
            </Box>
          )}
          tertiaryText={(game) => formatDateTime(game.ended_at)}
        />
      ) : (
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <FunctionField<GameRow> source="ended_at" sortable={false} render={(game) => formatDateTime(game.ended_at)} />
          <FunctionField<GameRow> source="game_mode" sortable={false} render={(game) => game.game_mode} />
          <FunctionField<GameRow> source="players" sortable={false} render={players} />
          <FunctionField<GameRow> source="winning_team" sortable={false} render={outcome} />
          <FunctionField<GameRow> source="duration_ms" sortable={false} render={(game) => formatDuration(game.duration_ms)} />
        </Datagrid>
      )}
    </ReferenceManyField>
  );
}
