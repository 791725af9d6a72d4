// Writes a WgQuickConfig as canonical wg-quick(8) text that parseWgQuickConfig reads back to an equal object.
import { formatEndpoint } from '../net/endpoint.js';
import type { WgInterfaceSection, WgPeerSection, WgQuickConfig, WgTable } from './wg-config.js';

type Line = [key: string, value: string | number | undefined];

function formatTable(table: WgTable): string {
  switch (table.kind) {
    case 'auto':
    case 'off':
      return table.kind;
    case 'id':
      return String(table.id);
    case 'name':
      return table.name;
  }
}

/** Only values the parser can read back may be written: a newline would start a new line, `#` a comment. */
function checkedValue(key: string, value: string): string {
  if (/[\r\n#]/.test(value)) throw new RangeError(`${key} value cannot be written to a wg-quick file: it contains a newline or '#'`);
  return value;
}

function renderSection(header: string, lines: Line[]): string {
  const body = lines
    .filter((line): line is [string, string | number] => line[1] !== undefined)
    .map(([key, value]) => `${key} = ${checkedValue(key, String(value))}`);
  return [header, ...body].join('\n');
}

const joined = (list: string[]): string | undefined => (list.length > 0 ? list.join(', ') : undefined);

function interfaceLines(section: WgInterfaceSection): Line[] {
  const fwMark = section.fwMark === undefined ? undefined : section.fwMark === 0 ? 'off' : `0x${section.fwMark.toString(16)}`;
  return [
    ['PrivateKey', section.privateKey],
    ['ListenPort', section.listenPort],
    ['FwMark', fwMark],
    ['Address', joined(section.addresses)],
    ['DNS', joined([...section.dns, ...section.dnsSearch])],
    ['MTU', section.mtu],
    ['Table', section.table && formatTable(section.table)],
    ...section.preUp.map((hook): Line => ['PreUp', hook]),
    ...section.postUp.map((hook): Line => ['PostUp', hook]),
    ...section.preDown.map((hook): Line => ['PreDown', hook]),
    ...section.postDown.map((hook): Line => ['PostDown', hook]),
    ['SaveConfig', section.saveConfig === undefined ? undefined : String(section.saveConfig)],
  ];
}

function peerLines(peer: WgPeerSection): Line[] {
  return [
    ['PublicKey', peer.publicKey],
    ['PresharedKey', peer.presharedKey],
    ['AllowedIPs', joined(peer.allowedIps)],
    ['Endpoint', peer.endpoint && formatEndpoint(peer.endpoint)],
    ['PersistentKeepalive', peer.persistentKeepalive],
  ];
}

/** Canonical text: fixed key order and spelling, one blank line between sections, LF line ends. */
export function serializeWgQuickConfig(config: WgQuickConfig): string {
  const sections = [
    renderSection('[Interface]', interfaceLines(config.interface)),
    ...config.peers.map((peer) => renderSection('[Peer]', peerLines(peer))),
  ];
  return `${sections.join('\n\n')}\n`;
}
