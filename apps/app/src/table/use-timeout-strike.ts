import type { Seat } from '@guandan/engine';
import type { RealtimeClient } from '@guandan/sdk';
import { useEffect, useRef, useState } from 'react';
import { NO_STRIKE, strikeAfter, type TimeoutStrike } from './model/timeout-strike';

/** This seat's standing timeout (see model/timeout-strike.ts), from the messages of the room's connection. */
export function useTimeoutStrike(realtime: RealtimeClient, mySeat: Seat | null): TimeoutStrike {
  const [strike, setStrike] = useState<TimeoutStrike>(NO_STRIKE);
  const seat = useRef(mySeat);
  seat.current = mySeat;
  useEffect(() => realtime.on('*', (message) => setStrike((current) => strikeAfter(current, message, seat.current))), [realtime]);
  return strike;
}
