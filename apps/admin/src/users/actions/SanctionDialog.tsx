import type { SanctionKind } from '@guandan/protocol';
import { useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../../data-provider';
import { endProblem, endRule, sanctionRequest } from '../../lib/sanction-form';
import type { UserDetailRecord } from '../../records';
import { ActionDialog } from '../../common/ActionDialog';
import { EndField } from './EndField';

/** Mute (an end if wanted), suspend (an end needed) or ban (until lifted) a player. */
export function SanctionDialog({ user, kind, open, onClose }: { user: UserDetailRecord; kind: SanctionKind; open: boolean; onClose: () => void }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [end, setEnd] = useState('');
  const [endTouched, setEndTouched] = useState(false);
  const rule = endRule(kind);
  const problem = endProblem(kind, end, new Date());

  const close = () => {
    setEnd('');
    setEndTouched(false);
    onClose();
  };

  return (
    <ActionDialog
      open={open}
      onClose={close}
      testId={kind}
      title={translate(`gg.actions.${kind}_title`, { name: user.username })}
      help={translate(`gg.actions.${kind}_help`)}
      confirmLabel={translate(`gg.actions.${kind}`)}
      danger={kind !== 'mute'}
      fieldsProblem={problem}
      onAttempt={() => setEndTouched(true)}
      onSubmit={async (reason) => {
        await dataProvider.imposeSanction(user.id, sanctionRequest(kind, reason, end));
        setEnd('');
        setEndTouched(false);
        return { message: `gg.actions.done.${kind}` };
      }}
    >
      {rule !== 'none' && (
        <EndField
          value={end}
          onChange={(value) => {
            setEnd(value);
            setEndTouched(true);
          }}
          optional={rule === 'optional'}
          problem={problem}
          touched={endTouched}
        />
      )}
    </ActionDialog>
  );
}
