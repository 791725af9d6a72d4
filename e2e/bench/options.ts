// The bench's command line: `npm run bench -- [--quick] [--soak] [--profile] [--runs N] …`.
import { parseArgs } from 'node:util';
import type { PathName } from './figures.js';

export interface BenchOptions {
  mode: 'bench' | 'soak' | 'profile';
  runs: number;
  seconds: number;
  omitSeconds: number;
  pings: number;
  udpSeconds: number;
  udpBitrate: string;
  pacedBitrate: string;
  connects: number;
  soakSeconds: number;
  checksumMb: number;
  paths: PathName[];
  only: string[];
  /** Extra Node options for ferryd (e.g. --max-semi-space-size=2), to compare start-up choices. */
  ferrydNodeArgs: string[] | undefined;
}

export const USAGE = `usage: npm run bench -- [options]
  --quick            one round, 2 s runs, 3 connects (about a minute and a half)
  --soak             60 s iperf3 --bidir with a continuous ping, then SHA-256-checked transfers (Ferry only by default)
  --profile          ferryd under node --cpu-prof for one round of the chosen steps (Ferry only); top self times
  --runs N           rounds; figures are medians over them (default 3)
  --seconds N        iperf3 TCP measured seconds (default 3), after --omit N seconds of slow start (default 1)
  --paced-bitrate R  TCP rate for ping under load (default 100M); --udp-bitrate R (default 200M)
  --pings N          idle pings per round (default 40, 50 ms apart)
  --connects N       connect/disconnect cycles per path (default 10)
  --only LIST        step groups: ping,latency,tcp1,tcp4,udp,connect (default all)
  --paths LIST       ferry,wireguard-go (default both; soak and profile default to ferry)
  --ferryd-node-args="ARGS"  more Node options for ferryd, after its own (first line of helper/bin/ferryd)`;

const OPTION_SPEC = {
  quick: { type: 'boolean', default: false }, soak: { type: 'boolean', default: false }, profile: { type: 'boolean', default: false },
  runs: { type: 'string' }, seconds: { type: 'string' }, omit: { type: 'string' }, pings: { type: 'string' },
  'udp-seconds': { type: 'string' }, 'udp-bitrate': { type: 'string' }, 'paced-bitrate': { type: 'string' }, connects: { type: 'string' },
  'soak-seconds': { type: 'string' }, 'checksum-mb': { type: 'string' }, paths: { type: 'string' }, only: { type: 'string' },
  'ferryd-node-args': { type: 'string' },
  help: { type: 'boolean', default: false },
} as const;

function number(text: string | undefined, fallback: number): number {
  const value = text === undefined ? fallback : Number(text);
  if (!Number.isFinite(value) || value < 0) throw new Error(`not a number: ${text}\n${USAGE}`);
  return value;
}

export function readOptions(argv: string[]): BenchOptions | null {
  const { values: v } = parseArgs({ args: argv, options: OPTION_SPEC });
  if (v.help) return null;
  const mode = v.soak ? 'soak' : v.profile ? 'profile' : 'bench';
  const defaultPaths = mode === 'bench' ? 'ferry,wireguard-go' : 'ferry';
  const paths = (v.paths ?? defaultPaths).split(',').filter((p): p is PathName => p === 'ferry' || p === 'wireguard-go');
  if (paths.length === 0) throw new Error(USAGE);
  return {
    mode, paths,
    runs: number(v.runs, v.quick || mode === 'profile' ? 1 : 3),
    seconds: number(v.seconds, v.quick ? 2 : 3),
    omitSeconds: number(v.omit, 1),
    pings: number(v.pings, v.quick ? 20 : 40),
    udpSeconds: number(v['udp-seconds'], v.quick ? 2 : 3),
    udpBitrate: v['udp-bitrate'] ?? '200M',
    pacedBitrate: v['paced-bitrate'] ?? '100M',
    connects: number(v.connects, v.quick ? 3 : 10),
    soakSeconds: number(v['soak-seconds'], 60),
    checksumMb: number(v['checksum-mb'], 100),
    only: v.only === undefined ? [] : v.only.split(','),
    ferrydNodeArgs: v['ferryd-node-args']?.split(' ').filter(Boolean),
  };
}
