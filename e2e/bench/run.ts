// `npm run bench`: issue 3's figures for Ferry and for a wireguard-go client against the same wireguard-go server,
// in one lab and one run (medians over rounds), plus the --soak and --profile modes. Options: see options.ts.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { LAB } from '../lab/addressing.js';
import { connectNewProfile } from '../lab/ferry-flow.js';
import { createLab, type Lab } from '../lab/lab.js';
import { FERRYD_BIN, REPO_ROOT } from '../lab/repo.js';
import { ferryConnectTimes, referenceBringUpTimes } from './connect-time.js';
import { formatSelfTimes, topSelfTimes } from './cpu-profile.js';
import type { PathName, Sample } from './figures.js';
import { startIperfServer } from './iperf.js';
import { measureRound, type BenchPath, type RoundSettings } from './measure.js';
import { readOptions, USAGE, type BenchOptions } from './options.js';
import { buildReport, formatReport, writeReport } from './report.js';
import { formatSoak, soak } from './soak.js';

const RESULTS_DIR = `${REPO_ROOT}e2e/bench/results/`;
const PROFILE_NAME = 'bench';
const log = (line: string): void => void process.stderr.write(`${line}\n`);

/**
 * ferryd's own Node options (the first line of helper/bin/ferryd): `node ARGS helper/bin/ferryd` skips that line,
 * so options given to the bench come on top of them, not instead.
 */
function withLauncherOptions(nodeArgs: string[] | undefined): string[] | undefined {
  if (nodeArgs === undefined) return undefined;
  const shebang = readFileSync(FERRYD_BIN, 'utf8').split('\n', 1)[0] ?? '';
  return [...shebang.split(' ').filter((word) => word.startsWith('--')), ...nodeArgs];
}

/** Brings up each path's client side and checks it carries traffic (so no handshake falls inside a measurement). */
async function preparePaths(lab: Lab, names: readonly PathName[], ferrydNodeArgs?: string[]): Promise<BenchPath[]> {
  const paths: BenchPath[] = [];
  for (const name of names) {
    if (name === 'wireguard-go') {
      const reference = await lab.addReferenceClient();
      paths.push({ name, host: 'reference', pid: () => reference.wireguard.pid ?? Number.NaN });
    } else {
      // As under systemd: this sandbox's NODE_EXTRA_CA_CERTS (empty = unset for Node) would add ~1.5 MB of parsed certificates.
      const ferryd = await lab.startFerryd('info', withLauncherOptions(ferrydNodeArgs), { env: { NODE_EXTRA_CA_CERTS: '' } });
      await connectNewProfile(lab, PROFILE_NAME);
      paths.push({ name, host: 'client', pid: () => ferryd.pid });
    }
    const path = paths[paths.length - 1] as BenchPath;
    const warmup = await lab.ping(path.host, LAB.tunnel.serverV4, 3);
    if (warmup.received === 0) throw new Error(`${name}: no ping reply through the tunnel`);
  }
  return paths;
}

function roundSettings(options: BenchOptions): RoundSettings {
  const { seconds, omitSeconds, pings, udpSeconds, udpBitrate, pacedBitrate, only } = options;
  return { seconds, omitSeconds, pings, udpSeconds, udpBitrate, pacedBitrate, only };
}

/** Connect cycles per path: one sample per connect. */
async function connectSamples(lab: Lab, paths: readonly BenchPath[], count: number): Promise<Record<PathName, Sample[]>> {
  const samples: Record<PathName, Sample[]> = { ferry: [], 'wireguard-go': [] };
  for (const path of paths) {
    log(`${path.name}: ${count} connects…`);
    if (path.name === 'ferry') {
      const times = await ferryConnectTimes(lab, PROFILE_NAME, count);
      samples.ferry = times.connectMs.map((connectMs, i) => ({
        connectMs,
        cliStartMs: times.cliStartMs[i] ?? Number.NaN,
        ...(times.cliStartExtraCaMs[i] === undefined ? {} : { cliStartExtraCaMs: times.cliStartExtraCaMs[i] }),
      }));
    } else {
      samples['wireguard-go'] = (await referenceBringUpTimes(lab, count)).map((connectMs) => ({ connectMs }));
    }
  }
  return samples;
}

