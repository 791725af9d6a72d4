// "Ferry's service is not running": why the app cannot reach ferryd, what to do, and that it will recover by itself.
import type { BridgeConnection } from '../../../../common/bridge-connection.js';
import { Icon } from '../../components/Icon.js';

type Unavailable = Extract<BridgeConnection, { status: 'service-unavailable' }>;

function advice(link: Unavailable): { title: string; steps: string[] } {
  switch (link.reason) {
    case 'not-root-owned':
      return { title: 'Ferry refused an untrusted service', steps: ['The service socket is not owned by root, so another program could be pretending to be Ferry.', 'Reinstall Ferry or ask your administrator to check the installation.'] };
    case 'permission-denied':
      return { title: "Ferry's service cannot be reached", steps: ['Your user may not open the service socket.', 'Ask your administrator to add you to the ferry group, then log in again.'] };
    case 'version-mismatch':
      return { title: 'Ferry needs an update', steps: ['The app and its service are different versions.', 'Install the same version of both (update Ferry), then restart the service.'] };
    case 'host-gone':
      return { title: 'Ferry lost its connection', steps: ['The process serving this page stopped.', 'Start it again with `npm run host` and open the address it prints.'] };
    default:
      return { title: "Ferry's service is not running", steps: ['Start it with `sudo systemctl start ferryd` (or run `sudo ferryd` in a terminal).', 'If it keeps stopping, look at its log: `journalctl -u ferryd`.'] };
  }
}

/** Shows `command` spans of a step as code. */
function Step({ text }: { text: string }) {
  return <li>{text.split('`').map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part))}</li>;
}

export function ServiceUnavailable({ link }: { link: Unavailable }) {
  const { title, steps } = advice(link);
  return (
    <main className="service-screen" aria-labelledby="service-title">
      <div className="service-card card">
        <span className="service-icon"><Icon name="alert" size={28} /></span>
        <h1 id="service-title">{title}</h1>
        <ul className="service-steps">{steps.map((step) => <Step key={step} text={step} />)}</ul>
        <p className="service-retry" role="status"><span className="spinner" aria-hidden="true" /> Ferry keeps trying and will continue by itself as soon as the service is back.</p>
        <details>
          <summary>Details</summary>
          <code className="service-detail">{link.message}</code>
        </details>
      </div>
    </main>
  );
}
