import { Box, type Theme, Typography, useMediaQuery } from '@mui/material';
import { Datagrid, FunctionField, Pagination, ReferenceManyField, SimpleList, useTranslate } from 'react-admin';
import { CaseSourceChip, CaseStatusChip, useCategoryText } from '../../cases/CaseChips';
import { formatDateTime } from '../../lib/format';
import type { CaseRecord } from '../../records';

/** Every case about the player, open or closed, each opening the case page (and back to its evidence). */
export function CasesTab() {
  const translate = useTranslate();
  const categoryText = useCategoryText();
  const narrow = useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'));
  const empty = (
    <Typography variant="body2" color="text.secondary">
      {translate('gg.users.no_cases')}
    </Typography>
  );
  return (
    <ReferenceManyField reference="cases" target="subject_id" perPage={25} pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />} empty={empty}>
      {narrow ? (
        <SimpleList<CaseRecord>
          linkType="show"
          primaryText={(item) => (
            <Box component="span" data-testid="user-case-row" data-case-id={item.id} sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
              <span>{categoryText(item.category)}</span>
              <CaseStatusChip status={item.status} />
            </Box>
          )}
          secondaryText={(item) => (
            <Box component="span" sx={{ overflowWrap: 'anywhere' }}>
              {item.note}
            </Box>
          )}
          tertiaryText={(item) => formatDateTime(item.created_at)}
        />
      ) : (
        <Datagrid bulkActionButtons={false} rowClick="show">
          <FunctionField<CaseRecord> source="created_at" sortable={false} render={(item) => <span data-testid="user-case-row" data-case-id={item.id}>{formatDateTime(item.created_at)}</span>} />
          <FunctionField<CaseRecord> source="source" sortable={false} render={(item) => <CaseSourceChip source={item.source} />} />
          <FunctionField<CaseRecord> source="category" sortable={false} render={(item) => categoryText(item.category)} />
          <FunctionField<CaseRecord> source="note" sortable={false} render={(item) => <Box component="span" sx={{ overflowWrap: 'anywhere' }}>{item.note}</Box>} />
          <FunctionField<CaseRecord> source="status" sortable={false} render={(item) => <CaseStatusChip status={item.status} />} />
        </Datagrid>
      )}
    </ReferenceManyField>
  );
}
