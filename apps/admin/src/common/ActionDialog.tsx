import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField, type Theme, useMediaQuery } from '@mui/material';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useLogoutIfAccessDenied, useNotify, useRefresh, useTranslate } from 'react-admin';
import { reasonProblem } from '../lib/reason';

/** What an action reports when it is done: a translation key and its values. */
export interface ActionOutcome {
  message: string;
  messageArgs?: Record<string, unknown>;
}

export interface ActionDialogProps {
  open: boolean;
  onClose: () => void;
  /** Names the dialog for tests: `${testId}-dialog`. */
  testId: string;
  title: string;
  help: string;
  confirmLabel: string;
  /** Red for what shuts a player out (ban, suspend, sign-out). */
  danger?: boolean;
  /** The reason field's label, where the reason is something else in the operator's words (a case's outcome). */
  reasonLabel?: string;
  /** The other fields of the action, above the reason. */
  children?: ReactNode;
  /** What is wrong with those fields (a translation key), or null. */
  fieldsProblem?: string | null;
  /** Told on each press of the confirmation, so the fields show what is wrong with them even if untouched. */
  onAttempt?: () => void;
  /** Runs the action with the reason given; a refusal stays in the dialog, so the same form can be sent again. */
  onSubmit: (reason: string) => Promise<ActionOutcome>;
}

/**
 * The frame of every audited action (on a player, a case, a reward batch): its own fields, a reason (each action
 * is audited with it), and a confirmation. Full screen on a phone. A refusal is shown in the dialog in words; a success closes it, says so and
 * reloads what is shown.
 */
export function ActionDialog(props: ActionDialogProps) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const phone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const problem = reasonProblem(reason);
  const blocked = problem !== null || (props.fieldsProblem ?? null) !== null;

  const close = () => {
    if (pending) return;
    setReason('');
    setTouched(false);
    setFailure(null);
    props.onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    props.onAttempt?.();
    if (blocked || pending) return;
    setPending(true);
    setFailure(null);
    try {
      const outcome = await props.onSubmit(reason);
      notify(outcome.message, { type: 'success', messageArgs: outcome.messageArgs });
      setPending(false);
      setReason('');
      setTouched(false);
      props.onClose();
      refresh();
    } catch (error) {
      setPending(false);
      // A session that ended meanwhile sends the operator to sign in again; anything else stays here.
      if (await logoutIfAccessDenied(error)) return;
      const message = error instanceof Error ? error.message : String(error);
      setFailure(message);
    }
  };

  return (
    <Dialog open={props.open} onClose={close} fullScreen={phone} fullWidth maxWidth="sm" data-testid={`${props.testId}-dialog`}>
      <form onSubmit={submit} noValidate>
        <DialogTitle>{props.title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <DialogContentText>{props.help}</DialogContentText>
            {props.children}
            <TextField
              label={props.reasonLabel ?? translate('gg.actions.reason')}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              onBlur={() => setTouched(true)}
              error={touched && problem !== null}
              helperText={touched && problem !== null ? translate(problem) : translate('gg.actions.reason_help')}
              multiline
              minRows={2}
              fullWidth
              required
              slotProps={{ htmlInput: { 'data-testid': 'reason-input', maxLength: 600 } }}
            />
            {failure !== null && (
              <Alert data-testid="action-error" severity="error">
                {translate(failure, { _: failure })}
              </Alert>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button data-testid="action-cancel" onClick={close} disabled={pending}>
            {translate('gg.actions.cancel')}
          </Button>
          <Button data-testid="action-confirm" type="submit" variant="contained" color={props.danger ? 'error' : 'primary'} disabled={pending || (touched && blocked)}>
            {props.confirmLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
