import type { StringKey } from '../../i18n';
import type { AmountProblem } from '../../wallet/token-amount';

/** The words for what is wrong with a typed amount. */
export function amountProblemKey(problem: AmountProblem): StringKey {
  return `amount.${problem}`;
}
