import type { PurchaseStatus } from '@guandan/protocol';
import { Chip, type ChipProps } from '@mui/material';
import { useTranslate } from 'react-admin';

/** Money that came back to the player (a refund, a dispute) is what an operator looks for: warm colours. */
const STATUS_COLOR: Record<PurchaseStatus, ChipProps['color']> = { pending: 'default', paid: 'success', refunded: 'warning', disputed: 'error', failed: 'default', expired: 'default' };

/** Where a purchase stands: waiting for payment, paid, refunded, disputed, failed, or given up (expired). */
export function PurchaseStatusChip({ status }: { status: PurchaseStatus }) {
  const translate = useTranslate();
  return <Chip data-testid="purchase-status" data-status={status} size="small" color={STATUS_COLOR[status]} label={translate(`gg.purchases.status.${status}`)} />;
}
