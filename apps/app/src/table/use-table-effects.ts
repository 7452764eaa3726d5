import type { DealResult, Seat, Team } from '@guandan/engine';
import type { GameEndedPayload, TablePlayer } from '@guandan/protocol';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type SharedValue, useSharedValue, withSequence, withTiming } from 'react-native-reanimated';
import { useT } from '../i18n';
import { cardLabel } from './model/labels';
import { bombPower, bombTier, type BombTier } from './model/play-caption';
import type { TableEffect, TableState } from './model/table-state';
import { useExpiry } from './view/TableNotices';
import { DEAL_ANIMATION_MS } from './view/table-scene';
import type { Point, SeatPosition, TableLayout } from './view/table-layout';

/** The victory's banner and confetti, before the results take the screen. */
const VICTORY_MS = 2200;
const NOTICE_MS = 3500;
const FLOAT_MS = 2600;
/** The first timeout's notice stays long enough to be read in full. */
const TIMEOUT_NOTICE_MS = 7000;
/** A table that has just opened is catching up with history (a RESUME from an old seq) for this long. */
const CATCH_UP_MS = 600;

/** A bomb's burst on the felt. */
export interface Flash {
  id: number;
  at: Point;
  tier: BombTier;
}

/** The deal's result floating over the felt. */
export interface Floating {
  id: number;
  text: string;
  /** When it is gone (ms since the epoch). */
  until: number;
}

export interface TableEffectsInput {
  state: TableState;
  /** Marks effects as played (see useTableState). */
  consume: (ids: readonly number[]) => void;
  layout: TableLayout;
  positionOf: (seat: Seat) => SeatPosition;
  myTeam: Team;
  relationOf: (seat: Seat) => string;
  /** The deal summary is up: the felt is cleared under it, and the next deal is dealt once it closes. */
  betweenDeals: boolean;
  openSummary: (result: DealResult) => void;
  closeSummary: () => void;
  clearSelection: () => void;
  /** Adds a line to the notices (see useNotices). */
  notice: (line: string, ms: number) => void;
  /** When the server last played this seat's turn for it (see useTimeoutStrike), 0 if never. */
  timeoutWarnedAt: number;
  onGameEnded: (ended: GameEndedPayload, lastDeal: DealResult | null, players: TablePlayer[]) => void;
}

export interface TableChoreography {
  /** The hand is being dealt from the centre. */
  dealing: boolean;
  /** The last bomb's burst. */
  burst: Flash | null;
  /** The table's sideways jolt, for the canvas. */
  shake: SharedValue<number>;
  /** The deal's result while it floats. */
  floating: Floating | null;
}

/**
 * The table's choreography: each effect of the server's state (a deal, a bomb, a tribute exchange, a deal's end, the
 * victory) played once, in order, then handed back as consumed; the server's warning after a timeout; and the
 * results, handed over once the victory has been seen.
 */
export function useTableEffects({
  state,
  consume,
  layout,
  positionOf,
  myTeam,
  relationOf,
  betweenDeals,
  openSummary,
  closeSummary,
  clearSelection,
  notice,
  timeoutWarnedAt,
  onGameEnded,
}: TableEffectsInput): TableChoreography {
  const t = useT();
  const [dealingUntil, setDealingUntil] = useState(0);
  const [burst, setBurst] = useState<Flash | null>(null);
  const [floating, setFloating] = useState<Floating | null>(null);
  const shake = useSharedValue(0);

  const wasBetween = useRef(false);
  useEffect(() => {
    if (wasBetween.current && !betweenDeals) setDealingUntil(Date.now() + DEAL_ANIMATION_MS);
    wasBetween.current = betweenDeals;
  }, [betweenDeals]);

  const handled = useRef(new Set<number>());
  /** Until then, effects are history being caught up with: only the deal is animated. */
  const catchUpUntil = useRef<number | null>(null);
  if (state.view !== null && catchUpUntil.current === null) catchUpUntil.current = Date.now() + CATCH_UP_MS;

  const perform = useCallback(
    (effect: TableEffect) => {
      const now = Date.now();
      switch (effect.kind) {
        case 'deal':
          setDealingUntil(now + DEAL_ANIMATION_MS);
          clearSelection();
          break;
        case 'play':
          if (effect.bomb) {
            const tier = bombTier(effect.play) ?? 'four';
            setBurst({ id: effect.id, at: layout.trick[positionOf(effect.seat)], tier });
            // The table jolts harder for a bigger bomb.
            const jolt = 0.6 + bombPower(tier) * 0.3;
            shake.value = withSequence(
              withTiming(-9 * jolt, { duration: 45 }),
              withTiming(8 * jolt, { duration: 70 }),
              withTiming(-6 * jolt, { duration: 70 }),
              withTiming(4 * jolt, { duration: 70 }),
              withTiming(0, { duration: 60 }),
            );
          }
          break;
        case 'exchange': {
          const { from, to, card } = effect.exchange;
          notice(t(effect.returned ? 'exchangeReturn' : 'exchangeTribute', { from: relationOf(from), to: relationOf(to), card: cardLabel(card) }), NOTICE_MS);
          break;
        }
        case 'dealEnded': {
          const { team, rise } = effect.result;
          setFloating({ id: effect.id, text: `${team === myTeam ? t('teamUs') : t('teamThem')} ${t('riseLevels', { n: rise })}`, until: now + FLOAT_MS });
          // Between deals the summary says it (and the float stays hidden under it); the match's last deal has the float.
          openSummary(effect.result);
          break;
        }
        case 'victory':
          closeSummary();
          break;
        default:
          break;
      }
    },
    [layout, positionOf, shake, t, relationOf, myTeam, openSummary, closeSummary, clearSelection, notice],
  );

  useEffect(() => {
    const fresh = state.effects.filter((effect) => !handled.current.has(effect.id));
    if (fresh.length === 0) return;
    const catchingUp = catchUpUntil.current === null || Date.now() < catchUpUntil.current;
    for (const effect of fresh) {
      handled.current.add(effect.id);
      if (!catchingUp || effect.kind === 'deal') perform(effect);
    }
    consume(fresh.map((effect) => effect.id));
  }, [state.effects, perform, consume]);

  const ended = state.ended;
  useEffect(() => {
    if (ended === null) return;
    const timer = setTimeout(() => onGameEnded(ended, state.lastDeal, state.players), VICTORY_MS);
    return () => clearTimeout(timer);
    // The results are handed over once, when the game ends.
  }, [ended]);

  // The server played this seat's turn: say what the next timeout in a row will do before it happens.
  useEffect(() => {
    if (timeoutWarnedAt === 0) return;
    notice(t('timeout.first'), TIMEOUT_NOTICE_MS);
    // Once per warning; the language does not re-announce it.
  }, [timeoutWarnedAt]);

  const floatLive = useExpiry(floating?.until ?? null);
  return {
    dealing: state.effects.some((effect) => effect.kind === 'deal') || dealingUntil > Date.now(),
    burst,
    shake,
    floating: floatLive ? floating : null,
  };
}
