import { useDataProvider, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../../data-provider';
import type { SanctionRecord, UserDetailRecord } from '../../records';
import { ActionDialog } from '../../common/ActionDialog';

/** Ends a sanction in force now; the history keeps it, with who lifted it and why. */
export function LiftDialog({ user, sanction, onClose }: { user: UserDetailRecord; sanction: SanctionRecord | null; onClose: () => void }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const kind = sanction === null ? '' : translate(`gg.sanction_kind.${sanction.kind}`);
  return (
    <ActionDialog
      open={sanction !== null}
      onClose={onClose}
      testId="lift"
      title={translate('gg.actions.lift_title', { kind, name: user.username })}
      help={translate('gg.actions.lift_help')}
      confirmLabel={translate('gg.actions.lift')}
      onSubmit={async (reason) => {
        if (sanction === null) throw new Error('no sanction chosen');
        await dataProvider.liftSanction(user.id, sanction.id, reason);
        return { message: 'gg.actions.done.lift' };
      }}
    />
  );
}
