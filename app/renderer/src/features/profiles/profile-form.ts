// The profile editor's form model: text fields from a public profile, and back to profile.update input with inline errors
// keyed by field (checked by the shared parsers and validateProfile, so the app and ferryd agree on what is valid).
import type { WgQuickConfig } from '../../../../../shared/src/config/wg-config.js';
import {
  parseAllowedIpEntry, parseDnsEntry, parseListenPort, parseMtu, parsePersistentKeepalive, splitList,
} from '../../../../../shared/src/config/wg-values.js';
import { formatEndpoint, parseEndpoint } from '../../../../../shared/src/net/endpoint.js';
import type { ProfileBody } from '../../../../../shared/src/protocol/methods.js';
import type { PublicProfile } from '../../../../../shared/src/profile/profile-schema.js';
import { validateProfile } from '../../../../../shared/src/profile/profile.js';

export interface PeerForm {
  publicKey: string;
  /** Empty keeps the stored PSK (if any). */
  presharedKey: string;
  hasPresharedKey: boolean;
  removePresharedKey: boolean;
  endpoint: string;
  allowedIps: string;
  persistentKeepalive: string;
}

export interface ProfileForm {
  /** Empty keeps the stored private key. */
  privateKey: string;
  addresses: string;
  dns: string;
  mtu: string;
  listenPort: string;
  peers: PeerForm[];
}

/** Field path → message, e.g. `peers.0.publicKey`; list entries report on their list (`interface.addresses`). */
export type FieldErrors = Record<string, string>;

export interface FormCheck {
  body: ProfileBody | null;
  errors: FieldErrors;
  /** Things a draft may lack but a connection needs (no address, no peer). */
  missing: string[];
}

const DRAFT_FIELDS = new Set(['interface.addresses', 'peers']);

export function emptyPeerForm(): PeerForm {
  return { publicKey: '', presharedKey: '', hasPresharedKey: false, removePresharedKey: false, endpoint: '', allowedIps: '0.0.0.0/0, ::/0', persistentKeepalive: '' };
}

export function formFromProfile(profile: PublicProfile): ProfileForm {
  const iface = profile.interface;
  return {
    privateKey: '',
    addresses: iface.addresses.join(', '),
    dns: [...iface.dns, ...iface.dnsSearch].join(', '),
    mtu: iface.mtu === undefined ? '' : String(iface.mtu),
    listenPort: iface.listenPort === undefined ? '' : String(iface.listenPort),
    peers: profile.peers.map((peer) => ({
      publicKey: peer.publicKey,
      presharedKey: '',
      hasPresharedKey: peer.hasPresharedKey,
      removePresharedKey: false,
      endpoint: peer.endpoint ? formatEndpoint(peer.endpoint) : '',
      allowedIps: peer.allowedIps.join(', '),
      persistentKeepalive: peer.persistentKeepalive ? String(peer.persistentKeepalive) : '',
    })),
  };
}

type Report = (field: string, message: string) => void;

function optionalNumber(text: string, field: string, label: string, parse: (t: string) => { ok: true; value: number } | { ok: false; problem: string }, report: Report): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const parsed = parse(trimmed);
  if (parsed.ok) return parsed.value;
  report(field, `${label} ${parsed.problem}`);
  return undefined;
}

function parseDns(text: string, report: Report): { dns: string[]; dnsSearch: string[] } {
  const dns: string[] = [];
  const dnsSearch: string[] = [];
  for (const entry of splitList(text, true)) {
    const parsed = parseDnsEntry(entry);
    if (!parsed.ok) report('interface.dns', `DNS ${parsed.problem}`);
    else (parsed.value.kind === 'server' ? dns : dnsSearch).push(parsed.value.value);
  }
  return { dns, dnsSearch };
}

function peerBody(peer: PeerForm, index: number, report: Report): ProfileBody['peers'][number] {
  const field = `peers.${index}`;
  const endpointText = peer.endpoint.trim();
  const endpoint = endpointText === '' ? undefined : parseEndpoint(endpointText);
  if (endpoint && !endpoint.ok) report(`${field}.endpoint`, `Endpoint ${endpoint.problem}`);
  const allowedIps = splitList(peer.allowedIps, true).map((entry) => {
    const parsed = parseAllowedIpEntry(entry);
    return parsed.ok && !parsed.value.masked ? parsed.value.cidr : entry;
  });
  const presharedKey = peer.removePresharedKey ? null : peer.presharedKey.trim() === '' ? undefined : peer.presharedKey.trim();
  return {
    publicKey: peer.publicKey.trim(),
    allowedIps,
    ...(endpoint?.ok ? { endpoint: endpoint.endpoint } : {}),
    ...optionalField('persistentKeepalive', optionalNumber(peer.persistentKeepalive, `${field}.persistentKeepalive`, 'Persistent keepalive', parsePersistentKeepalive, report)),
    ...(presharedKey === undefined ? {} : { presharedKey }),
  };
}

function optionalField<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/** Where a validateProfile path shows up in the form: list entries on their list, search domains on the DNS field. */
export function formFieldOf(path: string): string {
  const collapsed = path.replace(/^(interface\.(?:addresses|dns|dnsSearch)|peers\.\d+\.allowedIps)\.\d+$/, '$1');
  return collapsed === 'interface.dnsSearch' ? 'interface.dns' : collapsed;
}

/** Checks the form; `original` supplies what the form does not show (hooks, table, fwmark) so an edit keeps it. */
export function checkProfileForm(form: ProfileForm, original: PublicProfile): FormCheck {
  const errors: FieldErrors = {};
  const report: Report = (field, message) => {
    errors[field] ??= message;
  };
  const { publicKey: _publicKey, ...kept } = original.interface;
  const privateKey = form.privateKey.trim();
  const body: ProfileBody = {
    interface: {
      ...kept,
      addresses: splitList(form.addresses, true),
      ...parseDns(form.dns, report),
      mtu: optionalNumber(form.mtu, 'interface.mtu', 'MTU', parseMtu, report),
      listenPort: optionalNumber(form.listenPort, 'interface.listenPort', 'Listen port', parseListenPort, report),
      ...(privateKey === '' ? {} : { privateKey }),
    },
    peers: form.peers.map((peer, index) => peerBody(peer, index, report)),
  };
  if (body.interface.mtu === undefined) delete body.interface.mtu;
  if (body.interface.listenPort === undefined) delete body.interface.listenPort;
  const config: WgQuickConfig = {
    interface: body.interface,
    peers: body.peers.map(({ presharedKey, ...peer }) => ({ ...peer, ...(typeof presharedKey === 'string' ? { presharedKey } : {}) })),
  };
  const missing: string[] = [];
  for (const problem of validateProfile(config, { requirePrivateKey: false })) {
    if (DRAFT_FIELDS.has(problem.field)) missing.push(problem.message);
    else report(formFieldOf(problem.field), problem.message);
  }
  return { body: Object.keys(errors).length === 0 ? body : null, errors, missing };
}
