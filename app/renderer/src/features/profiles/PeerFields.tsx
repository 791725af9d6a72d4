// One [Peer] of the profile editor: public key, endpoint, allowed IPs, keepalive, preshared key.
import { TextField } from '../../components/TextField.js';
import type { FieldErrors, PeerForm } from './profile-form.js';

interface PeerFieldsProps {
  index: number;
  peer: PeerForm;
  errors: FieldErrors;
  onChange(peer: PeerForm): void;
  onRemove(): void;
}

export function PeerFields({ index, peer, errors, onChange, onRemove }: PeerFieldsProps) {
  const field = (key: keyof PeerForm) => errors[`peers.${index}.${key}`];
  const set = (patch: Partial<PeerForm>) => onChange({ ...peer, ...patch });
  return (
    <fieldset className="peer">
      <legend>Server {index + 1}</legend>
      <div className="form-grid">
        <TextField className="span-2" label="Public key" mono value={peer.publicKey} onChange={(publicKey) => set({ publicKey })} error={field('publicKey')} />
        <TextField label="Endpoint" mono value={peer.endpoint} onChange={(endpoint) => set({ endpoint })} error={field('endpoint')} placeholder="vpn.example.com:51820" />
        <TextField label="Persistent keepalive (seconds)" inputMode="numeric" value={peer.persistentKeepalive}
          onChange={(persistentKeepalive) => set({ persistentKeepalive })} error={field('persistentKeepalive')} placeholder="off" />
        <TextField className="span-2" label="Allowed IPs" mono value={peer.allowedIps} onChange={(allowedIps) => set({ allowedIps })}
          error={field('allowedIps')} hint="Networks sent through this server, comma separated. 0.0.0.0/0, ::/0 sends everything." />
        <TextField className="span-2" label="Preshared key" mono value={peer.presharedKey} onChange={(presharedKey) => set({ presharedKey, removePresharedKey: false })}
          error={field('presharedKey')} hint={peer.hasPresharedKey && !peer.removePresharedKey ? 'A preshared key is set; leave empty to keep it.' : 'Optional.'} />
      </div>
      <div className="peer-actions">
        {peer.hasPresharedKey && (
          <button type="button" className="button button-small button-ghost" onClick={() => set({ removePresharedKey: !peer.removePresharedKey, presharedKey: '' })}>
            {peer.removePresharedKey ? 'Keep preshared key' : 'Remove preshared key'}
          </button>
        )}
        <button type="button" className="button button-small button-danger" onClick={onRemove}>Remove server {index + 1}</button>
      </div>
    </fieldset>
  );
}
