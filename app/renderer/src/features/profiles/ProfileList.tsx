// The list of profiles: name, server, and which one is in use; selecting one opens its editor.
import { formatEndpoint } from '../../../../../shared/src/net/endpoint.js';
import { useApp } from '../../store/use-app.js';

export function ProfileList({ shown, onSelect }: { shown: string | null; onSelect(name: string): void }) {
  const profiles = useApp((state) => state.profiles);
  const active = useApp((state) => (state.status && state.status.state !== 'disconnected' ? state.status.profile : null));
  if (profiles.length === 0) return <p className="muted list-empty">No profiles yet. Import a WireGuard configuration or create one.</p>;
  return (
    <ul className="profile-list" aria-label="Profiles">
      {profiles.map((profile) => {
        const endpoint = profile.peers[0]?.endpoint;
        return (
          <li key={profile.name}>
            <button type="button" className="profile-item" aria-current={profile.name === shown ? 'true' : undefined} onClick={() => onSelect(profile.name)}>
              <span className="profile-name">{profile.name}</span>
              <span className="profile-sub">{endpoint ? formatEndpoint(endpoint) : 'No server yet'}</span>
              {profile.name === active && <span className="badge badge-ok">In use</span>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
