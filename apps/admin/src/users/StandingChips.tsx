import type { Standing } from '@guandan/protocol';
import { Chip, type ChipProps, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatDateTime } from '../lib/format';
import { type StandingBadge, standingBadges } from '../lib/standing';

const BADGE_COLOR: Record<StandingBadge['kind'], ChipProps['color']> = { banned: 'error', suspended: 'warning', muted: 'default' };

/** What is in force on an account; "in good standing" where nothing is, when asked to say so. */
export function StandingChips({ standing, sayWhenGood = false }: { standing: Standing; sayWhenGood?: boolean }) {
  const translate = useTranslate();
  const badges = standingBadges(standing);
  if (badges.length === 0) {
    return sayWhenGood ? (
      <Typography data-testid="standing-good" variant="body2" color="success.main">
        {translate('gg.standing.good')}
      </Typography>
    ) : null;
  }
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {badges.map((badge) => (
        <Chip key={badge.kind} data-testid="standing-chip" data-kind={badge.kind} size="small" color={BADGE_COLOR[badge.kind]} label={badgeText(badge, translate)} />
      ))}
    </Stack>
  );
}

function badgeText(badge: StandingBadge, translate: (key: string, options?: object) => string): string {
  if (badge.kind === 'banned') return translate('gg.standing.banned');
  if (badge.until === null) return translate(badge.kind === 'suspended' ? 'gg.standing.suspended' : 'gg.standing.muted');
  const until = formatDateTime(badge.until);
  return translate(badge.kind === 'suspended' ? 'gg.standing.suspended_until' : 'gg.standing.muted_until', { until });
}
