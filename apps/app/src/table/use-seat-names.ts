import type { Seat } from '@guandan/engine';
import type { TablePlayer } from '@guandan/protocol';
import { useCallback } from 'react';
import { useT } from '../i18n';
import { relationKey, seatIdentity, seatRelation } from './model/seat-identity';

export interface SeatNames {
  /** 你, 对家, 上家, 下家: how tribute notices name seats (which seat matters more than who). */
  relationOf: (seat: Seat) => string;
  /** A seat in the deal summary: its relation and its name. */
  seatLabel: (seat: Seat) => string;
}

/** How the table's texts name the seats, as seen from `me`. */
export function useSeatNames(me: Seat, players: readonly TablePlayer[], roomId: string): SeatNames {
  const t = useT();
  const nameOf = useCallback(
    (seat: Seat) => {
      const player = players.find((candidate) => candidate.seat === seat);
      return seat === me ? t('seat.me') : player ? seatIdentity(player, roomId, t).name : t('seatName', { n: seat + 1 });
    },
    [me, players, roomId, t],
  );
  const relationOf = useCallback((seat: Seat) => t(relationKey(seatRelation(me, seat))), [me, t]);
  const seatLabel = useCallback((seat: Seat) => (seat === me ? t('seat.me') : `${relationOf(seat)} ${nameOf(seat)}`), [me, relationOf, nameOf, t]);
  return { relationOf, seatLabel };
}