const NOTES = [
  'medians over the rounds; Ferry and wireguard-go alternate step by step in one lab, so compare the two columns of one run only',
  'connect: Ferry = wall time of `ferry connect --wait` (CLI start-up included, see the next rows; the CLI runs without NODE_EXTRA_CA_CERTS, as from a desktop shell); wireguard-go = wg-quick-like bring-up (start wireguard-go, wg set, address, link up, first ping reply)',
  'CPU per GB: utime+stime of ferryd / of the reference wireguard-go process over a 1-stream TCP run, per GB moved',
  'ping under load: with TCP paced below both paths\' capacity (the target); the saturating rows are for information: there the ping waits in the bottleneck\'s queue, often the server\'s, so a faster client can see more of it',
  'the machine has 2 cores shared with other jobs: absolute numbers swing run to run',
];

async function runBench(lab: Lab, options: BenchOptions): Promise<void> {
  const startLoad = loadavg();
  await startIperfServer(lab);
  const paths = await preparePaths(lab, options.paths, options.ferrydNodeArgs);
  const samples: Record<PathName, Sample[]> = { ferry: [], 'wireguard-go': [] };
  const wantsRounds = options.only.length === 0 || options.only.some((group) => group !== 'connect');
  for (let round = 0; wantsRounds && round < options.runs; round++) {
    log(`round ${round + 1} of ${options.runs}`);
    const order = round % 2 === 0 ? paths : [...paths].reverse();
    const measured = await measureRound(lab, order, roundSettings(options), log);
    for (const [name, sample] of measured) samples[name].push(sample);
  }
  if (options.only.length === 0 || options.only.includes('connect')) {
    const connects = await connectSamples(lab, paths, options.connects);
    for (const name of options.paths) samples[name].push(...connects[name]);
  }
  const report = buildReport({ ...options }, samples, NOTES, startLoad);
  process.stdout.write(`\n${formatReport(report)}\n\n`);
  writeReport(`${RESULTS_DIR}latest.json`, report);
  process.stdout.write(`results written to ${RESULTS_DIR}latest.json\n`);
}

async function runSoak(lab: Lab, options: BenchOptions): Promise<void> {
  await startIperfServer(lab);
  const paths = await preparePaths(lab, options.paths, options.ferrydNodeArgs);
  const results = [];
  for (const path of paths) {
    log(`${path.name}: ${options.soakSeconds} s soak…`);
    const result = await soak(lab, path, options.soakSeconds, options.checksumMb * 1e6);
    process.stdout.write(`\n${formatSoak(result)}\n`);
    results.push(result);
  }
  writeReport(`${RESULTS_DIR}soak.json`, { when: new Date().toISOString(), results });
  if (results.some((r) => !r.passed)) process.exitCode = 1;
}

/** One round under `node --cpu-prof`; ferryd writes the profile when it exits. */
async function runProfile(lab: Lab, options: BenchOptions): Promise<void> {
  const dir = mkdtempSync('/tmp/ferryd-profile-');
  await startIperfServer(lab);
  const paths = await preparePaths(lab, ['ferry'], [...(options.ferrydNodeArgs ?? []), '--cpu-prof', `--cpu-prof-dir=${dir}`]);
  const only = options.only.length === 0 ? ['tcp1'] : options.only;
  const sample = (await measureRound(lab, paths, { ...roundSettings(options), only }, log)).get('ferry');
  await lab.ferryd.stop();
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (file === undefined) throw new Error(`ferryd wrote no profile into ${dir}`);
  copyFileSync(join(dir, file), `${RESULTS_DIR}ferryd.cpuprofile`);
  const summary = topSelfTimes(join(dir, file), 20);
  process.stdout.write(`\nferryd profile (${only.join(',')}):\n${formatSelfTimes(summary)}\n`);
  writeReport(`${RESULTS_DIR}profile.json`, { when: new Date().toISOString(), only, sample, summary });
  process.stdout.write(`profile in ${RESULTS_DIR}ferryd.cpuprofile, summary in ${RESULTS_DIR}profile.json\n`);
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  if (options === null) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const lab = await createLab({ name: 'bench' });
  try {
    const mode = { bench: runBench, soak: runSoak, profile: runProfile }[options.mode];
    await mode(lab, options);
  } finally {
    await lab.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
