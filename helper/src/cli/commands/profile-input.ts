// Builds the profile body of `ferry profile create` from its options (addresses, DNS, one peer).
import { isValidKey } from '../../../../shared/src/keys/base64-key.js';
import { parseEndpoint } from '../../../../shared/src/net/endpoint.js';
import type { ProfileBody } from '../../../../shared/src/protocol/methods.js';
import { UsageError, type OptionValues } from '../command-spec.js';

/** With a peer but no --allowed-ips, everything goes through the tunnel, as in other VPN clients. */
export const DEFAULT_ALLOWED_IPS = ['0.0.0.0/0', '::/0'];

/** Repeatable options may also carry comma-separated lists: `--address 10.0.0.2/32,fd00::2/128`. */
function list(value: OptionValues[string]): string[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values
    .flatMap((item) => String(item).split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function peerOf(options: OptionValues): ProfileBody['peers'] {
  const publicKey = options['peer-public-key'] as string | undefined;
  const endpointText = options.endpoint as string | undefined;
  const allowedIps = list(options['allowed-ips']);
  if (publicKey === undefined) {
    if (endpointText !== undefined || allowedIps.length > 0) throw new UsageError('--endpoint and --allowed-ips need --peer-public-key');
    return [];
  }
  if (!isValidKey(publicKey)) throw new UsageError('--peer-public-key is not a WireGuard key (44 base64 characters)');
  const peer: ProfileBody['peers'][number] = { publicKey, allowedIps: allowedIps.length > 0 ? allowedIps : DEFAULT_ALLOWED_IPS };
  if (endpointText !== undefined) {
    const endpoint = parseEndpoint(endpointText);
    if (!endpoint.ok) throw new UsageError(`--endpoint ${endpoint.problem}`);
    peer.endpoint = endpoint.endpoint;
  }
  return [peer];
}

export function profileBodyFromOptions(options: OptionValues): ProfileBody {
  return {
    interface: { addresses: list(options.address), dns: list(options.dns), dnsSearch: [], preUp: [], postUp: [], preDown: [], postDown: [] },
    peers: peerOf(options),
  };
}
