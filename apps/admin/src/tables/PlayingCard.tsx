import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { DrawnCard } from '../lib/cards';

/** Hearts, diamonds and the big joker are red on a real deck; the console draws them so. */
const RED = '#c62828';

/** One card, small and readable: rank and suit symbol (10♥, K♠), or 小王 / 大王 for the jokers. */
export function PlayingCard({ card }: { card: DrawnCard }) {
  const translate = useTranslate();
  const red = card.kind !== 'unknown' && card.red;
  const face = card.kind === 'suited' ? `${card.rankLabel}${card.symbol}` : card.kind === 'joker' ? translate(`gg.tables.joker.${card.joker}`) : card.code;
  const name = card.kind === 'joker' ? translate(`gg.tables.joker.${card.joker}_name`) : face;
  return (
    <Box
      component="span"
      data-testid="playing-card"
      data-code={card.code}
      title={name}
      aria-label={name}
      sx={{
        display: 'inline-flex',
        alignItems: 'center',
        justifyContent: 'center',
        minWidth: 34,
        height: 28,
        px: 0.5,
        border: 1,
        borderColor: 'divider',
        borderRadius: 0.75,
        bgcolor: 'background.paper',
        color: red ? RED : 'text.primary',
        fontSize: '0.875rem',
        fontWeight: 600,
        fontVariantNumeric: 'tabular-nums',
        whiteSpace: 'nowrap',
      }}
    >
      {face}
    </Box>
  );
}
