import { Skia, type SkRSXform, type SkRect } from '@shopify/react-native-skia';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { Easing, type SharedValue, useDerivedValue, useSharedValue, withTiming } from 'react-native-reanimated';
import type { CardAtlas } from './card-atlas';

/** A card on the table: its atlas tile and where its top-left corner rests, at `scale` of the hand card size. */
export interface SceneCard {
  key: string;
  tile: number;
  x: number;
  y: number;
  scale: number;
}

/** How a card arrives when it first appears: from somewhere else, after `delay` ms. */
export interface Flight {
  fromX: number;
  fromY: number;
  fromScale: number;
  delay: number;
  duration: number;
  /** Radians of turn the card sheds on the way (a dealt card spins in). */
  spin?: number;
}

interface Motion {
  fromX: number;
  fromY: number;
  fromScale: number;
  fromTurn: number;
  x: number;
  y: number;
  scale: number;
  start: number;
  duration: number;
}

/** Where the cards' numbers live for the per-frame worklet: flat arrays, nine numbers a card. */
const STRIDE = 9;
/**
 * The atlas always draws a multiple of this many sprites, the unused ones at zero scale: sprites and transforms
 * reach the canvas by different paths, and a frame where their lengths differ would draw no card at all.
 */
const CAPACITY_STEP = 64;
const REFLOW_MS = 170;

function ease(t: number): number {
  'worklet';
  const inverse = 1 - t;
  return 1 - inverse * inverse * inverse;
}

function positionAt(motion: Motion, now: number): { x: number; y: number; scale: number } {
  const t = motion.duration <= 0 ? 1 : Math.min(1, Math.max(0, (now - motion.start) / motion.duration));
  const e = ease(t);
  return {
    x: motion.fromX + (motion.x - motion.fromX) * e,
    y: motion.fromY + (motion.y - motion.fromY) * e,
    scale: motion.fromScale + (motion.scale - motion.fromScale) * e,
  };
}

/**
 * The cards' RSXforms for `<Atlas>`, animated without React: a change of scene starts one timing of a shared clock,
 * and a worklet places every card from it. A card that moved (the hand closing up, a card raised) glides there;
 * a card given a flight flies in from its origin.
 */
export function useCardMotion(
  atlas: CardAtlas | null,
  cards: readonly SceneCard[],
  flights: ReadonlyMap<string, Flight>,
): { sprites: SkRect[]; transforms: SharedValue<SkRSXform[]> } {
  const placed = useRef(new Map<string, Motion>());
  const clock = useSharedValue(0);

  const plan = useMemo(() => {
    const now = performance.now();
    const next = new Map<string, Motion>();
    const numbers = new Float64Array(cards.length * STRIDE);
    let end = now;
    cards.forEach((card, index) => {
      const previous = placed.current.get(card.key);
      const flight = flights.get(card.key);
      let motion: Motion;
      if (flight !== undefined && previous === undefined) {
        motion = {
          fromX: flight.fromX,
          fromY: flight.fromY,
          fromScale: flight.fromScale,
          fromTurn: flight.spin ?? 0,
          x: card.x,
          y: card.y,
          scale: card.scale,
          start: now + flight.delay,
          duration: flight.duration,
        };
      } else if (previous !== undefined && (previous.x !== card.x || previous.y !== card.y || previous.scale !== card.scale)) {
        const from = positionAt(previous, now);
        motion = { fromX: from.x, fromY: from.y, fromScale: from.scale, fromTurn: 0, x: card.x, y: card.y, scale: card.scale, start: now, duration: REFLOW_MS };
      } else {
        motion = previous ?? { fromX: card.x, fromY: card.y, fromScale: card.scale, fromTurn: 0, x: card.x, y: card.y, scale: card.scale, start: 0, duration: 0 };
      }
      next.set(card.key, motion);
      end = Math.max(end, motion.start + motion.duration);
      numbers.set([motion.fromX, motion.fromY, motion.fromScale, motion.fromTurn, motion.x, motion.y, motion.scale, motion.start, motion.duration], index * STRIDE);
    });
    placed.current = next;
    return { numbers, now, end };
  }, [cards, flights]);

  useLayoutEffect(() => {
    if (plan.end <= plan.now) {
      clock.value = plan.now;
      return;
    }
    clock.value = plan.now;
    clock.value = withTiming(plan.end, { duration: plan.end - plan.now, easing: Easing.linear });
  }, [plan, clock]);

  const capacity = Math.ceil(Math.max(1, cards.length) / CAPACITY_STEP) * CAPACITY_STEP;
  const sprites = useMemo(() => {
    if (atlas === null) return [];
    const rects = cards.map((card) => atlas.sprite(card.tile));
    const filler = atlas.sprite(0);
    while (rects.length < capacity) rects.push(filler);
    return rects;
  }, [atlas, cards, capacity]);
  const pad = atlas?.pad ?? 0;
  const density = atlas?.density ?? 1;
  const numbers = plan.numbers;
  const count = cards.length;

  const transforms = useDerivedValue(() => {
    const now = clock.value;
    const result: SkRSXform[] = [];
    for (let index = 0; index < count; index++) {
      const base = index * STRIDE;
      const duration = numbers[base + 8];
      const t = duration <= 0 ? 1 : Math.min(1, Math.max(0, (now - numbers[base + 7]) / duration));
      const e = ease(t);
      const x = numbers[base] + (numbers[base + 4] - numbers[base]) * e;
      const y = numbers[base + 1] + (numbers[base + 5] - numbers[base + 1]) * e;
      const scale = numbers[base + 2] + (numbers[base + 6] - numbers[base + 2]) * e;
      const turn = numbers[base + 3] * (1 - e);
      const s = scale / density;
      const cos = Math.cos(turn) * s;
      const sin = Math.sin(turn) * s;
      // The sprite includes the shadow margin: its origin sits `pad` above and left of the card.
      result.push(Skia.RSXform(cos, sin, x - pad * scale, y - pad * scale));
    }
    for (let index = count; index < capacity; index++) result.push(Skia.RSXform(0, 0, -1000, -1000));
    return result;
  }, [numbers, count, pad, density, capacity]);

  return { sprites, transforms };
}
