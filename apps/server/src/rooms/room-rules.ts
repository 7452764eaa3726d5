import type { Rules } from '@guandan/engine';
import type { ResolvedRoomConfig } from './room.js';

/** The engine's rules for a room: the room's rule options, with the match length as the engine's end condition. */
export function rulesOf(config: ResolvedRoomConfig): Partial<Rules> {
  const matchEnd = config.match_length === 'A' ? ({ kind: 'a-level' } as const) : ({ kind: 'deals', deals: config.match_length } as const);
  return { ...(config.rules as Partial<Rules>), matchEnd };
}
