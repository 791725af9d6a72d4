// wg-quick texts for specs that need a profile but no server: fresh keys, documentation addresses.
import { generateKeyPair } from '../lab/keys.js';

export function sampleProfileText(): { text: string; serverPublicKey: string } {
  const client = generateKeyPair();
  const server = generateKeyPair();
  const text = [
    '[Interface]', `PrivateKey = ${client.privateKey}`, 'Address = 10.66.0.2/32, fd66::2/128', 'DNS = 10.66.0.1', '',
    '[Peer]', `PublicKey = ${server.publicKey}`, 'Endpoint = 192.0.2.1:51820', 'AllowedIPs = 0.0.0.0/0, ::/0', 'PersistentKeepalive = 25', '',
  ].join('\n');
  return { text, serverPublicKey: server.publicKey };
}
