// The keys of wg(8) and wg-quick(8) sections: their canonical names and how each value lands in the model.
import type { WgInterfaceSection, WgPeerSection } from './wg-config.js';
import {
  parseAddressEntry, parseAllowedIpEntry, parseDnsEntry, parseEndpointValue, parseFwMark, parseKeyValue,
  parseListenPort, parseMtu, parsePersistentKeepalive, parseSaveConfig, parseTable, splitList, type AllowedIpEntry, type ValueParse,
} from './wg-values.js';

/** Where a value came from, and a way to say "kept, not acted on". */
export interface KeyContext {
  line: number;
  /** Canonical key name, e.g. `PostUp`. */
  key: string;
  notice(message: string): void;
}

/** What every section draft records: its header line and the keys it named (valid or not). */
export interface SectionDraft {
  line: number;
  /** Canonical names of the keys that appeared, so an invalid PublicKey is not also reported as missing. */
  seenKeys: Set<string>;
}

export interface InterfaceDraft extends SectionDraft {
  section: WgInterfaceSection;
  /** Line of the last MTU key, to place the IPv6-minimum error once all addresses are known. */
  mtuLine: number;
}

export interface PeerDraft extends SectionDraft {
  section: Partial<WgPeerSection> & { allowedIps: string[] };
  publicKeyLine: number;
}

/** Stores a value and returns null, or returns the problem phrase that follows the key name. */
type Apply<T> = (target: T, value: string, context: KeyContext) => string | null;

export interface KeySpec<T> {
  name: string;
  apply: Apply<T>;
}

function scalar<T, V>(
  parse: (text: string) => ValueParse<V>, store: (target: T, value: V, context: KeyContext) => void,
): Apply<T> {
  return (target, text, context) => {
    const parsed = parse(text);
    if (!parsed.ok) return parsed.problem;
    store(target, parsed.value, context);
    return null;
  };
}

/** Applies every entry of a list value; the first bad entry is the problem reported. */
function list<T, V>(
  parse: (text: string) => ValueParse<V>, wgQuickSeparators: boolean, store: (target: T, value: V, context: KeyContext) => void,
): Apply<T> {
  return (target, text, context) => {
    const parsed = splitList(text, wgQuickSeparators).map(parse);
    const bad = parsed.find((entry) => !entry.ok);
    if (bad && !bad.ok) return bad.problem;
    for (const entry of parsed) if (entry.ok) store(target, entry.value, context);
    return null;
  };
}

type HookName = 'preUp' | 'postUp' | 'preDown' | 'postDown';

function hook(name: HookName): Apply<InterfaceDraft> {
  return (draft, text, context) => {
    draft.section[name].push(text);
    context.notice(`${context.key} hook is kept but Ferry never runs hook scripts`);
    return null;
  };
}

const interfaceSpecs: KeySpec<InterfaceDraft>[] = [
  { name: 'PrivateKey', apply: scalar(parseKeyValue, (d, v) => (d.section.privateKey = v)) },
  { name: 'ListenPort', apply: scalar(parseListenPort, (d, v) => (d.section.listenPort = v)) },
  { name: 'FwMark', apply: scalar(parseFwMark, (d, v) => (d.section.fwMark = v)) },
  { name: 'Address', apply: list(parseAddressEntry, true, (d, v) => d.section.addresses.push(v)) },
  {
    name: 'DNS',
    apply: list(parseDnsEntry, true, (d, v) => (v.kind === 'server' ? d.section.dns : d.section.dnsSearch).push(v.value)),
  },
  {
    name: 'MTU',
    apply: scalar(parseMtu, (d, v, context) => {
      d.section.mtu = v;
      d.mtuLine = context.line;
    }),
  },
  { name: 'Table', apply: scalar(parseTable, (d, v) => (d.section.table = v)) },
  { name: 'PreUp', apply: hook('preUp') },
  { name: 'PostUp', apply: hook('postUp') },
  { name: 'PreDown', apply: hook('preDown') },
  { name: 'PostDown', apply: hook('postDown') },
  {
    name: 'SaveConfig',
    apply: scalar(parseSaveConfig, (d, v, context) => {
      d.section.saveConfig = v;
      context.notice('SaveConfig is kept but Ferry never rewrites the configuration file');
    }),
  },
];

function storeAllowedIp(draft: PeerDraft, entry: AllowedIpEntry, context: KeyContext): void {
  draft.section.allowedIps.push(entry.cidr);
  if (entry.masked) context.notice(`AllowedIPs entry '${entry.written}' has host bits set; Ferry uses ${entry.cidr}`);
}

const allowedIpsList = list(parseAllowedIpEntry, false, storeAllowedIp);

const peerSpecs: KeySpec<PeerDraft>[] = [
  {
    name: 'PublicKey',
    apply: scalar(parseKeyValue, (d, v, context) => {
      d.section.publicKey = v;
      d.publicKeyLine = context.line;
    }),
  },
  { name: 'PresharedKey', apply: scalar(parseKeyValue, (d, v) => (d.section.presharedKey = v)) },
  {
    name: 'AllowedIPs',
    // wg(8): an empty value clears the list; otherwise lines accumulate.
    apply: (d, text, context) => (text === '' ? ((d.section.allowedIps = []), null) : allowedIpsList(d, text, context)),
  },
  { name: 'Endpoint', apply: scalar(parseEndpointValue, (d, v) => (d.section.endpoint = v)) },
  { name: 'PersistentKeepalive', apply: scalar(parsePersistentKeepalive, (d, v) => (d.section.persistentKeepalive = v)) },
];

const byLowerName = <T>(specs: KeySpec<T>[]): ReadonlyMap<string, KeySpec<T>> =>
  new Map(specs.map((spec) => [spec.name.toLowerCase(), spec]));

export const INTERFACE_KEYS = byLowerName(interfaceSpecs);
export const PEER_KEYS = byLowerName(peerSpecs);
