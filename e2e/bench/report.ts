// The benchmark's report: per-figure medians over the rounds for Ferry and wireguard-go, a table on stdout, JSON on disk.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, release } from 'node:os';
import { dirname } from 'node:path';
import { FIGURE_KEYS, FIGURES, type FigureKey, type PathName, type Sample } from './figures.js';
import { median, ratio } from './stats.js';

export interface Comparison {
  ferry: number | null;
  reference: number | null;
  /** Ferry ÷ wireguard-go, or Ferry − wireguard-go for loss figures. */
  comparison: number | null;
  target: string | null;
  met: boolean | null;
}

export interface BenchReport {
  when: string;
  machine: { cpus: number; cpuModel: string; kernel: string; node: string; loadAverageAtStart: number[] };
  settings: Record<string, unknown>;
  /** Every round's sample, per path (connect times are one sample per connect). */
  samples: Record<PathName, Sample[]>;
  figures: Partial<Record<FigureKey, Comparison>>;
  notes: string[];
}

function medianOf(samples: readonly Sample[], key: FigureKey): number | null {
  const values = samples.map((s) => s[key]).filter((v): v is number => v !== undefined && Number.isFinite(v));
  return values.length === 0 ? null : median(values);
}

function compare(key: FigureKey, ferry: number | null, reference: number | null): Comparison {
  const figure = FIGURES[key];
  const both = ferry !== null && reference !== null;
  const comparison = !both ? null : figure.compare === 'ratio' ? ratio(ferry, reference) : ferry - reference;
  const met = figure.target === null || ferry === null ? null
    : reference === null && figure.target.text.includes('wg-go') ? null : figure.target.met(ferry, reference ?? Number.NaN);
  return { ferry, reference, comparison: Number.isFinite(comparison) ? comparison : null, target: figure.target?.text ?? null, met };
}

export function buildReport(settings: Record<string, unknown>, samples: Record<PathName, Sample[]>, notes: string[],
  loadAverageAtStart: number[]): BenchReport {
  const figures: Partial<Record<FigureKey, Comparison>> = {};
  for (const key of FIGURE_KEYS) {
    const ferry = medianOf(samples.ferry, key);
    const reference = medianOf(samples['wireguard-go'], key);
    if (ferry !== null || reference !== null) figures[key] = compare(key, ferry, reference);
  }
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '?', kernel: release(), node: process.version, loadAverageAtStart };
  return { when: new Date().toISOString(), machine, settings, samples, figures, notes };
}

function comparisonText(key: FigureKey, c: Comparison): string {
  if (c.comparison === null) return '—';
  if (FIGURES[key].compare === 'difference') return `${c.comparison >= 0 ? '+' : ''}${c.comparison.toFixed(2)} pp`;
  return `${c.comparison.toFixed(2)}×`;
}

/** A fixed-width table: one row per figure, medians per path, the comparison and issue 3's target. */
export function formatReport(report: BenchReport): string {
  const rows = [['', 'Ferry', 'wireguard-go', 'Ferry vs wg-go', 'target', 'met']];
  for (const key of FIGURE_KEYS) {
    const c = report.figures[key];
    if (c === undefined) continue;
    const cell = (v: number | null): string => (v === null ? 'n/a' : FIGURES[key].format(v));
    const met = c.met === null ? '' : c.met ? 'yes' : 'NO';
    rows.push([FIGURES[key].label, cell(c.ferry), cell(c.reference), comparisonText(key, c), c.target ?? '', met]);
  }
  const widths = [0, 1, 2, 3, 4, 5].map((i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const lines = rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd());
  return [...lines, '', ...report.notes.map((n) => `note: ${n}`)].join('\n');
}

export function writeReport(path: string, report: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
}
