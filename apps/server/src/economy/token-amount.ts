import { ProtocolError } from '@guandan/protocol';
import { maxUint256, parseUnits } from 'viem';

/**
 * A decimal amount typed by a person ("12.5", already checked to be digits with at most one point) in the token's
 * smallest units, exactly: more decimals than the token has would be rounded away (0.0000000000000000001 PLAY
 * staking nothing), and more than a uint256 holds cannot be sent at all, so both are refused.
 */
export function tokenUnits(amount: string, decimals: number, field = 'amount'): bigint {
  const fraction = amount.split('.')[1] ?? '';
  if (fraction.length > decimals) throw new ProtocolError('INVALID_AMOUNT', `${field}: at most ${decimals} decimals`);
  const units = parseUnits(amount, decimals);
  if (units > maxUint256) throw new ProtocolError('INVALID_AMOUNT', `${field}: too large`);
  if (units === 0n) throw new ProtocolError('INVALID_AMOUNT', `${field}: must be above zero`);
  return units;
}
