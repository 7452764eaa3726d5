import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Facts } from '../common/Facts';
import { rankLabel } from '../lib/cards';
import { formatDateTime, formatTime } from '../lib/format';
import { type SeatAtTable, seatToAct, teamOf } from '../lib/table-view';
import type { WatchedTableRecord } from '../records';
import { StuckChip, useModeText } from './TableChips';

/** Where the game stands: mode, whether it plays, deal, each team's level, the phase, whose turn it is and until when. */
export function TableFacts({ table, seats, updatedAt }: { table: WatchedTableRecord; seats: readonly SeatAtTable[]; updatedAt: number }) {
  const translate = useTranslate();
  const modeText = useModeText();
  const field = (name: string) => translate(`resources.tables.fields.${name}`);
  const toAct = seatToAct(table);
  const actor = seats.find((seat) => seat.seat === toAct);
  const levels = [0, 1].map((team) =>
    translate('gg.tables.team_level', {
      team: translate(`gg.tables.team.${team}`),
      seats: seats.filter((seat) => teamOf(seat.seat) === team).map((seat) => seat.name).join(' & '),
      level: rankLabel(table.levels[team]),
    }),
  );
  // An ended table may still carry the deadline of the turn it stopped at: nobody plays it any more.
  const deadline = table.status !== 'playing' ? '—' : table.deadline === null ? translate('gg.tables.no_deadline') : formatTime(table.deadline);
  return (
    <Facts
      rows={[
        { label: field('game_mode'), value: <span>{modeText(table.game_mode)} <StuckChip stuck={table.stuck} /></span> },
        { label: field('game_id'), value: <Box component="span" sx={{ fontFamily: 'monospace' }}>{table.game_id}</Box> },
        { label: field('status'), value: translate(`gg.tables.status.${table.status}`, { _: table.status }), testId: 'table-status' },
        { label: field('deal'), value: table.deal, testId: 'table-deal' },
        { label: field('deals_completed'), value: table.deals_completed, testId: 'table-deals-completed' },
        { label: field('levels'), value: levels.map((line) => <Box component="span" key={line} sx={{ display: 'block' }}>{line}</Box>), testId: 'table-levels' },
        { label: field('phase'), value: translate(`gg.tables.phase.${table.phase}`, { _: table.phase }), testId: 'table-phase' },
        {
          label: field('turn'),
          value: <span data-testid="table-turn" data-seat={toAct ?? ''}>{actor === undefined ? '—' : translate('gg.tables.turn_line', { name: actor.name, seat: actor.seat + 1 })}</span>,
        },
        { label: field('deadline'), value: deadline },
        { label: field('events'), value: table.events, testId: 'table-events' },
        { label: field('started_at'), value: formatDateTime(table.started_at) },
        { label: field('updated'), value: formatTime(updatedAt), testId: 'table-updated' },
      ]}
    />
  );
}
