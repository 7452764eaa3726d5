import { Circle, Group, Path, Skia } from '@shopify/react-native-skia';
import { useEffect, useMemo } from 'react';
import { cancelAnimation, Easing, interpolateColor, useDerivedValue, useSharedValue, withTiming } from 'react-native-reanimated';
import type { Point } from './table-layout';

export interface TimerRingProps {
  centre: Point;
  radius: number;
  /** When the acting seat will be played for, ms since the epoch. */
  deadline: number;
}

/** The countdown around the acting seat: a gold arc that runs down and reddens in its last fifth. */
export function TimerRing({ centre, radius, deadline }: TimerRingProps) {
  const left = useSharedValue(1);
  useEffect(() => {
    const remaining = Math.max(0, deadline - Date.now());
    left.value = 1;
    left.value = withTiming(0, { duration: remaining, easing: Easing.linear });
    return () => cancelAnimation(left);
  }, [deadline, left]);
  const circle = useMemo(() => {
    return Skia.PathBuilder.Make()
      .addArc(Skia.XYWHRect(centre.x - radius, centre.y - radius, radius * 2, radius * 2), -90, 359.9)
      .build();
  }, [centre.x, centre.y, radius]);
  const colour = useDerivedValue(() => interpolateColor(left.value, [0, 0.2, 0.35, 1], ['#ff3b30', '#ff6a3d', '#ffd54a', '#ffd54a']));
  return (
    <Group>
      <Circle cx={centre.x} cy={centre.y} r={radius} color="rgba(0,0,0,0.35)" style="stroke" strokeWidth={5} />
      <Path path={circle} start={0} end={left} color={colour} style="stroke" strokeWidth={4} strokeCap="round" />
    </Group>
  );
}
