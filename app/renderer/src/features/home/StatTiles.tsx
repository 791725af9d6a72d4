// The current numbers under the control: download and upload rate with totals, latency with jitter and loss, handshake age.
import { formatBitRate, formatBytes } from '../../../../../shared/src/format/bytes.js';
import { formatLatency } from '../../../../../shared/src/format/duration.js';
import { useApp } from '../../store/use-app.js';

/** A compact age for a small tile: "4 s ago", "2 min ago", "3 h ago". */
export function formatAgeShort(seconds: number): string {
  if (seconds < 1) return 'just now';
  if (seconds < 60) return `${Math.floor(seconds)} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  return `${Math.floor(seconds / 3600)} h ago`;
}

function Tile({ label, value, sub, tone }: { label: string; value: string; sub: string; tone: string }) {
  return (
    <div className={`tile tile-${tone}`}>
      <span className="tile-label">{label}</span>
      <span className="tile-value">{value}</span>
      <span className="tile-sub">{sub}</span>
    </div>
  );
}

export function StatTiles() {
  const latest = useApp((state) => state.latest);
  const status = useApp((state) => state.status);
  const live = status?.state === 'connected' || status?.state === 'reconnecting';
  const sample = live ? latest : null;
  const latency = sample?.latencyMs ?? null;
  const jitter = sample?.jitterMs ?? null;
  const loss = sample?.lossPercent ?? null;
  const handshake = sample?.handshakeAgeSeconds ?? status?.handshakeAgeSeconds ?? null;
  return (
    <section className="tiles" aria-label="Current traffic and latency">
      <Tile tone="rx" label="Download" value={sample ? formatBitRate(sample.rxRateBps) : '—'} sub={`${formatBytes(sample?.rxBytes ?? 0)} received`} />
      <Tile tone="tx" label="Upload" value={sample ? formatBitRate(sample.txRateBps) : '—'} sub={`${formatBytes(sample?.txBytes ?? 0)} sent`} />
      <Tile
        tone="latency"
        label="Latency"
        value={latency === null ? '—' : formatLatency(latency)}
        sub={latency === null ? 'not measured yet' : `± ${formatLatency(jitter ?? 0)} · ${(loss ?? 0).toFixed(0)}% loss`}
      />
      <Tile tone="handshake" label="Handshake" value={handshake === null || !live ? '—' : formatAgeShort(handshake)} sub={live ? 'renews every 2 min' : 'no tunnel'} />
    </section>
  );
}
