// Summarises a V8 .cpuprofile (node --cpu-prof): self time per function, the heaviest first.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  where: string;
  selfMs: number;
  /** Share of the busy (non-idle) time. */
  percent: number;
}

function shortUrl(url: string): string {
  const at = url.lastIndexOf('/dist/');
  return at >= 0 ? url.slice(at + 6) : url.replace(/^file:\/\/.*\/node_modules\//, '');
}

/** The `top` functions by self time, idle excluded, from a .cpuprofile file. */
export function topSelfTimes(path: string, top = 15): { busyMs: number; idleMs: number; functions: SelfTime[] } {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfByKey = new Map<string, { name: string; where: string; selfMs: number }>();
  let idleMs = 0;
  let busyMs = 0;
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id)?.callFrame;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    if (frame === undefined) return;
    if (frame.functionName === '(idle)') {
      idleMs += ms;
      return;
    }
    busyMs += ms;
    const where = frame.url === '' ? '' : `${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
    const key = `${frame.functionName}@${where}`;
    const entry = selfByKey.get(key) ?? { name: frame.functionName || '(anonymous)', where, selfMs: 0 };
    entry.selfMs += ms;
    selfByKey.set(key, entry);
  });
  const functions = [...selfByKey.values()].sort((a, b) => b.selfMs - a.selfMs).slice(0, top)
    .map((f) => ({ ...f, percent: (100 * f.selfMs) / busyMs }));
  return { busyMs, idleMs, functions };
}

export function formatSelfTimes(summary: ReturnType<typeof topSelfTimes>): string {
  const lines = summary.functions.map((f) => `${f.percent.toFixed(1).padStart(5)} %  ${f.selfMs.toFixed(0).padStart(6)} ms  ${f.name}  ${f.where}`);
  return [`busy ${summary.busyMs.toFixed(0)} ms, idle ${summary.idleMs.toFixed(0)} ms; top self time (share of busy):`, ...lines].join('\n');
}
