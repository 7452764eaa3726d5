import { Box, Button, Divider, Stack, Typography } from '@mui/material';
import { Link } from 'react-router';
import { useTranslate } from 'react-admin';
import { formatCoins, formatDateTime } from '../../lib/format';
import type { UserDetailRecord } from '../../records';
import { useConsoleRole } from '../../use-console-role';
import { HoldSummary, KycTier } from '../PaymentStanding';
import { RoleChip } from '../RoleChip';
import { StandingChips } from '../StandingChips';
import { Facts } from '../../common/Facts';

/** Who the player is, their standing (with, for operators, their identity tier and payment holds) and their record. */
export function ProfileTab({ user }: { user: UserDetailRecord }) {
  const translate = useTranslate();
  const { can } = useConsoleRole();
  const field = (name: string) => translate(`resources.users.fields.${name}`);
  return (
    <Stack spacing={2}>
      <Facts
        rows={[
          { label: field('user_id'), value: <Box component="span" sx={{ fontFamily: 'monospace' }}>{user.user_id}</Box> },
          { label: field('email'), value: user.email ?? '—' },
          { label: field('wallet_address'), value: user.wallet_address ?? '—' },
          { label: field('is_guest'), value: user.is_guest ? translate('ra.boolean.true') : translate('ra.boolean.false') },
          { label: field('created_at'), value: formatDateTime(user.created_at) },
          { label: field('last_login'), value: formatDateTime(user.last_login) },
          { label: field('game_coin_balance'), value: formatCoins(user.game_coin_balance), testId: 'profile-coins' },
          { label: field('role'), value: <RoleChip role={user.role} /> },
          { label: field('standing'), value: <StandingChips standing={user.standing} sayWhenGood /> },
          ...(can('payments.read')
            ? [
                { label: field('kyc'), value: <KycTier userId={user.user_id} /> },
                { label: field('holds'), value: <HoldSummary userId={user.user_id} /> },
              ]
            : []),
        ]}
      />
      <Divider />
      <Typography variant="subtitle2">{translate('gg.users.stats')}</Typography>
      <Typography variant="body2">
        {translate('gg.users.stats_line', { wins: user.total_wins, losses: user.total_losses, score: user.total_score })}
      </Typography>
      <Typography variant="body2">
        {user.rating === null ? translate('gg.users.unrated') : translate('gg.users.rating_line', { rating: Math.round(user.rating), games: user.rated_games })}
      </Typography>
      {can('audit.read') && (
        <Box>
          <Button
            data-testid="user-audit-link"
            size="small"
            component={Link}
            to={{ pathname: '/audit', search: `?filter=${encodeURIComponent(JSON.stringify({ target_id: user.user_id }))}` }}
          >
            {translate('gg.users.audit_link')}
          </Button>
        </Box>
      )}
    </Stack>
  );
}
