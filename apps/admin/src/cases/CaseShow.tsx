import { Box, Button, Divider, Link as MuiLink, Stack, Typography } from '@mui/material';
import { Link } from 'react-router';
import { Show, useGetOne, useRecordContext, useTranslate } from 'react-admin';
import { Facts } from '../common/Facts';
import { formatDateTime, formatScore } from '../lib/format';
import type { CaseRecord, UserDetailRecord } from '../records';
import { useConsoleRole } from '../use-console-role';
import { CaseEvidence } from './CaseEvidence';
import { CaseSourceChip, CaseStatusChip, useCategoryText } from './CaseChips';
import { ResolveCaseButtons } from './ResolveCaseButtons';
import { ReporterLink, SubjectLinks } from './SubjectLinks';

/** One case: who it is about and who raised it, the game, the evidence, and closing it. */
export function CaseShow() {
  return (
    <Show actions={false} title={<CaseTitle />}>
      <CaseDetail />
    </Show>
  );
}

function CaseTitle() {
  const item = useRecordContext<CaseRecord>();
  const categoryText = useCategoryText();
  return <span>{item === undefined ? '' : categoryText(item.category)}</span>;
}

function CaseDetail() {
  const item = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  const categoryText = useCategoryText();
  const { can } = useConsoleRole();
  if (item === undefined) return null;
  const field = (name: string) => translate(`resources.cases.fields.${name}`);
  return (
    <Box data-testid="case-show" data-case-id={item.id} sx={{ minWidth: 0 }}>
      <Stack spacing={1.5} sx={{ p: { xs: 1.5, sm: 2 } }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <Typography data-testid="case-category" variant="h6" component="h1" sx={{ overflowWrap: 'anywhere' }}>
            {categoryText(item.category)}
          </Typography>
          <CaseSourceChip source={item.source} />
          <CaseStatusChip status={item.status} />
        </Box>
        {item.status === 'open' && can('cases.work') && <ResolveCaseButtons item={item} />}
        <Facts
          rows={[
            { label: field('subject_names'), value: <SubjectLinks item={item} /> },
            { label: field('reporter_name'), value: item.source === 'report' ? <ReporterLink item={item} /> : translate(item.source === 'aml' ? 'gg.cases.by_aml' : 'gg.cases.by_anticheat') },
            { label: field('note'), value: item.note === '' ? '—' : item.note, testId: 'case-note' },
            ...(item.score === null ? [] : [{ label: field('score'), value: formatScore(item.score), testId: 'case-score' }]),
            { label: field('game_id'), value: <GameReference item={item} />, testId: 'case-game' },
            { label: field('created_at'), value: formatDateTime(item.created_at) },
            ...(item.status === 'open' ? [] : [{ label: field('resolved_at'), value: <Resolution item={item} />, testId: 'case-resolution' }]),
          ]}
        />
        {can('audit.read') && (
          <Box>
            <Button
              data-testid="case-audit-link"
              size="small"
              component={Link}
              to={{ pathname: '/audit', search: `?filter=${encodeURIComponent(JSON.stringify({ target_id: item.id }))}` }}
            >
              {translate('gg.cases.audit_link')}
            </Button>
          </Box>
        )}
      </Stack>
      <Divider />
      <Stack spacing={1} sx={{ p: { xs: 1.5, sm: 2 } }} data-testid="case-evidence">
        <Typography variant="subtitle2" component="h2">
          {translate('gg.cases.evidence')}
        </Typography>
        <CaseEvidence item={item} />
      </Stack>
    </Box>
  );
}

/**
 * The game and the replay position the report points at. The player app opens replays from a player's history,
 * not from an address, so there is nothing to link to: the id is shown to be copied.
 */
function GameReference({ item }: { item: CaseRecord }) {
  const translate = useTranslate();
  if (item.game_id === null) return <span>{translate('gg.cases.no_game_short')}</span>;
  return (
    <span>
      <Box component="span" sx={{ fontFamily: 'monospace' }}>
        {item.game_id}
      </Box>
      {item.position !== null && ` · ${translate('gg.cases.position', { position: item.position })}`}
    </span>
  );
}

/** When and how the case was closed, and by whom (a link to their page). */
function Resolution({ item }: { item: CaseRecord }) {
  return (
    <span>
      {formatDateTime(item.resolved_at)}
      {item.resolved_by !== null && (
        <>
          {' · '}
          <ResolverLink userId={item.resolved_by} />
        </>
      )}
      {item.outcome !== null && (
        <Box component="span" data-testid="case-outcome" sx={{ display: 'block' }}>
          {item.outcome}
        </Box>
      )}
    </span>
  );
}

/** Who closed the case: the case names them by id only, so their name is read from their account. */
function ResolverLink({ userId }: { userId: string }) {
  const translate = useTranslate();
  const { data } = useGetOne<UserDetailRecord>('users', { id: userId });
  return (
    <MuiLink data-testid="case-resolver" component={Link} to={`/users/${encodeURIComponent(userId)}/show`}>
      {translate('gg.cases.resolved_by', { name: data?.username ?? userId })}
    </MuiLink>
  );
}
