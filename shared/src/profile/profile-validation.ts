// Field-level checks of a profile's configuration, with paths (`peers.0.allowedIps.1`) the app can show inline.
import { parseCidr, parsePrefixedAddress } from '../net/cidr.js';
import { canonicalHost } from '../net/endpoint.js';
import { isValidHostname } from '../net/hostname.js';
import { parseIp } from '../net/ip-address.js';
import { isValidKey } from '../keys/base64-key.js';
import type { WgInterfaceSection, WgPeerSection, WgQuickConfig, WgTable } from '../config/wg-config.js';
import { KEY_PROBLEM, TABLE_NAME, mtuProblem } from '../config/wg-values.js';

export interface ProfileFieldError {
  /** Dotted path into the profile, e.g. `interface.mtu` or `peers.0.allowedIps.1`. */
  field: string;
  message: string;
}

export interface ValidateOptions {
  /** When false, a missing private key is fine (the helper generates one on create). Default true. */
  requirePrivateKey?: boolean;
}

const UINT32_MAX = 0xffffffff;

type Report = (field: string, message: string) => void;

function inRange(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

function checkKey(report: Report, field: string, label: string, key: string | undefined, required: boolean): void {
  if (key === undefined) {
    if (required) report(field, `${label} is required`);
  } else if (!isValidKey(key)) {
    report(field, `${label} ${KEY_PROBLEM}`);
  }
}

function checkList(report: Report, field: string, list: string[], problemOf: (entry: string) => string | null): void {
  list.forEach((entry, index) => {
    const problem = problemOf(entry);
    if (problem !== null) report(`${field}.${index}`, problem);
  });
}

function tableProblem(table: WgTable): string | null {
  if (table.kind === 'id' && !inRange(table.id, 0, UINT32_MAX)) return 'Table number must be between 0 and 4294967295';
  if (table.kind === 'name' && !TABLE_NAME.test(table.name)) return `'${table.name}' is not a valid routing table name`;
  return null;
}

function hookProblem(hook: string): string | null {
  return /[\r\n#]/.test(hook) ? "Hook scripts cannot contain a newline or '#'" : null;
}

function checkAddresses(report: Report, section: WgInterfaceSection): void {
  if (section.addresses.length === 0) report('interface.addresses', 'At least one address is required');
  checkList(report, 'interface.addresses', section.addresses, (entry) => {
    const parsed = parsePrefixedAddress(entry);
    return parsed.ok ? null : parsed.error;
  });
  checkList(report, 'interface.dns', section.dns, (entry) => (parseIp(entry) ? null : `'${entry}' is not an IP address`));
  checkList(report, 'interface.dnsSearch', section.dnsSearch, (entry) =>
    isValidHostname(entry) ? null : `'${entry}' is not a valid domain name`);
}

function checkInterface(report: Report, section: WgInterfaceSection, options: ValidateOptions): void {
  checkKey(report, 'interface.privateKey', 'Private key', section.privateKey, options.requirePrivateKey !== false);
  checkAddresses(report, section);
  const hasIpv6 = section.addresses.some((address) => address.includes(':'));
  const mtu = section.mtu === undefined ? null : mtuProblem(section.mtu, hasIpv6);
  if (mtu !== null) report('interface.mtu', `MTU ${mtu}`);
  if (section.listenPort !== undefined && !inRange(section.listenPort, 0, 65535)) {
    report('interface.listenPort', 'Listen port must be between 0 and 65535');
  }
  if (section.fwMark !== undefined && !inRange(section.fwMark, 0, UINT32_MAX)) {
    report('interface.fwMark', 'Firewall mark must be between 0 and 4294967295');
  }
  const table = section.table && tableProblem(section.table);
  if (table) report('interface.table', table);
  for (const name of ['preUp', 'postUp', 'preDown', 'postDown'] as const) {
    checkList(report, `interface.${name}`, section[name], hookProblem);
  }
}

function endpointProblem(endpoint: NonNullable<WgPeerSection['endpoint']>): string | null {
  if (canonicalHost(endpoint.host) === null) return `'${endpoint.host}' is not an IP address or host name`;
  if (!inRange(endpoint.port, 1, 65535)) return 'Endpoint port must be between 1 and 65535';
  return null;
}

function checkPeer(report: Report, peer: WgPeerSection, field: string): void {
  checkKey(report, `${field}.publicKey`, 'Public key', peer.publicKey, true);
  checkKey(report, `${field}.presharedKey`, 'Preshared key', peer.presharedKey, false);
  checkList(report, `${field}.allowedIps`, peer.allowedIps, (entry) => {
    const parsed = parseCidr(entry);
    if (!parsed.ok) return parsed.error;
    return parsed.hostBitsSet ? `'${entry}' has host bits set` : null;
  });
  const endpoint = peer.endpoint && endpointProblem(peer.endpoint);
  if (endpoint) report(`${field}.endpoint`, endpoint);
  if (peer.persistentKeepalive !== undefined && !inRange(peer.persistentKeepalive, 0, 65535)) {
    report(`${field}.persistentKeepalive`, 'Persistent keepalive must be between 0 and 65535 seconds');
  }
}

/** Every problem in the configuration, in field order; empty when Ferry can use it. */
export function validateProfile(config: WgQuickConfig, options: ValidateOptions = {}): ProfileFieldError[] {
  const errors: ProfileFieldError[] = [];
  const report: Report = (field, message) => errors.push({ field, message });
  checkInterface(report, config.interface, options);
  if (config.peers.length === 0) report('peers', 'At least one peer is required');
  const seen = new Set<string>();
  config.peers.forEach((peer, index) => {
    checkPeer(report, peer, `peers.${index}`);
    if (seen.has(peer.publicKey)) report(`peers.${index}.publicKey`, 'Another peer already uses this public key');
    seen.add(peer.publicKey);
  });
  return errors;
}
