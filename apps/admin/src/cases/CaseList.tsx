import { CASE_SOURCES, CASE_STATUSES } from '@guandan/protocol';
import { Box, Stack, type Theme, Typography, useMediaQuery } from '@mui/material';
import { Datagrid, FunctionField, List, Pagination, SelectInput, SimpleList, useTranslate } from 'react-admin';
import { formatDateTime, formatScore } from '../lib/format';
import type { CaseRecord } from '../records';
import { CaseSourceChip, CaseStatusChip, useCategoryText } from './CaseChips';

const caseFilters = [
  <SelectInput key="status" source="status" alwaysOn emptyText="gg.cases.any_status" choices={CASE_STATUSES.map((status) => ({ id: status, name: `gg.cases.status.${status}` }))} />,
  <SelectInput key="source" source="source" alwaysOn emptyText="gg.cases.any_source" choices={CASE_SOURCES.map((source) => ({ id: source, name: `gg.cases.source.${source}` }))} />,
];

/**
 * The moderation queue: open cases, oldest first as the server orders them, so the case waiting longest is on top.
 * Closed cases are a filter away. A phone gets one line per case.
 */
export function CaseList() {
  const narrow = useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'));
  return (
    // No actions: both filters are always shown, and the console creates no case (players and detectors do).
    <List filters={caseFilters} filterDefaultValues={{ status: 'open' }} actions={false} exporter={false} perPage={25} pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}>
      {narrow ? <CaseSimpleList /> : <CaseDatagrid />}
    </List>
  );
}

/** Who a case is about, as names (the case page links them). */
const subjectNames = (item: CaseRecord) => (
  <Box component="span" data-testid="case-subjects" sx={{ overflowWrap: 'anywhere' }}>
    {item.subject_names.join(', ')}
  </Box>
);

function CaseSimpleList() {
  const translate = useTranslate();
  const categoryText = useCategoryText();
  return (
    <SimpleList<CaseRecord>
      linkType="show"
      primaryText={(item) => (
        <Box component="span" data-testid="case-row" data-case-id={item.id} sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <span>{categoryText(item.category)}</span>
          <CaseSourceChip source={item.source} />
          <CaseStatusChip status={item.status} />
        </Box>
      )}
      secondaryText={(item) => (
        <Stack component="span" spacing={0.25}>
          {subjectNames(item)}
          <Typography component="span" variant="caption" color="text.secondary">
            {item.reporter_name === null ? translate(item.source === 'aml' ? 'gg.cases.by_aml' : 'gg.cases.by_anticheat') : translate('gg.cases.reported_by', { name: item.reporter_name })}
          </Typography>
        </Stack>
      )}
      tertiaryText={(item) => formatDateTime(item.created_at)}
      rowSx={() => ({ alignItems: 'flex-start' })}
    />
  );
}

function CaseDatagrid() {
  const categoryText = useCategoryText();
  return (
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <FunctionField<CaseRecord> source="created_at" sortable={false} render={(item) => <span data-testid="case-row" data-case-id={item.id}>{formatDateTime(item.created_at)}</span>} />
      <FunctionField<CaseRecord> source="source" sortable={false} render={(item) => <CaseSourceChip source={item.source} />} />
      <FunctionField<CaseRecord> source="category" sortable={false} render={(item) => categoryText(item.category)} />
      <FunctionField<CaseRecord> source="subject_names" sortable={false} render={subjectNames} />
      <FunctionField<CaseRecord> source="reporter_name" sortable={false} render={(item) => item.reporter_name ?? '—'} />
      <FunctionField<CaseRecord> source="score" sortable={false} render={(item) => (item.score === null ? '—' : formatScore(item.score))} />
      <FunctionField<CaseRecord> source="status" sortable={false} render={(item) => <CaseStatusChip status={item.status} />} />
    </Datagrid>
  );
}
