import { useDataProvider, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../../data-provider';
import type { UserDetailRecord } from '../../records';
import { ActionDialog } from '../../common/ActionDialog';

/** Ends every session of a player and closes their connections (a stolen session, a shared account). */
export function SignOutDialog({ user, open, onClose }: { user: UserDetailRecord; open: boolean; onClose: () => void }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  return (
    <ActionDialog
      open={open}
      onClose={onClose}
      testId="sign-out"
      title={translate('gg.actions.sign_out_title', { name: user.username })}
      help={translate('gg.actions.sign_out_help')}
      confirmLabel={translate('gg.actions.sign_out')}
      danger
      onSubmit={async (reason) => {
        await dataProvider.signOutEverywhere(user.id, reason);
        return { message: 'gg.actions.done.sign_out' };
      }}
    />
  );
}
