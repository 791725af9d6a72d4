// The details of the live tunnel: uptime, interface, tunnel addresses, server endpoint.
import { formatDurationShort } from '../../../../../shared/src/format/duration.js';
import { useApp } from '../../store/use-app.js';
import { useNowMs } from './use-now.js';

export function ConnectionFacts() {
  const status = useApp((state) => state.status);
  const connected = status?.state === 'connected';
  const now = useNowMs(connected);
  if (status === null || status.state === 'disconnected') return null;
  const uptimeSeconds = connected ? Math.max(0, (now - Date.parse(status.since)) / 1000) : null;
  const facts: [string, string][] = [
    ['Uptime', uptimeSeconds === null ? '—' : formatDurationShort(uptimeSeconds)],
    ['Tunnel address', status.addresses.join(', ') || '—'],
    ['Server', status.endpoint ?? '—'],
    ['Interface', status.interfaceName ?? '—'],
  ];
  return (
    <section className="card facts" aria-label="Connection details">
      <dl>
        {facts.map(([term, value]) => (
          <div key={term} className="fact">
            <dt>{term}</dt>
            <dd className={term === 'Uptime' ? '' : 'mono'}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
