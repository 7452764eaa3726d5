import { GAME_MODES } from '@guandan/protocol';
import { Box, Stack, type Theme, Typography, useMediaQuery } from '@mui/material';
import { Datagrid, FunctionField, List, NumberField, NumberInput, Pagination, SelectInput, SimpleList, TextInput, useTranslate } from 'react-admin';
import { rankLabel } from '../lib/cards';
import { formatDateTime } from '../lib/format';
import type { TableRecord } from '../records';
import { StuckChip, useModeText } from './TableChips';

/** The list is read again this often: tables start and end while an operator looks at it. */
const LIST_REFRESH_MS = 10_000;

const tableFilters = [
  <SelectInput key="mode" source="mode" alwaysOn emptyText="gg.tables.any_mode" choices={GAME_MODES.map((mode) => ({ id: mode, name: `gg.tables.mode.${mode}` }))} />,
  <SelectInput
    key="stuck"
    source="stuck"
    alwaysOn
    emptyText="gg.tables.stuck_any"
    choices={[
      { id: 'true', name: 'gg.tables.stuck_only' },
      { id: 'false', name: 'gg.tables.stuck_none' },
    ]}
  />,
  <TextInput key="user_id" source="user_id" label="gg.tables.filter_user" resettable />,
  <TextInput key="node" source="node" label="gg.tables.filter_node" resettable />,
  <NumberInput key="min_age_minutes" source="min_age_minutes" label="gg.tables.filter_age" min={0} step={5} />,
];

/** A table no server runs: its server stopped and none has taken it over yet (a stuck table's usual cause). */
function NoNode() {
  const translate = useTranslate();
  return (
    <Typography component="span" variant="body2" color="warning.main">
      {translate('gg.tables.no_node')}
    </Typography>
  );
}

/**
 * Every table playing now, oldest first, by mode, stuck or not, a seated account, the server running it or its age;
 * a stuck one is marked. Opening one watches it with every hand.
 */
export function TableList() {
  const narrow = useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'));
  return (
    <List filters={tableFilters} exporter={false} perPage={25} pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />} queryOptions={{ refetchInterval: LIST_REFRESH_MS }}>
      {narrow ? <TableSimpleList /> : <TableDatagrid />}
    </List>
  );
}

/** Who sits at the table: people by name, bots marked. */
function SeatNames({ table }: { table: TableRecord }) {
  const translate = useTranslate();
  return (
    <Box component="span" data-testid="table-seats" sx={{ overflowWrap: 'anywhere' }}>
      {[...table.seats]
        .sort((a, b) => a.seat - b.seat)
        .map((seat) => (seat.bot_level === null ? seat.username : `${seat.username} (${translate('gg.users.bot')})`))
        .join(', ')}
    </Box>
  );
}

function useLevelsText(): (table: TableRecord) => string {
  const translate = useTranslate();
  return (table) => translate('gg.tables.levels_line', { a: rankLabel(table.levels[0]), b: rankLabel(table.levels[1]) });
}

function TableSimpleList() {
  const translate = useTranslate();
  const modeText = useModeText();
  const levelsText = useLevelsText();
  return (
    <SimpleList<TableRecord>
      linkType="show"
      primaryText={(table) => (
        <Box component="span" data-testid="table-row" data-game-id={table.id} sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <span>{modeText(table.game_mode)}</span>
          <StuckChip stuck={table.stuck} />
        </Box>
      )}
      secondaryText={(table) => (
        <Stack component="span" spacing={0.25}>
          <SeatNames table={table} />
          <Typography component="span" variant="caption" color="text.secondary">
            {translate('gg.tables.deal_line', { deal: table.deal })} · {levelsText(table)} · {table.node ?? translate('gg.tables.no_node')}
          </Typography>
        </Stack>
      )}
      tertiaryText={(table) => formatDateTime(table.started_at)}
      rowSx={() => ({ alignItems: 'flex-start' })}
    />
  );
}

function TableDatagrid() {
  const modeText = useModeText();
  const levelsText = useLevelsText();
  return (
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <FunctionField<TableRecord> source="game_mode" sortable={false} render={(table) => <span data-testid="table-row" data-game-id={table.id}>{modeText(table.game_mode)}</span>} />
      <FunctionField<TableRecord> source="seats" sortable={false} render={(table) => <SeatNames table={table} />} />
      <NumberField source="deal" sortable={false} />
      <FunctionField<TableRecord> source="levels" sortable={false} render={levelsText} />
      <NumberField source="events" sortable={false} />
      <FunctionField<TableRecord> source="node" sortable={false} render={(table) => table.node ?? <NoNode />} />
      <FunctionField<TableRecord> source="started_at" sortable={false} render={(table) => formatDateTime(table.started_at)} />
      <FunctionField<TableRecord> source="last_event_at" sortable={false} render={(table) => formatDateTime(table.last_event_at)} />
      <FunctionField<TableRecord> source="stuck" sortable={false} render={(table) => <StuckChip stuck={table.stuck} />} />
    </Datagrid>
  );
}
