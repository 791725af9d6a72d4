// Profiles as text: the `profile list` table and the `profile show` block (wg show layout).
import type { PublicPeer, PublicProfile } from '../../../../shared/src/profile/profile-schema.js';
import { formatEndpoint } from '../../../../shared/src/net/endpoint.js';

/** Left-aligned columns separated by two spaces; the last column is not padded. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const render = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return `${[header, ...rows].map(render).join('\n')}\n`;
}

function firstEndpoint(profile: PublicProfile): string {
  const endpoint = profile.peers.find((peer) => peer.endpoint)?.endpoint;
  return endpoint ? formatEndpoint(endpoint) : '-';
}

export function formatProfileList(profiles: PublicProfile[]): string {
  if (profiles.length === 0) return 'no profiles (add one with: ferry profile import FILE)\n';
  const rows = profiles.map((p) => [p.name, p.interface.addresses.join(',') || '-', firstEndpoint(p), String(p.peers.length)]);
  return formatTable(['NAME', 'ADDRESSES', 'ENDPOINT', 'PEERS'], rows);
}

function peerLines(peer: PublicPeer): string[] {
  const lines = [`peer: ${peer.publicKey}`];
  if (peer.endpoint) lines.push(`  endpoint: ${formatEndpoint(peer.endpoint)}`);
  lines.push(`  allowed ips: ${peer.allowedIps.join(', ') || '(none)'}`);
  if (peer.hasPresharedKey) lines.push('  preshared key: (hidden)');
  if (peer.persistentKeepalive) lines.push(`  persistent keepalive: every ${peer.persistentKeepalive} seconds`);
  return lines;
}

export function formatProfile(profile: PublicProfile): string {
  const section = profile.interface;
  const lines = [`profile: ${profile.name}`, `  public key: ${section.publicKey}`];
  lines.push(`  addresses: ${section.addresses.join(', ') || '(none)'}`);
  if (section.dns.length + section.dnsSearch.length > 0) lines.push(`  dns: ${[...section.dns, ...section.dnsSearch].join(', ')}`);
  if (section.mtu) lines.push(`  mtu: ${section.mtu}`);
  if (section.listenPort) lines.push(`  listening port: ${section.listenPort}`);
  const peers = profile.peers.map((peer) => ['', ...peerLines(peer)].join('\n'));
  return `${[lines.join('\n'), ...peers].join('\n')}\n`;
}
