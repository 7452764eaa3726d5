import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import DoNotDisturbIcon from '@mui/icons-material/DoNotDisturbAlt';
import { Button, Stack } from '@mui/material';
import { type ReactNode, useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import { ActionDialog } from '../common/ActionDialog';
import type { CaseResolution, ConsoleDataProvider } from '../data-provider';
import type { CaseRecord } from '../records';

const RESOLUTIONS: ReadonlyArray<{ status: CaseResolution; icon: ReactNode }> = [
  { status: 'actioned', icon: <CheckCircleIcon /> },
  { status: 'dismissed', icon: <DoNotDisturbIcon /> },
];

/**
 * Closes an open case, as actioned (something was done: a sanction is its own action, taken on the player's page)
 * or dismissed, with the outcome in the moderator's words; the outcome is the audit entry's reason.
 */
export function ResolveCaseButtons({ item }: { item: CaseRecord }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [open, setOpen] = useState<CaseResolution | null>(null);
  return (
    <>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {RESOLUTIONS.map(({ status, icon }) => (
          <Button
            key={status}
            data-testid={`action-resolve-${status}`}
            size="small"
            variant={status === 'actioned' ? 'contained' : 'outlined'}
            startIcon={icon}
            onClick={() => setOpen(status)}
          >
            {translate(`gg.cases.resolve.${status}`)}
          </Button>
        ))}
      </Stack>
      {RESOLUTIONS.map(({ status }) => (
        <ActionDialog
          key={status}
          open={open === status}
          onClose={() => setOpen(null)}
          testId={`resolve-${status}`}
          title={translate(`gg.cases.resolve.${status}_title`)}
          help={translate(`gg.cases.resolve.${status}_help`)}
          confirmLabel={translate(`gg.cases.resolve.${status}`)}
          reasonLabel={translate('gg.cases.resolve.outcome')}
          onSubmit={async (outcome) => {
            await dataProvider.resolveCase(item.id, status, outcome);
            return { message: `gg.cases.resolve.done_${status}` };
          }}
        />
      ))}
    </>
  );
}
