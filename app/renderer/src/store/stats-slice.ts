// Live traffic and latency samples for the Home charts: prefilled from stats.history, extended by `stats` events.
import type { StateCreator } from 'zustand/vanilla';
import type { StatsSample } from '../../../../shared/src/protocol/stats.js';
import type { FerryApi } from '../../../common/ferry-api.js';
import type { AppState } from './app-state.js';
import { MAX_KEPT_SECONDS, mergePoints, toPoint, type StatsPoint } from './stats-series.js';

export const CHART_WINDOWS_SECONDS = [60, 300, 900] as const;
export type ChartWindowSeconds = (typeof CHART_WINDOWS_SECONDS)[number];

export interface StatsSlice {
  points: StatsPoint[];
  latest: StatsSample | null;
  chartWindowSeconds: ChartWindowSeconds;
  addSample(sample: StatsSample): void;
  loadHistory(): Promise<void>;
  setChartWindow(seconds: ChartWindowSeconds): void;
}

export function createStatsSlice(api: FerryApi): StateCreator<AppState, [], [], StatsSlice> {
  return (set) => ({
    points: [],
    latest: null,
    chartWindowSeconds: 300,
    addSample: (sample) => set((state) => ({ points: mergePoints(state.points, [toPoint(sample)]), latest: sample })),
    loadHistory: async () => {
      const [history, current] = await Promise.all([api.call('stats.history', { seconds: MAX_KEPT_SECONDS }), api.call('stats.get')]);
      set((state) => {
        const points = history.ok ? mergePoints(state.points, history.value.samples.map(toPoint)) : state.points;
        return { points, latest: current.ok ? current.value : state.latest };
      });
    },
    setChartWindow: (chartWindowSeconds) => set({ chartWindowSeconds }),
  });
}
