// The DNS card of Routes & DNS: the servers that answer while connected (in order) and the search domains.
import { ListEditor } from '../../components/ListEditor.js';
import { checkDnsServer, checkSearchDomain } from './route-entries.js';
import type { RoutesDraft } from './route-model.js';

interface DnsSectionProps {
  draft: RoutesDraft;
  disabled: boolean;
  onChange(patch: Partial<RoutesDraft>): void;
}

export function DnsSection({ draft, disabled, onChange }: DnsSectionProps) {
  return (
    <section className="card" aria-labelledby="dns-title">
      <h2 id="dns-title">DNS</h2>
      <p className="muted section-lead">While connected, names are looked up with these servers, in order. With none, your system's DNS is used.</p>
      <div className="dns-grid">
        <div>
          <h3 className="list-title">Servers</h3>
          <ListEditor label="DNS servers" addLabel="Add a DNS server" items={draft.dns} placeholder="e.g. 10.64.0.1"
            emptyText="Your system's DNS." disabled={disabled} check={checkDnsServer} onChange={(dns) => onChange({ dns })} />
        </div>
        <div>
          <h3 className="list-title">Search domains</h3>
          <ListEditor label="Search domains" addLabel="Add a search domain" items={draft.dnsSearch} placeholder="e.g. corp.example"
            emptyText="None." disabled={disabled} check={checkSearchDomain} onChange={(dnsSearch) => onChange({ dnsSearch })} />
        </div>
      </div>
    </section>
  );
}
