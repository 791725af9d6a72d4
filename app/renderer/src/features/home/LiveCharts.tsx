// The throughput and latency charts with their shared 1/5/15-minute window (data from stats.history plus live samples).
import { useMemo } from 'react';
import { formatBitRate } from '../../../../../shared/src/format/bytes.js';
import { formatLatency } from '../../../../../shared/src/format/duration.js';
import { SegmentedControl } from '../../components/SegmentedControl.js';
import { TimeSeriesChart, type SeriesSpec } from '../../components/TimeSeriesChart.js';
import { latencyColumns, rateColumns } from '../../store/stats-series.js';
import { CHART_WINDOWS_SECONDS, type ChartWindowSeconds } from '../../store/stats-slice.js';
import { useApp } from '../../store/use-app.js';
import { useNowMs } from './use-now.js';
import { useScheme } from '../../theme/theme.js';

const RATE_SERIES: SeriesSpec[] = [
  { label: 'Download', colorVar: '--chart-rx', fill: true },
  { label: 'Upload', colorVar: '--chart-tx', fill: true },
];
const LATENCY_SERIES: SeriesSpec[] = [
  { label: 'Latency', colorVar: '--chart-latency' },
  { label: 'Latency − jitter', colorVar: '--chart-latency', bandEdge: true },
  { label: 'Latency + jitter', colorVar: '--chart-latency', bandEdge: true },
  { label: 'Loss', colorVar: '--chart-loss', marks: true },
];
const LATENCY_BANDS: [number, number][] = [[3, 2]];
const WINDOW_OPTIONS = CHART_WINDOWS_SECONDS.map((seconds) => ({ value: seconds, label: `${seconds / 60} min` }));

export function LiveCharts() {
  const points = useApp((state) => state.points);
  const windowSeconds = useApp((state) => state.chartWindowSeconds);
  const setWindow = useApp((state) => state.setChartWindow);
  const scheme = useScheme(useApp((state) => state.settings?.theme ?? 'system'));
  const rates = useMemo(() => rateColumns(points), [points]);
  const latency = useMemo(() => latencyColumns(points), [points]);
  const last = points[points.length - 1]?.sample;
  const nowMs = useNowMs(true, 1000);
  return (
    <section className="card charts" aria-labelledby="charts-title">
      <div className="card-header">
        <h2 id="charts-title">Activity</h2>
        <SegmentedControl<ChartWindowSeconds> label="Chart time window" options={WINDOW_OPTIONS} value={windowSeconds} onChange={setWindow} />
      </div>
      <div className="chart-block">
        <div className="chart-legend">
          <h3>Throughput</h3>
          <span className="legend-item rx">Download {last ? formatBitRate(last.rxRateBps) : '—'}</span>
          <span className="legend-item tx">Upload {last ? formatBitRate(last.txRateBps) : '—'}</span>
        </div>
        <TimeSeriesChart
          ariaLabel={`Throughput over the last ${windowSeconds / 60} minutes`}
          data={rates} series={RATE_SERIES} windowSeconds={windowSeconds} heightPx={150} scheme={scheme} nowMs={nowMs}
          formatValue={formatBitRate} minTop={1250} emptyText="No traffic in this window. The chart fills while you are connected."
        />
      </div>
      <div className="chart-block">
        <div className="chart-legend">
          <h3>Latency</h3>
          <span className="legend-item latency">Round trip {last?.latencyMs == null ? '—' : formatLatency(last.latencyMs)}</span>
          <span className="legend-item band">Jitter band</span>
          <span className="legend-item loss">Loss {last?.lossPercent == null ? '—' : `${last.lossPercent.toFixed(0)}%`}</span>
        </div>
        <TimeSeriesChart
          ariaLabel={`Latency over the last ${windowSeconds / 60} minutes`}
          data={latency} series={LATENCY_SERIES} windowSeconds={windowSeconds} heightPx={140} scheme={scheme} nowMs={nowMs}
          formatValue={formatLatency} minTop={2} bands={LATENCY_BANDS} emptyText="Latency is measured through the tunnel once a second."
        />
      </div>
    </section>
  );
}
