import type { Action, Seat } from '@guandan/engine';
import type { Operator } from './snapshot.js';

/** A person's game action before the table knows their seat: what a client asks for. */
export type Move =
  | { kind: 'play'; cards: Extract<Action, { kind: 'play' }>['cards']; reading?: Extract<Action, { kind: 'play' }>['reading'] }
  | { kind: 'pass' }
  | { kind: 'tribute'; card: Extract<Action, { kind: 'tribute' }>['card'] }
  | { kind: 'return'; card: Extract<Action, { kind: 'return' }>['card'] };

/**
 * What a person asks of the table they sit at. Plain data, so that the node holding the person's socket can hand it
 * to the node running the table.
 */
export type TableCommand =
  | { op: 'act'; userId: string; clientMsgId: string; move: Move }
  | { op: 'autoPlay'; userId: string; on: boolean }
  | { op: 'chat'; userId: string; clientMsgId: string; content: { text?: string; emoji?: string } }
  | { op: 'quit'; userId: string };

export function actionOf(move: Move, seat: Seat): Action {
  return { ...move, seat };
}

/**
 * An operator's order to end a table before its match is over (a stuck table): the deals completed count as played,
 * the one in play is void. Plain data, like a person's command, so it can go to the node running the table.
 */
export interface TableEnding {
  op: 'end';
  gameId: string;
  operator: Operator;
  reason: string;
}
