import { Circle, Group, Path, Skia } from '@shopify/react-native-skia';
import { useEffect, useMemo } from 'react';
import { interpolateColor, useDerivedValue, useSharedValue } from 'react-native-reanimated';
import { URGENT_SECONDS } from './seconds-left';
import type { Point } from './table-layout';
import { serverNow } from '../../session/server-clock';

export interface TimerRingProps {
  centre: Point;
  radius: number;
  /** When the acting seat will be played for, ms since the epoch. */
  deadline: number;
}

const CALM = '#ffd54a';
const URGENT = '#ff3b30';
const URGENT_MS = URGENT_SECONDS * 1000;
/**
 * How often the ring is moved on. A turn's ring runs down ~200 px of arc in 15–30 s, so ten steps a second move it
 * less than 1.5 px each, which reads as smooth; every step redraws the whole canvas, and a ring redrawn at the
 * screen's rate kept a phone drawing 60 frames a second for the whole game.
 */
const STEP_MS = 100;

interface Countdown {
  msLeft: number;
  /** The turn's time when the ring appeared: the ring starts full. */
  total: number;
}

/**
 * The countdown around the acting seat: a gold arc that runs down, turns red for its last seconds and thickens
 * then (TimerSeconds writes the seconds beside it).
 */
export function TimerRing({ centre, radius, deadline }: TimerRingProps) {
  const countdown = useSharedValue<Countdown>({ msLeft: 1, total: 1 });
  useEffect(() => {
    const total = Math.max(0, deadline - serverNow());
    const step = () => {
      const msLeft = Math.max(0, deadline - serverNow());
      countdown.value = { msLeft, total };
      if (msLeft === 0) clearInterval(timer);
    };
    const timer = setInterval(step, STEP_MS);
    step();
    return () => clearInterval(timer);
  }, [deadline, countdown]);
  const bounds = useMemo(() => Skia.XYWHRect(centre.x - radius, centre.y - radius, radius * 2, radius * 2), [centre.x, centre.y, radius]);
  const shade = useMemo(() => Skia.Color('rgba(0,0,0,0.35)'), []);
  // The arc drawn as far as it goes (not a full circle trimmed on every frame the canvas draws).
  const arc = useDerivedValue(() => {
    const { msLeft, total } = countdown.value;
    const sweep = total <= 0 ? 0 : (359.9 * msLeft) / total;
    return Skia.PathBuilder.Make().addArc(bounds, -90, sweep).build();
  });
  const colour = useDerivedValue(() => Skia.Color(interpolateColor(countdown.value.msLeft, [URGENT_MS, URGENT_MS + 1500], [URGENT, CALM])));
  const width = useDerivedValue(() => (countdown.value.msLeft <= URGENT_MS ? 6 : 4));
  return (
    <Group>
      <Circle cx={centre.x} cy={centre.y} r={radius} color={shade} style="stroke" strokeWidth={6} />
      <Path path={arc} color={colour} style="stroke" strokeWidth={width} strokeCap="round" />
    </Group>
  );
}
