import { Box, Chip, Paper, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { SeatAtTable } from '../lib/table-view';
import { PlayingCard } from './PlayingCard';

/** A seat of the watched table: who sits there, how they are played, and their hand in full. */
export function SeatPanel({ seat }: { seat: SeatAtTable }) {
  const translate = useTranslate();
  return (
    <Paper
      variant="outlined"
      data-testid="seat-panel"
      data-seat={seat.seat}
      data-cards-left={seat.cardsLeft}
      data-to-act={seat.toAct}
      sx={{ p: 1.5, minWidth: 0, borderColor: seat.toAct ? 'primary.main' : 'divider', borderWidth: seat.toAct ? 2 : 1 }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="subtitle2" data-testid="seat-name" sx={{ overflowWrap: 'anywhere' }}>
          {seat.name}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {translate('gg.tables.seat_line', { seat: seat.seat + 1, team: translate(`gg.tables.team.${seat.team}`) })}
        </Typography>
        <Box sx={{ flex: 1 }} />
        {seat.toAct && <Chip size="small" color="primary" label={translate('gg.tables.to_act')} data-testid="seat-to-act" />}
      </Box>
      <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap', my: 1 }}>
        {seat.botLevel !== null && <Chip size="small" label={translate('gg.tables.bot', { level: seat.botLevel })} />}
        {seat.autoPlay && <Chip size="small" color="warning" label={translate('gg.tables.auto_play')} data-testid="seat-auto-play" />}
        {seat.quit && <Chip size="small" color="error" label={translate('gg.tables.quit')} />}
        <Chip size="small" variant="outlined" data-testid="seat-cards-left" label={translate('gg.tables.cards_left', { smart_count: seat.cardsLeft })} />
      </Stack>
      <Box data-testid="seat-hand" sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
        {seat.hand.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {translate('gg.tables.hand_empty')}
          </Typography>
        ) : (
          seat.hand.map((card, index) => <PlayingCard key={`${card.code}-${index}`} card={card} />)
        )}
      </Box>
    </Paper>
  );
}
