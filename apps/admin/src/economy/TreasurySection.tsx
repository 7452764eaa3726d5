import type { Treasury } from '@guandan/protocol';
import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Facts } from '../common/Facts';
import { Section } from '../common/Section';
import { formatTokenAmount } from '../lib/token-amount';

/** The tokens the treasury holds, with their symbols (names of tokens, the same in every language). */
const TOKENS = [
  { key: 'play', symbol: 'PLAY' },
  { key: 'guan', symbol: 'GUAN' },
  { key: 'usdc', symbol: 'USDC' },
] as const;

/**
 * The DAO treasury (what its timelock holds) as the chain says now: its address and balances, or why there are
 * none to show (the platform runs without a chain, or the chain did not answer).
 */
export function TreasurySection({ treasury }: { treasury: Treasury }) {
  const translate = useTranslate();
  const address =
    treasury.address === null
      ? []
      : [{ label: translate('gg.economy.treasury_address'), value: <Box component="span" sx={{ fontFamily: 'monospace' }}>{treasury.address}</Box>, testId: 'treasury-address' }];
  const balances =
    treasury.status === 'read'
      ? TOKENS.map(({ key, symbol }) => {
          const amount = treasury[key];
          return { label: symbol, value: amount === null ? '—' : formatTokenAmount(amount), testId: `treasury-${key}` };
        })
      : [];
  const rows = [...address, ...balances];
  return (
    <Section title={translate('gg.economy.treasury')} testId="economy-treasury">
      {rows.length > 0 && <Facts rows={rows} />}
      {treasury.status !== 'read' && (
        <Typography variant="body2" color="text.secondary" data-testid="treasury-status" data-status={treasury.status}>
          {translate(`gg.economy.treasury_status.${treasury.status}`, { _: treasury.status })}
        </Typography>
      )}
    </Section>
  );
}
