// The route the kernel would take to an endpoint for a socket with a given mark (`ip -json route get ADDRESS mark N`), as one comparable line.
import { isIP } from 'node:net';
import type { CommandRunner } from './command-runner.js';

interface RouteGetJson {
  dev?: unknown;
  prefsrc?: unknown;
  gateway?: unknown;
}

/** "dev eth0 src 198.18.1.2 via 198.18.1.1"; "unreachable" when the kernel has no route (or ip fails). */
export async function describeRouteTo(runner: CommandRunner, address: string, fwmark: number | null): Promise<string> {
  if (isIP(address) === 0) throw new Error(`not an IP address: ${address}`);
  const args = ['-json', 'route', 'get', address, ...(fwmark !== null && fwmark > 0 ? ['mark', String(fwmark)] : [])];
  const result = await runner.run('ip', args, { allowFailure: true });
  if (result.code !== 0) return 'unreachable';
  const [route] = JSON.parse(result.stdout) as RouteGetJson[];
  if (route === undefined) return 'unreachable';
  const text = (value: unknown): string => (typeof value === 'string' ? value : '-');
  return `dev ${text(route.dev)} src ${text(route.prefsrc)} via ${text(route.gateway)}`;
}
