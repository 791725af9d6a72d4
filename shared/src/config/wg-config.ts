// The model of a wg-quick(8) configuration file: what the parser produces and the serializer reads.
// Keys are kept as base64 strings (validated by the parser); addresses and prefixes as text.

/** An interface address with its prefix, canonical, host bits kept (e.g. "10.0.0.2/24", "fd00::2/128"). */
export type InterfaceAddress = string;

/** A CIDR as written in `AllowedIPs =`, normalised to canonical text with a prefix and no host bits (`10.0.0.0/8`).
 *  Not to be confused with the parsed `Cidr` of net/cidr.ts. */
export type Cidr = string;

export interface WgEndpoint {
  /** IP literal (canonical, no brackets, IPv6 may carry `%zone`) or host name. */
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
  /** Seconds; 0 (also written `off`) or absent means off. */
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

/**
 * Something the file says that Ferry keeps but does not act on (hook scripts, SaveConfig), or a value it had to
 * normalise (an AllowedIPs entry with host bits set). Shown to the user as a warning, never an error.
 */
export interface ConfigNotice {
  line: number;
  key: string;
  message: string;
}

export type ParseResult =
  | { ok: true; config: WgQuickConfig; ignored: ConfigNotice[] }
  | { ok: false; errors: ConfigError[] };
