import { Group, Path, Skia } from '@shopify/react-native-skia';
import { useEffect, useMemo } from 'react';
import { Easing, useDerivedValue, useSharedValue, withTiming } from 'react-native-reanimated';
import type { Point } from './table-layout';

export interface BurstProps {
  centre: Point;
  /** Sparks of a bomb, or the slower confetti of a victory. */
  kind: 'bomb' | 'victory';
  /** Changes to set off another burst. */
  id: number;
}

interface Spark {
  angle: number;
  speed: number;
  size: number;
}

const PALETTES = {
  bomb: ['#fff3b0', '#ffb43b', '#ff5a1f', '#ffd54a'],
  victory: ['#ffd54a', '#ff6f61', '#4aa3df', '#7ee081', '#f4efe1'],
} as const;

/**
 * Particles flung out from a point. One path per colour rebuilt per frame from a single progress value: a handful
 * of draw calls however many sparks there are.
 */
export function Burst({ centre, kind, id }: BurstProps) {
  const progress = useSharedValue(1);
  const palette = PALETTES[kind];
  const sparks = useMemo(() => {
    let seed = id * 9301 + 49297;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const count = kind === 'bomb' ? 36 : 60;
    return palette.map(() =>
      Array.from({ length: Math.ceil(count / palette.length) }, (): Spark => ({
        angle: random() * Math.PI * 2,
        speed: (kind === 'bomb' ? 90 : 160) + random() * (kind === 'bomb' ? 140 : 220),
        size: 2 + random() * (kind === 'bomb' ? 3.5 : 4.5),
      })),
    );
  }, [id, kind, palette]);
  useEffect(() => {
    progress.value = 0;
    progress.value = withTiming(1, { duration: kind === 'bomb' ? 900 : 2000, easing: Easing.out(Easing.quad) });
  }, [id, kind, progress]);
  const gravity = kind === 'bomb' ? 60 : 220;
  return (
    <Group blendMode="plus">
      {sparks.map((group, index) => (
        <SparkGroup key={index} sparks={group} centre={centre} colour={palette[index]} progress={progress} gravity={gravity} />
      ))}
    </Group>
  );
}

function SparkGroup({
  sparks,
  centre,
  colour,
  progress,
  gravity,
}: {
  sparks: Spark[];
  centre: Point;
  colour: string;
  progress: ReturnType<typeof useSharedValue<number>>;
  gravity: number;
}) {
  const path = useDerivedValue(() => {
    const t = progress.value;
    const result = Skia.PathBuilder.Make();
    if (t >= 1) return result.build();
    const shrink = 1 - t;
    for (const spark of sparks) {
      const x = centre.x + Math.cos(spark.angle) * spark.speed * t;
      const y = centre.y + Math.sin(spark.angle) * spark.speed * t + gravity * t * t;
      result.addCircle(x, y, spark.size * shrink + 0.3);
    }
    return result.build();
  }, [sparks, centre, gravity]);
  const opacity = useDerivedValue(() => 1 - progress.value * progress.value);
  return <Path path={path} color={colour} opacity={opacity} />;
}
