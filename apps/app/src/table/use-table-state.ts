import type { AnyServerMessage } from '@guandan/protocol';
import type { RealtimeClient } from '@guandan/sdk';
import { useEffect, useReducer } from 'react';
import { consumeEffect, initialTableState, reduceServerMessage, type TableState } from './model/table-state';

type TableAction = { kind: 'message'; message: AnyServerMessage } | { kind: 'consume'; ids: readonly number[] };

function reducer(state: TableState, action: TableAction): TableState {
  if (action.kind === 'message') return reduceServerMessage(state, action.message);
  return action.ids.reduce(consumeEffect, state);
}

/**
 * The table of `roomId` as the server tells it. On mount the client asks to RESUME from the last seq it saw: the
 * waiting room may have swallowed the first state, and after a reload this is how the same seat comes back.
 */
export function useTableState(realtime: RealtimeClient, roomId: string): [TableState, (ids: readonly number[]) => void] {
  const [state, dispatch] = useReducer(reducer, roomId, initialTableState);
  useEffect(() => {
    realtime.roomId = roomId;
    let heard = false;
    const off = realtime.on('*', (message) => {
      heard = true;
      dispatch({ kind: 'message', message });
    });
    const timer = setTimeout(() => {
      if (!heard) realtime.send('RESUME', { roomId, lastSeq: realtime.lastSeq });
    }, 0);
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [realtime, roomId]);
  return [state, (ids) => dispatch({ kind: 'consume', ids })];
}
