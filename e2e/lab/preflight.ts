// Checks, before a lab is built, that this machine can run it; fails with one clear message naming what is missing.
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Programs the lab runs, with the Debian package that provides each. */
const REQUIRED_PROGRAMS: Record<string, string> = {
  ip: 'iproute2',
  'wireguard-go': 'wireguard-go',
  wg: 'wireguard-tools',
  nft: 'nftables',
  iperf3: 'iperf3',
  ping: 'iputils-ping',
  sysctl: 'procps',
  setpriv: 'util-linux',
  useradd: 'passwd',
  userdel: 'passwd',
};

function onPath(program: string): boolean {
  const dirs = (process.env.PATH ?? '').split(delimiter).concat(['/usr/sbin', '/sbin']);
  return dirs.some((dir) => {
    try {
      accessSync(join(dir, program), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Throws unless the process is root, /dev/net/tun exists and every program the lab uses is installed. */
export function assertLabPrerequisites(): void {
  const problems: string[] = [];
  if (process.getuid?.() !== 0) problems.push('the network lab must run as root (it creates namespaces and TUN devices)');
  if (!existsSync('/dev/net/tun')) problems.push('/dev/net/tun is missing (the kernel needs TUN support)');
  const missing = Object.entries(REQUIRED_PROGRAMS).filter(([program]) => !onPath(program));
  if (missing.length > 0) {
    const packages = [...new Set(missing.map(([, pkg]) => pkg))].join(' ');
    problems.push(`missing programs: ${missing.map(([p]) => p).join(', ')} (apt-get install --no-install-recommends ${packages})`);
  }
  if (problems.length > 0) throw new Error(`the Ferry network lab cannot run here:\n- ${problems.join('\n- ')}`);
}
