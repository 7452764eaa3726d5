import { Circle, Group, Path, Skia } from '@shopify/react-native-skia';
import { useEffect, useMemo } from 'react';
import { cancelAnimation, Easing, interpolateColor, useDerivedValue, useSharedValue, withTiming } from 'react-native-reanimated';
import { URGENT_SECONDS } from './seconds-left';
import type { Point } from './table-layout';

export interface TimerRingProps {
  centre: Point;
  radius: number;
  /** When the acting seat will be played for, ms since the epoch. */
  deadline: number;
}

const CALM = '#ffd54a';
const URGENT = '#ff3b30';

/**
 * The countdown around the acting seat: a gold arc that runs down, turns red for its last seconds and thickens
 * then (TimerSeconds writes the seconds beside it).
 */
export function TimerRing({ centre, radius, deadline }: TimerRingProps) {
  // Start full with the time left now, so the first frame is not drawn as run out (red).
  const left = useSharedValue(1);
  const remaining = useSharedValue(Math.max(0, deadline - Date.now()));
  useEffect(() => {
    const total = Math.max(0, deadline - Date.now());
    remaining.value = total;
    left.value = 1;
    left.value = withTiming(0, { duration: total, easing: Easing.linear });
    return () => cancelAnimation(left);
  }, [deadline, left, remaining]);
  const circle = useMemo(() => {
    return Skia.PathBuilder.Make()
      .addArc(Skia.XYWHRect(centre.x - radius, centre.y - radius, radius * 2, radius * 2), -90, 359.9)
      .build();
  }, [centre.x, centre.y, radius]);
  const msLeft = useDerivedValue(() => left.value * remaining.value);
  const colour = useDerivedValue(() => interpolateColor(msLeft.value, [URGENT_SECONDS * 1000, URGENT_SECONDS * 1000 + 1500], [URGENT, CALM]));
  const width = useDerivedValue(() => (msLeft.value <= URGENT_SECONDS * 1000 ? 6 : 4));
  return (
    <Group>
      <Circle cx={centre.x} cy={centre.y} r={radius} color="rgba(0,0,0,0.35)" style="stroke" strokeWidth={6} />
      <Path path={circle} start={0} end={left} color={colour} style="stroke" strokeWidth={width} strokeCap="round" />
    </Group>
  );
}
