import { Alert, Box, Button, CircularProgress, Stack, Typography } from '@mui/material';
import { Link, useParams } from 'react-router';
import { Title, useGetOne, useTranslate } from 'react-admin';
import { isApiError } from '../api/api-error';
import { RequireAccess } from '../common/RequireAccess';
import { isWatchedTable, nextWatchRead, seatsAtTable, type WatchEnd, watchEnd } from '../lib/table-view';
import type { WatchedTableRecord } from '../records';
import { EndTableButton } from './EndTableButton';
import { SeatPanel } from './SeatPanel';
import { TableFacts } from './TableFacts';

/**
 * One live table with every hand, read again every couple of seconds while it plays (`nextWatchRead`). The server
 * audits watching (every hand is private to its player). Once the table plays no more (its match is over, or an
 * operator ended it) reading stops and the page says why; NOT_FOUND (no such table) stops it the same way.
 */
export function TableWatch() {
  return (
    <RequireAccess resource="tables" action="show">
      <WatchPage />
    </RequireAccess>
  );
}

function WatchPage() {
  const translate = useTranslate();
  const { id = '' } = useParams<'id'>();
  const { data, error, dataUpdatedAt } = useGetOne<WatchedTableRecord>(
    'tables',
    { id },
    { refetchInterval: (query) => nextWatchRead(query.state.error, query.state.data), retry: false },
  );
  const gone = isApiError(error) && error.status === 404;
  const end = watchEnd(error, data);
  // The list puts its summaries (without hands) where this page reads: those wait for the table itself.
  const table = isWatchedTable(data) ? data : undefined;
  return (
    <Box data-testid="table-watch" sx={{ minWidth: 0, mt: { xs: 1, sm: 2 } }}>
      <Title title={translate('gg.tables.watch_title')} />
      <Stack spacing={2}>
        <Alert data-testid="watch-audited" severity="info">
          {translate('gg.tables.audited')} {end === null && translate('gg.tables.read_again')}
        </Alert>
        {end !== null && <WatchEndAlert end={end} />}
        {error !== null && !gone && (
          <Alert data-testid="watch-error" severity="error">
            {translate(error.message, { _: error.message })}
            {/* The server says why (seated at this table, for one): more useful than the code's general words. */}
            {isApiError(error) && error.serverMessage !== error.message && (
              <Typography variant="caption" component="p">
                {error.serverMessage}
              </Typography>
            )}
          </Alert>
        )}
        {table === undefined ? (
          error === null && <CircularProgress aria-label={translate('ra.page.loading')} />
        ) : (
          <WatchedTable table={table} updatedAt={dataUpdatedAt} />
        )}
      </Stack>
    </Box>
  );
}

/** Why the table plays no more: the match is over, or an operator ended it (their reason, and what counts). */
function WatchEndAlert({ end }: { end: WatchEnd }) {
  const translate = useTranslate();
  return (
    <Alert
      data-testid="watch-ended"
      data-ended-by={end.by}
      severity={end.by === 'operator' ? 'info' : 'success'}
      action={
        <Button component={Link} to="/tables" size="small" color="inherit">
          {translate('gg.tables.back_to_list')}
        </Button>
      }
      sx={{ overflowWrap: 'anywhere' }}
    >
      {end.by === 'operator' ? (
        <>
          {translate('gg.tables.ended_by_operator', { reason: end.reason })}
          <Typography variant="caption" component="p">
            {translate('gg.tables.ended_by_operator_detail')}
          </Typography>
        </>
      ) : (
        translate('gg.tables.ended')
      )}
    </Alert>
  );
}

function WatchedTable({ table, updatedAt }: { table: WatchedTableRecord; updatedAt: number }) {
  const translate = useTranslate();
  const seats = seatsAtTable(table);
  return (
    <>
      <EndTableButton table={table} />
      <Box sx={{ px: { xs: 0.5, sm: 0 } }}>
        <TableFacts table={table} seats={seats} updatedAt={updatedAt} />
      </Box>
      <Typography variant="subtitle2" component="h2">
        {translate('gg.tables.hands')}
      </Typography>
      <Box data-testid="table-seats-grid" sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'repeat(2, minmax(0, 1fr))' }, gap: 1.5 }}>
        {seats.map((seat) => (
          <SeatPanel key={seat.seat} seat={seat} />
        ))}
      </Box>
    </>
  );
}
