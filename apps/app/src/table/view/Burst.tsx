import { Circle, Group, Path, Skia } from '@shopify/react-native-skia';
import { useEffect, useMemo } from 'react';
import { Easing, type SharedValue, useDerivedValue, useSharedValue, withTiming } from 'react-native-reanimated';
import type { BombTier } from '../model/play-caption';
import type { Point } from './table-layout';

export interface BurstProps {
  centre: Point;
  /** Sparks of a bomb (sized by its tier), or the slower confetti of a victory. */
  kind: 'bomb' | 'victory';
  /** The bomb's tier: more, faster and longer sparks, then a shock ring and a flash, as the bomb grows. */
  tier?: BombTier;
  /** Changes to set off another burst. */
  id: number;
}

interface Spark {
  angle: number;
  speed: number;
  size: number;
}

const FIRE = ['#fff3b0', '#ffb43b', '#ff5a1f', '#ffd54a'];
const PALETTES: Record<BombTier | 'victory', readonly string[]> = {
  four: FIRE,
  five: FIRE,
  six: [...FIRE, '#ff2d2d'],
  flush: ['#ffe0f4', '#ff5ac8', '#c23bff', '#ffd54a'],
  joker: ['#ffd54a', '#ff3b30', '#b44aff', '#4aa3df', '#fff3b0'],
  victory: ['#ffd54a', '#ff6f61', '#4aa3df', '#7ee081', '#f4efe1'],
};
const TIER_POWER: Record<BombTier, number> = { four: 1, five: 2, flush: 3, six: 4, joker: 5 };

/** How a burst looks: a victory's slow confetti, or a bomb that grows with its power (1 to 5). */
function shapeOf(kind: 'bomb' | 'victory', power: number) {
  if (kind === 'victory') return { count: 60, speed: 160, spread: 220, size: 4.5, duration: 2000, gravity: 220, ring: 0, flash: 0 };
  return {
    count: 24 + power * 18,
    speed: 70 + power * 30,
    spread: 120 + power * 45,
    size: 3 + power * 0.7,
    duration: 700 + power * 220,
    gravity: 60,
    // A shock ring from a 5-card bomb up, wider each tier; a white flash from the straight flush up.
    ring: power >= 2 ? 70 + power * 45 : 0,
    flash: power >= 3 ? 36 + power * 18 : 0,
  };
}

/**
 * Particles flung out from a point. One path per colour rebuilt per frame from a single progress value: a handful
 * of draw calls however many sparks there are.
 */
export function Burst({ centre, kind, tier = 'four', id }: BurstProps) {
  const progress = useSharedValue(1);
  const palette = PALETTES[kind === 'bomb' ? tier : 'victory'];
  const shape = shapeOf(kind, TIER_POWER[tier]);
  const sparks = useMemo(() => {
    let seed = id * 9301 + 49297;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    return palette.map(() =>
      Array.from({ length: Math.ceil(shape.count / palette.length) }, (): Spark => ({
        angle: random() * Math.PI * 2,
        speed: shape.speed + random() * shape.spread,
        size: 2 + random() * shape.size,
      })),
    );
  }, [id, palette, shape.count, shape.speed, shape.spread, shape.size]);
  useEffect(() => {
    progress.value = 0;
    progress.value = withTiming(1, { duration: shape.duration, easing: Easing.out(Easing.quad) });
  }, [id, progress, shape.duration]);
  return (
    <Group blendMode="plus">
      {shape.flash > 0 && <Flash centre={centre} radius={shape.flash} progress={progress} />}
      {shape.ring > 0 && <ShockRing centre={centre} reach={shape.ring} progress={progress} colour={palette[1]} />}
      {sparks.map((group, index) => (
        <SparkGroup key={index} sparks={group} centre={centre} colour={palette[index]} progress={progress} gravity={shape.gravity} />
      ))}
    </Group>
  );
}

/** A white disc that swells and fades in the first third of the burst. */
function Flash({ centre, radius, progress }: { centre: Point; radius: number; progress: SharedValue<number> }) {
  const r = useDerivedValue(() => radius * (0.4 + Math.min(1, progress.value * 3)));
  const opacity = useDerivedValue(() => Math.max(0, 0.85 - progress.value * 2.6));
  return <Circle cx={centre.x} cy={centre.y} r={r} color="#fffbe8" opacity={opacity} />;
}

/** A ring that runs out to `reach` and thins as it goes. */
function ShockRing({ centre, reach, progress, colour }: { centre: Point; reach: number; progress: SharedValue<number>; colour: string }) {
  const r = useDerivedValue(() => 8 + reach * Math.min(1, progress.value * 1.6));
  const width = useDerivedValue(() => Math.max(0.5, 9 * (1 - progress.value)));
  const opacity = useDerivedValue(() => Math.max(0, 1 - progress.value * 1.5));
  return <Circle cx={centre.x} cy={centre.y} r={r} color={colour} style="stroke" strokeWidth={width} opacity={opacity} />;
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
  progress: SharedValue<number>;
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
