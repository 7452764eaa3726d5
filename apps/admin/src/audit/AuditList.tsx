import { Accordion, AccordionDetails, AccordionSummary, Box, Card, CardContent, Link as MuiLink, Stack, type Theme, Typography, useMediaQuery } from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { Link } from 'react-router';
import { Datagrid, FilterButton, FunctionField, List, Pagination, TextField, TextInput, TopToolbar, useListContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../lib/format';
import type { AuditRecord } from '../records';
import { useConsoleRole } from '../use-console-role';
import { AuditChanges } from './AuditChanges';
import { AuditExportButtons } from './AuditExportButtons';

const auditFilters = [
  <TextInput key="action" source="action" label="gg.audit.filter_action" alwaysOn resettable />,
  <TextInput key="target_id" source="target_id" label="gg.audit.filter_target" resettable />,
  <TextInput key="actor_id" source="actor_id" label="gg.audit.filter_actor" resettable />,
];

/** The append-only log of every staff action: newest first, filtered by actor, target or action. */
export function AuditList() {
  const narrow = useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'));
  return (
    <List filters={auditFilters} actions={<AuditActions />} exporter={false} perPage={25} sort={{ field: 'at', order: 'DESC' }} pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}>
      {narrow ? <AuditCards /> : <AuditDatagrid />}
    </List>
  );
}

function AuditActions() {
  const { can } = useConsoleRole();
  return (
    <TopToolbar sx={{ flexWrap: 'wrap' }}>
      <FilterButton />
      {can('audit.export') && <AuditExportButtons />}
    </TopToolbar>
  );
}

/** Who acted; an action from the command line (no account) is set in italics. */
function Actor({ entry }: { entry: AuditRecord }) {
  const translate = useTranslate();
  const fromCommandLine = entry.actor_id === null;
  return (
    <Box component="span" data-testid="audit-actor" title={entry.actor_id ?? translate('gg.audit.command_line')} sx={{ fontStyle: fromCommandLine ? 'italic' : 'normal' }}>
      {entry.actor_name}
    </Box>
  );
}

/** The target, linked to the player's page when it is a player. */
function Target({ entry }: { entry: AuditRecord }) {
  const text = `${entry.target_type} ${entry.target_id}`;
  if (entry.target_type !== 'user') return <span data-testid="audit-target">{text}</span>;
  return (
    <MuiLink data-testid="audit-target" component={Link} to={`/users/${encodeURIComponent(entry.target_id)}/show`} onClick={(event) => event.stopPropagation()} sx={{ overflowWrap: 'anywhere' }}>
      {text}
    </MuiLink>
  );
}

function AuditDatagrid() {
  return (
    <Datagrid bulkActionButtons={false} rowClick="expand" expand={<AuditChanges />}>
      <FunctionField<AuditRecord> source="at" sortable={false} render={(entry) => formatDateTime(entry.at)} />
      <FunctionField<AuditRecord> source="actor_name" sortable={false} render={(entry) => <Actor entry={entry} />} />
      <FunctionField<AuditRecord> source="action" sortable={false} render={(entry) => <span data-testid="audit-action">{entry.action}</span>} />
      <FunctionField<AuditRecord> source="target_id" sortable={false} render={(entry) => <Target entry={entry} />} />
      <TextField source="reason" sortable={false} sx={{ overflowWrap: 'anywhere' }} />
    </Datagrid>
  );
}

/** On a phone, one card per entry; before and after fold out. */
function AuditCards() {
  const { data, isPending } = useListContext<AuditRecord>();
  const translate = useTranslate();
  if (isPending || data === undefined) return null;
  return (
    <Stack spacing={1} sx={{ p: 1 }}>
      {data.map((entry) => (
        <Card key={entry.id} variant="outlined" data-testid="audit-card">
          <CardContent sx={{ pb: 1 }}>
            <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'baseline' }}>
              <Typography variant="subtitle2" data-testid="audit-action">
                {entry.action}
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {formatDateTime(entry.at)}
              </Typography>
            </Box>
            <Typography variant="body2">
              {translate('gg.audit.actor')}: <Actor entry={entry} />
            </Typography>
            <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
              {translate('gg.audit.target')}: <Target entry={entry} />
            </Typography>
            <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
              {translate('gg.audit.reason')}: {entry.reason}
            </Typography>
          </CardContent>
          <Accordion disableGutters elevation={0} slotProps={{ transition: { unmountOnExit: true } }}>
            <AccordionSummary expandIcon={<ExpandMoreIcon />} data-testid="audit-expand">
              <Typography variant="body2">{translate('gg.audit.show_changes')}</Typography>
            </AccordionSummary>
            <AccordionDetails>
              <AuditChanges entry={entry} />
            </AccordionDetails>
          </Accordion>
        </Card>
      ))}
    </Stack>
  );
}
