import { Stack, TextField, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../../data-provider';
import { amountProblem, correctionAttempt, correctionRequest, type PendingCorrection, parseAmount } from '../../lib/coin-correction';
import { formatCoins } from '../../lib/format';
import { newUuid } from '../../lib/uuid';
import type { UserDetailRecord } from '../../records';
import { ActionDialog } from '../../common/ActionDialog';

/**
 * Adds or takes game coins, as a ledger entry of its own. The idempotency key stays with the form while the amount
 * and reason stay the same, so sending it again after a failure (the answer may have been lost) applies it once.
 */
export function CoinCorrectionDialog({ user, open, onClose }: { user: UserDetailRecord; open: boolean; onClose: () => void }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [amountText, setAmountText] = useState('');
  const [touched, setTouched] = useState(false);
  const pending = useRef<PendingCorrection | null>(null);
  const balance = user.game_coin_balance;
  const problem = amountProblem(amountText, balance);
  const parsed = parseAmount(amountText);

  const close = () => {
    setAmountText('');
    setTouched(false);
    pending.current = null;
    onClose();
  };

  return (
    <ActionDialog
      open={open}
      onClose={close}
      testId="coins"
      title={translate('gg.actions.coins_title', { name: user.username })}
      help={translate('gg.actions.coins_help')}
      confirmLabel={translate('gg.actions.correct_coins')}
      fieldsProblem={problem}
      onAttempt={() => setTouched(true)}
      onSubmit={async (reason) => {
        if ('problem' in parsed) throw new Error(parsed.problem);
        pending.current = correctionAttempt(pending.current, parsed.amount, reason, () => newUuid());
        const result = await dataProvider.correctCoins(user.id, correctionRequest(parsed.amount, reason, pending.current));
        pending.current = null;
        setAmountText('');
        setTouched(false);
        const message = result.applied ? 'gg.actions.done.coins' : 'gg.actions.done.coins_repeated';
        return { message, messageArgs: { balance: formatCoins(result.balance) } };
      }}
    >
      <Stack spacing={1}>
        <Typography data-testid="balance-now" variant="body2">
          {translate('gg.actions.balance_now', { balance: formatCoins(balance) })}
        </Typography>
        <TextField
          label={translate('gg.actions.amount')}
          value={amountText}
          onChange={(event) => {
            setAmountText(event.target.value);
            setTouched(true);
          }}
          error={touched && problem !== null}
          helperText={
            touched && problem !== null
              ? translate(problem)
              : 'amount' in parsed
                ? translate('gg.actions.balance_after', { balance: formatCoins(balance + parsed.amount) })
                : ' '
          }
          fullWidth
          required
          slotProps={{ htmlInput: { 'data-testid': 'amount-input', inputMode: 'numeric', autoComplete: 'off' } }}
        />
      </Stack>
    </ActionDialog>
  );
}
