// The large Connect/Disconnect control with its state, the profile to use, and why it failed when it did.
import { Icon } from '../../components/Icon.js';
import { connectTarget } from '../../store/profiles-slice.js';
import { useApp } from '../../store/use-app.js';
import { connectionView } from './connection-view.js';

export function ConnectCard() {
  const status = useApp((state) => state.status);
  const pending = useApp((state) => state.pendingAction);
  const actionError = useApp((state) => state.actionError);
  const profiles = useApp((state) => state.profiles);
  const target = useApp(connectTarget);
  const access = useApp((state) => (state.link.status === 'ready' ? state.link.access : 'read'));
  const connect = useApp((state) => state.connect);
  const disconnect = useApp((state) => state.disconnect);
  const chooseProfile = useApp((state) => state.chooseProfile);
  const goTo = useApp((state) => state.goTo);
  const view = connectionView(status, pending, actionError, target);
  const locked = status !== null && status.state !== 'disconnected' && status.state !== 'error';
  const readOnly = access === 'read';

  return (
    <section className={`card connect-card tone-${view.tone}`} aria-labelledby="connection-title">
      <div className="connect-text">
        <div className="connect-state">
          <span className="state-dot" aria-hidden="true" />
          <h2 id="connection-title" aria-live="polite">{view.title}</h2>
        </div>
        <p className="connect-detail" role={view.tone === 'error' ? 'alert' : undefined}>{view.detail}</p>
        <div className="connect-profile">
          <label htmlFor="profile-picker">Profile</label>
          {profiles.length === 0
            ? <button type="button" className="button button-small" onClick={() => goTo('profiles')}>Add a profile</button>
            : (
              <select id="profile-picker" className="select" value={target ?? ''} disabled={locked} onChange={(event) => chooseProfile(event.target.value)}>
                {profiles.map((profile) => <option key={profile.name} value={profile.name}>{profile.name}</option>)}
              </select>
            )}
        </div>
        {readOnly && <p className="faint">You can watch this connection but not change it: ask to be added to the <code>ferry</code> group.</p>}
      </div>
      <button
        type="button"
        className={`connect-button ${view.action.kind}`}
        disabled={view.action.disabled || readOnly}
        onClick={() => (view.action.kind === 'connect' ? target && void connect(target) : void disconnect())}
      >
        <Icon name="power" size={28} />
        <span>{view.action.label}</span>
      </button>
    </section>
  );
}
