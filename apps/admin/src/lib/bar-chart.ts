/** One figure per column (a day), stacked with the other series of the chart. */
export interface ChartSeries {
  key: string;
  values: readonly number[];
}

/** One segment of a column: `top` and `height` are fractions of the chart's height, from its top edge. */
export interface BarSegment {
  series: string;
  column: number;
  value: number;
  top: number;
  height: number;
}

export interface StackedBars {
  segments: BarSegment[];
  /** The figures at the top and bottom edges (bottom ≤ 0 ≤ top), rounded to a readable scale. */
  max: number;
  min: number;
  /** Where zero is, as a fraction of the height from the top. */
  zero: number;
}

/**
 * The smallest of 1, 2 or 5 times a power of ten at least `value`: a scale's end that reads well (8,700 → 10,000).
 * Zero for zero or less.
 */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 0;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((factor) => factor * power >= value) ?? 10;
  return step * power;
}

/**
 * Columns of stacked bars: each column's positive figures stack up from zero and its negative ones down (coins lost
 * below the line, won above), in the order of the series. The scale runs from the largest stack up to the largest
 * stack down, each end rounded up by `niceCeiling`; an empty chart gets a scale of 0 to 1.
 */
export function stackedBars(columns: number, series: readonly ChartSeries[]): StackedBars {
  const up = Array.from({ length: columns }, () => 0);
  const down = Array.from({ length: columns }, () => 0);
  for (const { values } of series) {
    for (let column = 0; column < columns; column++) {
      const value = values[column] ?? 0;
      if (value > 0) up[column] += value;
      else down[column] += value;
    }
  }
  const max = niceCeiling(Math.max(0, ...up));
  const below = niceCeiling(-Math.min(0, ...down));
  const min = below === 0 ? 0 : -below;
  const span = max - min || 1;
  const fraction = (value: number) => (max - value) / span;

  const segments: BarSegment[] = [];
  const reachedUp = Array.from({ length: columns }, () => 0);
  const reachedDown = Array.from({ length: columns }, () => 0);
  for (const { key, values } of series) {
    for (let column = 0; column < columns; column++) {
      const value = values[column] ?? 0;
      if (value === 0) continue;
      const reached = value > 0 ? reachedUp : reachedDown;
      const from = reached[column];
      const to = from + value;
      reached[column] = to;
      const top = fraction(Math.max(from, to));
      segments.push({ series: key, column, value, top, height: fraction(Math.min(from, to)) - top });
    }
  }
  return { segments, max, min, zero: fraction(0) };
}
