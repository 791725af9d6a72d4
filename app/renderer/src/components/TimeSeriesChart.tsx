// A live time-series chart on uPlot: fixed time window ending now, y from zero, colours from the theme, resized with its box.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { measuredSince, type Columns } from '../store/stats-series.js';
import { resolveCssColor, withAlpha, type Scheme } from '../theme/theme.js';

export interface SeriesSpec {
  label: string;
  /** CSS custom property holding the colour, e.g. --chart-rx. */
  colorVar: string;
  fill?: boolean;
  /** Drawn only as the edge of a band (no line). */
  bandEdge?: boolean;
  /** Bars on their own 0–100 scale (percent), e.g. loss marks; no line. */
  marks?: boolean;
}

interface TimeSeriesChartProps {
  ariaLabel: string;
  data: Columns;
  series: SeriesSpec[];
  windowSeconds: number;
  heightPx: number;
  scheme: Scheme;
  formatValue(value: number): string;
  /** The y axis shows at least 0…minTop. */
  minTop: number;
  /** Pairs of series indices (1-based, as uPlot counts) filled between. */
  bands?: [number, number][];
  /** Re-applies the time window when the clock moves without new data. */
  nowMs: number;
  /** Shown over the chart while the window holds no sample. */
  emptyText: string;
}

/** Clock labels: seconds matter in a one-minute window, not in longer ones. */
function timeLabel(seconds: number, windowSeconds: number): string {
  const options: Intl.DateTimeFormatOptions = windowSeconds <= 120
    ? { hour: '2-digit', minute: '2-digit', second: '2-digit' }
    : { hour: '2-digit', minute: '2-digit' };
  return new Date(seconds * 1000).toLocaleTimeString([], options);
}

function seriesOptions(spec: SeriesSpec): uPlot.Series {
  const colour = resolveCssColor(spec.colorVar);
  if (spec.marks) {
    return { label: spec.label, scale: 'marks', stroke: withAlpha(colour, 0.9), width: 0, fill: withAlpha(colour, 0.55), points: { show: false }, paths: barPaths };
  }
  return {
    label: spec.label,
    stroke: spec.bandEdge ? 'transparent' : colour,
    width: spec.bandEdge ? 0 : 1.75,
    fill: spec.fill ? withAlpha(colour, 0.12) : undefined,
    points: { show: false },
    spanGaps: false,
  };
}

/** Thin bars at each sample (uPlot's bar path builder; absent in some type builds, hence the guard). */
const barPaths = uPlot.paths.bars?.({ size: [0.6, 4], align: 0 });

function buildOptions(props: TimeSeriesChartProps, width: number, windowOf: () => number): uPlot.Options {
  const axis = resolveCssColor('--chart-axis');
  const grid = resolveCssColor('--chart-grid');
  const axisStyle = { stroke: axis, grid: { stroke: grid, width: 1 }, ticks: { show: false } };
  return {
    width,
    height: props.heightPx,
    legend: { show: false },
    cursor: { y: false, points: { size: 6 } },
    scales: {
      x: { time: true },
      y: { range: (_plot, _min, max) => [0, Math.max(props.minTop, (max ?? 0) * 1.15)] },
      marks: { range: [0, 100] },
    },
    axes: [
      { ...axisStyle, space: 80, size: 34, gap: 8, values: (_plot, splits) => splits.map((value) => timeLabel(value, windowOf())) },
      { ...axisStyle, size: 72, values: (_plot, splits) => splits.map((value) => props.formatValue(value)) },
    ],
    series: [{}, ...props.series.map((spec) => seriesOptions(spec))],
    bands: props.bands?.map(([upper, lower]) => ({
      series: [upper, lower] as [number, number],
      fill: withAlpha(resolveCssColor(props.series[upper - 1]?.colorVar ?? '--chart-axis'), 0.16),
    })),
  };
}

function timeWindow(data: Columns, windowSeconds: number): { min: number; max: number } {
  const newest = data[0][data[0].length - 1] ?? 0;
  const max = Math.max(Date.now() / 1000, newest);
  return { min: max - windowSeconds, max };
}

export function TimeSeriesChart(props: TimeSeriesChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const latest = useRef(props);
  latest.current = props;

  // Rebuilt when the theme or the series change; data updates go through setData below.
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const created = new uPlot(buildOptions(latest.current, element.clientWidth || 300, () => latest.current.windowSeconds), latest.current.data as uPlot.AlignedData, element);
    created.setScale('x', timeWindow(latest.current.data, latest.current.windowSeconds));
    plot.current = created;
    const observer = new ResizeObserver(() => created.setSize({ width: element.clientWidth, height: latest.current.heightPx }));
    observer.observe(element);
    return () => {
      observer.disconnect();
      created.destroy();
      plot.current = null;
    };
  }, [props.scheme, props.series, props.heightPx]);

  useEffect(() => {
    const current = plot.current;
    if (!current) return;
    current.batch(() => {
      current.setData(props.data as uPlot.AlignedData, true);
      current.setScale('x', timeWindow(props.data, props.windowSeconds));
    });
  }, [props.data, props.windowSeconds, props.nowMs]);

  const { min } = timeWindow(props.data, props.windowSeconds);
  const inWindow = measuredSince(props.data, min);
  return (
    <div className="chart-frame" data-sample-count={inWindow}>
      <div ref={box} className="chart" role="img" aria-label={props.ariaLabel} />
      {inWindow === 0 && <p className="chart-empty"><span>{props.emptyText}</span></p>}
    </div>
  );
}
