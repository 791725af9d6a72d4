// The "what goes through the tunnel" cards: full tunnel per family, "exclude private networks", and custom networks.
import type { PublicPeer } from '../../../../../shared/src/profile/profile-schema.js';
import { ListEditor } from '../../components/ListEditor.js';
import { Switch } from '../../components/Switch.js';
import { checkRouteEntry } from './route-entries.js';
import { allowedIpsOf, type RoutesDraft } from './route-model.js';

interface SectionProps {
  draft: RoutesDraft;
  disabled: boolean;
  onChange(patch: Partial<RoutesDraft>): void;
}

export function TunnelSection({ draft, peer, disabled, onChange }: SectionProps & { peer: PublicPeer | undefined }) {
  const noPeer = peer === undefined;
  const allowed = allowedIpsOf(draft, peer);
  return (
    <section className="card" aria-labelledby="tunnel-title">
      <h2 id="tunnel-title">Through the tunnel</h2>
      {noPeer && <p className="muted">This profile has no server yet. Add one on the Profiles page to choose its routes.</p>}
      <Switch label="Send all IPv4 traffic" description="Everything on IPv4 goes through the server (0.0.0.0/0)."
        checked={draft.fullV4} disabled={disabled || noPeer} onChange={(fullV4) => onChange({ fullV4 })} />
      <Switch label="Send all IPv6 traffic" description="Everything on IPv6 goes through the server (::/0)."
        checked={draft.fullV6} disabled={disabled || noPeer} onChange={(fullV6) => onChange({ fullV6 })} />
      <Switch label="Exclude private networks"
        description="Your local network stays outside the tunnel: 10/8, 172.16/12, 192.168/16, link-local, multicast and fc00::/7. Printers and file shares stay reachable."
        checked={draft.excludePrivate} disabled={disabled || noPeer || !(draft.fullV4 || draft.fullV6)}
        onChange={(excludePrivate) => onChange({ excludePrivate })} />
      {!noPeer && (
        <details className="allowed-summary">
          <summary>{allowed.length === 0 ? 'Nothing is routed through this server yet' : `AllowedIPs Ferry writes for this server (${allowed.length})`}</summary>
          <p className="mono allowed-list">{allowed.join(', ')}</p>
        </details>
      )}
    </section>
  );
}

export function CustomRoutesSection({ draft, disabled, onChange }: SectionProps) {
  return (
    <section className="card" aria-labelledby="custom-routes-title">
      <h2 id="custom-routes-title">Custom routes</h2>
      <p className="muted section-lead">Networks reached through this server besides the above, such as an office network.</p>
      <ListEditor label="Custom routes" addLabel="Add a network" items={draft.custom} placeholder="e.g. 10.20.0.0/16"
        emptyText="No custom routes." disabled={disabled} check={checkRouteEntry} onChange={(custom) => onChange({ custom })} />
    </section>
  );
}
