// Parses `wg show IFNAME dump` (wg(8): tab-separated, one interface line then one line per peer).
export interface WgPeerState {
  publicKey: string;
  presharedKey: string | null;
  /** host:port as wg prints it ([v6]:port), or null before the peer was heard from. */
  endpoint: string | null;
  allowedIps: string[];
  /** Unix seconds of the latest handshake; 0 when there has been none. */
  latestHandshakeSec: number;
  rxBytes: number;
  txBytes: number;
  persistentKeepaliveSec: number | null;
}

export interface WgInterfaceState {
  publicKey: string;
  listenPort: number;
  fwmark: string | null;
  peers: WgPeerState[];
}

function noneToNull(value: string | undefined): string | null {
  return value === undefined || value === '(none)' || value === 'off' ? null : value;
}

function parsePeer(fields: string[]): WgPeerState {
  const [publicKey = '', psk, endpoint, allowed, handshake, rx, tx, keepalive] = fields;
  const keepaliveValue = noneToNull(keepalive);
  return {
    publicKey,
    presharedKey: noneToNull(psk),
    endpoint: noneToNull(endpoint),
    allowedIps: allowed === undefined || allowed === '(none)' ? [] : allowed.split(','),
    latestHandshakeSec: Number(handshake ?? 0),
    rxBytes: Number(rx ?? 0),
    txBytes: Number(tx ?? 0),
    persistentKeepaliveSec: keepaliveValue === null ? null : Number(keepaliveValue),
  };
}

export function parseWgDump(text: string): WgInterfaceState {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const [first, ...rest] = lines;
  if (first === undefined) throw new Error('empty `wg show dump` output');
  const [, publicKey = '', listenPort = '0', fwmark] = first.split('\t');
  return {
    publicKey,
    listenPort: Number(listenPort),
    fwmark: noneToNull(fwmark),
    peers: rest.map((line) => parsePeer(line.split('\t'))),
  };
}
