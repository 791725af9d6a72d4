// Routes & DNS: for one profile (and one of its servers), what goes through the tunnel and which DNS servers it uses.
import { useState } from 'react';
import { useApp } from '../../store/use-app.js';
import { RoutesEditor } from './RoutesEditor.js';

export function RoutesPage() {
  const profiles = useApp((state) => state.profiles);
  const selected = useApp((state) => state.selectedProfile);
  const select = useApp((state) => state.selectProfile);
  const goTo = useApp((state) => state.goTo);
  const leave = useApp((state) => state.leaveForms);
  const [peerIndex, setPeerIndex] = useState(0);
  const profile = profiles.find((candidate) => candidate.name === selected) ?? profiles[0] ?? null;
  const peer = profile && peerIndex < profile.peers.length ? peerIndex : 0;

  return (
    <div className="page-inner routes-page">
      <header className="page-header">
        <div>
          <h1>Routes &amp; DNS</h1>
          <p className="muted">Choose what goes through the tunnel and who answers DNS while connected.</p>
        </div>
        {profile && (
          <div className="header-actions">
            <label htmlFor="routes-profile" className="header-label">Profile</label>
            <select id="routes-profile" className="select narrow" value={profile.name} onChange={(event) => { const name = event.target.value; leave(() => { select(name); setPeerIndex(0); }); }}>
              {profiles.map((candidate) => <option key={candidate.name} value={candidate.name}>{candidate.name}</option>)}
            </select>
            {profile.peers.length > 1 && (
              <select aria-label="Server" className="select narrow" value={peer} onChange={(event) => { const index = Number(event.target.value); leave(() => setPeerIndex(index)); }}>
                {profile.peers.map((candidate, index) => <option key={candidate.publicKey} value={index}>Server {index + 1}</option>)}
              </select>
            )}
          </div>
        )}
      </header>
      {profile
        ? <RoutesEditor key={`${profile.name}/${peer}`} profile={profile} peerIndex={peer} />
        : (
          <div className="card empty-state">
            <h2>No profile yet</h2>
            <p className="muted">Routes and DNS belong to a profile. Import or create one first.</p>
            <div className="form-actions"><button type="button" className="button button-primary" onClick={() => goTo('profiles')}>Go to Profiles</button></div>
          </div>
        )}
    </div>
  );
}
