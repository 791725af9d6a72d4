// The model of a wg-quick(8) configuration file: what the parser produces and the serializer reads.
// Keys are kept as base64 strings (validated by the parser); addresses and prefixes as text.

/** An interface address with its prefix, as written in `Address =` (e.g. "10.0.0.2/32", "fd00::2/128"). */
export type InterfaceAddress = string;

/** A CIDR as written in `AllowedIPs =`, normalised to always carry a prefix length. */
export type Cidr = string;

export interface WgEndpoint {
  /** IP literal (no brackets) or host name. */
  host: string;
  port: number;
}

export type WgTable = { kind: 'auto' } | { kind: 'off' } | { kind: 'id'; id: number } | { kind: 'name'; name: string };

export interface WgInterfaceSection {
  privateKey?: string;
  listenPort?: number;
  /** 0 means off. */
  fwMark?: number;
  addresses: InterfaceAddress[];
  /** Nameserver IP literals, in order. */
  dns: string[];
  /** Search domains from DNS entries that are not IP literals. */
  dnsSearch: string[];
  mtu?: number;
  table?: WgTable;
  preUp: string[];
  postUp: string[];
  preDown: string[];
  postDown: string[];
  saveConfig?: boolean;
}

export interface WgPeerSection {
  publicKey: string;
  presharedKey?: string;
  allowedIps: Cidr[];
  endpoint?: WgEndpoint;
  /** Seconds; 0 or absent means off. */
  persistentKeepalive?: number;
}

export interface WgQuickConfig {
  interface: WgInterfaceSection;
  peers: WgPeerSection[];
}

export interface ConfigError {
  /** 1-based line number in the input, or 0 for problems that concern the whole file. */
  line: number;
  message: string;
}

/** Something the file says that Ferry keeps but does not act on (hook scripts, SaveConfig). */
export interface ConfigNotice {
  line: number;
  key: string;
  message: string;
}

export type ParseResult =
  | { ok: true; config: WgQuickConfig; ignored: ConfigNotice[] }
  | { ok: false; errors: ConfigError[] };
