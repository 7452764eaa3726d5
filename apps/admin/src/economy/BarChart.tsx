import { Box, Stack, Typography } from '@mui/material';
import { type ChartSeries, stackedBars } from '../lib/bar-chart';

export interface SeriesStyle {
  key: string;
  label: string;
  color: string;
}

/** Chart units: a column is this wide, with a gap on each side; the height is 100 units, stretched to the box. */
const COLUMN = 10;
const GAP = 1.5;
const HEIGHT_PX = 160;

export interface BarChartProps {
  testId: string;
  /** What the chart shows, for screen readers. */
  label: string;
  days: readonly string[];
  series: readonly ChartSeries[];
  styles: readonly SeriesStyle[];
  formatValue: (value: number) => string;
}

/**
 * Stacked bars per day, drawn as SVG (no chart library: a few rectangles). The drawing stretches to the width it
 * is given, so 30 days fit a phone; each bar names its day and figure on hover, and the scale's ends are written
 * beside it. Values above zero stack up, values below stack down from the zero line.
 */
export function BarChart({ testId, label, days, series, styles, formatValue }: BarChartProps) {
  const chart = stackedBars(days.length, series);
  const styleOf = new Map(styles.map((style) => [style.key, style]));
  const width = Math.max(days.length, 1) * COLUMN;
  const zeroY = chart.zero * 100;
  return (
    <Box data-testid={testId} data-columns={days.length} sx={{ minWidth: 0 }}>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr)', columnGap: 1 }}>
        <Stack sx={{ height: HEIGHT_PX, justifyContent: 'space-between', textAlign: 'right' }}>
          <Typography variant="caption" color="text.secondary" sx={{ lineHeight: 1, fontVariantNumeric: 'tabular-nums' }}>
            {formatValue(chart.max)}
          </Typography>
          <Typography variant="caption" color="text.secondary" sx={{ lineHeight: 1, fontVariantNumeric: 'tabular-nums' }}>
            {formatValue(chart.min)}
          </Typography>
        </Stack>
        <Box
          component="svg"
          role="img"
          aria-label={label}
          viewBox={`0 0 ${width} 100`}
          preserveAspectRatio="none"
          sx={{ width: '100%', height: HEIGHT_PX, display: 'block', borderLeft: 1, borderBottom: chart.min < 0 ? 0 : 1, borderColor: 'divider' }}
        >
          {chart.segments.map((segment) => {
            const style = styleOf.get(segment.series);
            return (
              <rect
                key={`${segment.series}-${segment.column}`}
                data-testid={`${testId}-bar`}
                x={segment.column * COLUMN + GAP}
                width={COLUMN - 2 * GAP}
                y={segment.top * 100}
                height={segment.height * 100}
                fill={style?.color ?? 'currentColor'}
              >
                <title>{`${days[segment.column]} · ${style?.label ?? segment.series}: ${formatValue(segment.value)}`}</title>
              </rect>
            );
          })}
          {chart.min < 0 && <line x1={0} x2={width} y1={zeroY} y2={zeroY} stroke="currentColor" strokeOpacity={0.4} vectorEffect="non-scaling-stroke" />}
        </Box>
        <span />
        <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 1 }}>
          <Typography variant="caption" color="text.secondary">
            {days[0]}
          </Typography>
          {days.length > 1 && (
            <Typography variant="caption" color="text.secondary">
              {days[days.length - 1]}
            </Typography>
          )}
        </Box>
      </Box>
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap', mt: 1 }}>
        {styles.map((style) => (
          <Box key={style.key} sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
            <Box sx={{ width: 10, height: 10, borderRadius: 0.5, bgcolor: style.color }} />
            <Typography variant="caption">{style.label}</Typography>
          </Box>
        ))}
      </Stack>
    </Box>
  );
}
