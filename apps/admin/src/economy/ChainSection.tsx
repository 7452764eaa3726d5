import type { EconomyOverview } from '@guandan/protocol';
import { Box, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { FiguresTable } from '../common/FiguresTable';
import { Section } from '../common/Section';
import { formatDateTime } from '../lib/format';

/** The chain as the platform reads it: where each indexer stands, and the DAO's latest proposals. */
export function ChainSection({ indexer, proposals }: Pick<EconomyOverview, 'indexer' | 'proposals'>) {
  const translate = useTranslate();
  return (
    <Section title={translate('gg.economy.chain')} testId="economy-chain">
      <Typography variant="subtitle2">{translate('gg.economy.indexer')}</Typography>
      {indexer.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('gg.economy.no_indexer')}
        </Typography>
      ) : (
        <FiguresTable
          testId="indexer-table"
          head={[translate('gg.economy.cursor'), translate('gg.economy.next_block'), translate('gg.economy.updated')]}
          rows={indexer.map((cursor) => ({ key: cursor.name, cells: [cursor.name, cursor.next_block, formatDateTime(cursor.updated_at)] }))}
        />
      )}
      <Typography variant="subtitle2">{translate('gg.economy.proposals')}</Typography>
      {proposals.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('gg.economy.no_proposals')}
        </Typography>
      ) : (
        <List dense disablePadding data-testid="proposals">
          {proposals.map((proposal) => (
            <ListItem key={proposal.proposal_id} divider disableGutters>
              <ListItemText
                primary={proposal.description}
                secondary={
                  <Box component="span" sx={{ overflowWrap: 'anywhere' }}>
                    {translate('gg.economy.proposal_line', { block: proposal.block, proposer: proposal.proposer, id: proposal.proposal_id })}
                  </Box>
                }
                slotProps={{ primary: { sx: { overflowWrap: 'anywhere' } } }}
              />
            </ListItem>
          ))}
        </List>
      )}
    </Section>
  );
}
