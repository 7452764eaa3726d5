import { Box, Stack, type Theme, Typography, useMediaQuery } from '@mui/material';
import { Datagrid, FunctionField, Pagination, ReferenceManyField, SimpleList, TextField, useTranslate } from 'react-admin';
import { formatCoins, formatDateTime } from '../../lib/format';
import { formatPrice } from '../../lib/money';
import type { PurchaseRecord } from '../../records';
import { PurchaseStatusChip } from '../PurchaseStatusChip';

/** The player's purchases from the coin shop, newest first: what they paid, the coins, and any taken back. */
export function PurchasesTab() {
  const translate = useTranslate();
  const narrow = useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'));
  const empty = (
    <Typography variant="body2" color="text.secondary">
      {translate('gg.users.no_purchases')}
    </Typography>
  );
  return (
    <ReferenceManyField reference="purchases" target="user_id" perPage={25} pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />} empty={empty}>
      {narrow ? (
        <SimpleList<PurchaseRecord>
          linkType={false}
          primaryText={(purchase) => (
            <Box component="span" data-testid="purchase-row" data-purchase-id={purchase.id} sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
              <span data-testid="purchase-price">{formatPrice(purchase.price_minor, purchase.currency)}</span>
              <PurchaseStatusChip status={purchase.status} />
            </Box>
          )}
          secondaryText={(purchase) => (
            <Stack component="span" spacing={0.25} sx={{ overflowWrap: 'anywhere' }}>
              <span>
                {purchase.product_id} · {translate('gg.users.coins', { balance: formatCoins(purchase.coins) })}
              </span>
              {purchase.coins_taken_back > 0 && <TakenBack purchase={purchase} />}
              {/* The date goes here rather than in a column of its own, which would squeeze the rest. */}
              <Typography component="span" variant="caption" color="text.secondary">
                {formatDateTime(purchase.created_at)}
              </Typography>
            </Stack>
          )}
        />
      ) : (
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <FunctionField<PurchaseRecord> source="created_at" sortable={false} render={(purchase) => <span data-testid="purchase-row" data-purchase-id={purchase.id}>{formatDateTime(purchase.created_at)}</span>} />
          <TextField source="product_id" sortable={false} />
          <FunctionField<PurchaseRecord> source="coins" sortable={false} render={(purchase) => formatCoins(purchase.coins)} />
          <FunctionField<PurchaseRecord> source="price_minor" sortable={false} render={(purchase) => <span data-testid="purchase-price">{formatPrice(purchase.price_minor, purchase.currency)}</span>} />
          <FunctionField<PurchaseRecord> source="status" sortable={false} render={(purchase) => <PurchaseStatusChip status={purchase.status} />} />
          <FunctionField<PurchaseRecord> source="coins_taken_back" sortable={false} render={(purchase) => (purchase.coins_taken_back > 0 ? <TakenBack purchase={purchase} /> : '—')} />
          <FunctionField<PurchaseRecord> source="paid_at" sortable={false} render={(purchase) => formatDateTime(purchase.paid_at)} />
        </Datagrid>
      )}
    </ReferenceManyField>
  );
}

/** Coins a refund or a dispute took back, in red. */
function TakenBack({ purchase }: { purchase: PurchaseRecord }) {
  const translate = useTranslate();
  return (
    <Box component="span" data-testid="purchase-taken-back" sx={{ color: 'error.main', fontWeight: 500 }}>
      {translate('gg.purchases.taken_back', { coins: formatCoins(purchase.coins_taken_back) })}
    </Box>
  );
}
