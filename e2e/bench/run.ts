// `npm run bench`: TCP throughput both ways and ping RTT through Ferry and through wireguard-go↔wireguard-go, one lab, one run.
// Options: --seconds N (iperf3 duration, default 10), --pings N (default 20), --paths ferry,wireguard-go (default both).
import { parseArgs } from 'node:util';
import { LAB } from '../lab/addressing.js';
import { connectNewProfile } from '../lab/ferry-flow.js';
import { createLab, type Lab, type LabHost } from '../lab/lab.js';
import { REPO_ROOT } from '../lab/repo.js';
import { measureTcp, startIperfServer } from './iperf.js';
import { buildReport, formatReport, writeReport, type PathResult } from './report.js';
import { median } from './stats.js';

const RESULTS_PATH = `${REPO_ROOT}e2e/bench/results/latest.json`;
const PING_INTERVAL_SEC = 0.1;

interface BenchOptions {
  seconds: number;
  pings: number;
  paths: PathResult['path'][];
}

function readOptions(): BenchOptions {
  const { values } = parseArgs({
    options: { seconds: { type: 'string', default: '10' }, pings: { type: 'string', default: '20' }, paths: { type: 'string', default: 'ferry,wireguard-go' } },
  });
  const paths = values.paths.split(',').filter((p): p is PathResult['path'] => p === 'ferry' || p === 'wireguard-go');
  const options = { seconds: Number(values.seconds), pings: Number(values.pings), paths };
  if (!(options.seconds >= 1) || !(options.pings >= 1) || paths.length === 0) throw new Error('usage: bench [--seconds N] [--pings N] [--paths ferry,wireguard-go]');
  return options;
}

/** Brings up the path's client side and checks it carries traffic; returns the namespace that sends. */
async function preparePath(lab: Lab, path: PathResult['path']): Promise<LabHost> {
  let host: LabHost = 'client';
  if (path === 'wireguard-go') {
    await lab.addReferenceClient();
    host = 'reference';
  } else {
    await lab.startFerryd('info');
    await connectNewProfile(lab, 'bench');
  }
  // A few pings first, so that no handshake falls inside a measurement.
  const warmup = await lab.ping(host, LAB.tunnel.serverV4, 3);
  if (warmup.received === 0) throw new Error(`${path}: no ping reply through the tunnel`);
  return host;
}

type Measured = Omit<PathResult, 'path'>;

/** One measurement for every path in turn (metric by metric), so background load drifts evenly over both. */
async function measureAll(lab: Lab, hosts: Map<PathResult['path'], LabHost>, options: BenchOptions): Promise<PathResult[]> {
  const partial = new Map<PathResult['path'], Partial<Measured>>([...hosts.keys()].map((path) => [path, {}]));
  const each = async (label: string, measure: (host: LabHost, into: Partial<Measured>) => Promise<void>): Promise<void> => {
    for (const [path, host] of hosts) {
      process.stderr.write(`${path}: ${label}…\n`);
      await measure(host, partial.get(path) ?? {});
    }
  };
  await each(`TCP client→server for ${options.seconds} s`, async (host, into) => {
    into.upload = await measureTcp(lab, host, options.seconds, false);
  });
  await each(`TCP server→client for ${options.seconds} s`, async (host, into) => {
    into.download = await measureTcp(lab, host, options.seconds, true);
  });
  await each(`${options.pings} pings`, async (host, into) => {
    const pings = await lab.ping(host, LAB.tunnel.serverV4, options.pings, PING_INTERVAL_SEC);
    into.pingMedianMs = median(pings.rttMs);
    into.pingLossPercent = pings.sent === 0 ? 100 : (100 * (pings.sent - pings.received)) / pings.sent;
  });
  return [...partial].map(([path, measured]) => ({ path, ...(measured as Measured) }));
}

async function main(): Promise<void> {
  const options = readOptions();
  const lab = await createLab({ name: 'bench' });
  try {
    await startIperfServer(lab);
    const hosts = new Map<PathResult['path'], LabHost>();
    for (const path of options.paths) hosts.set(path, await preparePath(lab, path));
    const results = await measureAll(lab, hosts, options);
    const report = buildReport(options.seconds, options.pings, results);
    process.stdout.write(`\n${formatReport(report)}\n\n`);
    writeReport(RESULTS_PATH, report);
    process.stdout.write(`results written to ${RESULTS_PATH}\n`);
  } finally {
    await lab.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
