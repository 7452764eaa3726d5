import { Box, Link as MuiLink, Typography } from '@mui/material';
import { Link } from 'react-router';
import { useGetList, useGetOne, useTranslate } from 'react-admin';
import { holdsOfAccount } from '../holds/holds-link';
import { formatCoins, formatDateTime } from '../lib/format';
import type { HoldRecord, KycRecord } from '../records';

/** The account's identity tier and its latest check, or that checks are off on this platform. */
export function KycTier({ userId }: { userId: string }) {
  const translate = useTranslate();
  const { data } = useGetOne<KycRecord>('kyc', { id: userId });
  if (data === undefined) return <span>—</span>;
  const { check } = data;
  return (
    <Box component="span" data-testid="kyc-tier" data-tier={data.tier} data-enabled={data.enabled}>
      {translate(`gg.kyc.tier.${data.tier}`)}
      {!data.enabled && ` · ${translate('gg.kyc.off')}`}
      {check !== null && (
        <Typography component="span" variant="caption" color="text.secondary" data-testid="kyc-check" sx={{ display: 'block' }}>
          {translate('gg.kyc.check_line', { tier: check.tier, status: translate(`gg.kyc.status.${check.status}`), at: formatDateTime(check.updated_at) })}
        </Typography>
      )}
      {check === null && data.enabled && (
        <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
          {translate('gg.kyc.no_check')}
        </Typography>
      )}
    </Box>
  );
}

/**
 * Whether the account is held (coins a refund took back were already spent: it cannot buy), with what it owes, and
 * the way to the holds page filtered to it, where a hold is lifted.
 */
export function HoldSummary({ userId }: { userId: string }) {
  const translate = useTranslate();
  // At most 100 holds are open on one account in practice; the sum below is of those read.
  const { data, total } = useGetList<HoldRecord>('holds', { filter: { status: 'open', user_id: userId }, pagination: { page: 1, perPage: 100 } });
  if (data === undefined || total === undefined) return <span>—</span>;
  const owed = data.reduce((sum, hold) => sum + hold.owed_coins, 0);
  return (
    <Box component="span" data-testid="hold-summary" data-open={total}>
      {total === 0 ? (
        <span>{translate('gg.holds.none_open')}</span>
      ) : (
        <Box component="span" sx={{ color: 'warning.dark', fontWeight: 500 }}>
          {translate('gg.holds.open_summary', { smart_count: total, coins: formatCoins(owed) })}
        </Box>
      )}{' '}
      <MuiLink data-testid="hold-summary-link" component={Link} to={holdsOfAccount(userId)} sx={{ whiteSpace: 'nowrap' }}>
        {translate('gg.holds.account_link')}
      </MuiLink>
    </Box>
  );
}
