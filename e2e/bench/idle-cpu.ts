// Measures ferryd's CPU while connected and idle with a stats subscriber attached (what an open app costs): `npm run bench:idle`.
import { readFileSync } from 'node:fs';
import { connectNewProfile } from '../lab/ferry-flow.js';
import { sleep } from '../lab/exec.js';
import { createLab } from '../lab/lab.js';

const CLOCK_TICKS_PER_SECOND = 100;
const MEASURE_SECONDS = Number(process.argv[2] ?? 30);

function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

const lab = await createLab({ name: 'idlecpu' });
try {
  const ferryd = await lab.startFerryd('info');
  await connectNewProfile(lab, 'idle');
  // `ferry stats --follow` subscribes to the 2 Hz stats events, as the app does.
  const follower = lab.spawn('client', process.execPath, ['helper/bin/ferry', '--socket', ferryd.socketPath, '--json', 'stats', '--follow']);
  await sleep(3_000);
  const before = cpuSeconds(ferryd.pid);
  await sleep(MEASURE_SECONDS * 1000);
  const used = cpuSeconds(ferryd.pid) - before;
  console.log(`ferryd idle, connected, stats streaming at 2 Hz, latency probe at 1 Hz: ${used.toFixed(2)} CPU s in ${MEASURE_SECONDS} s = ${((used * 100) / MEASURE_SECONDS).toFixed(2)}% of a core`);
  await follower.stop();
} finally {
  await lab.destroy();
}
