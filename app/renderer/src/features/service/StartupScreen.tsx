// Shown before ferryd has answered for the first time (or when the page cannot start at all).
export function StartupScreen({ problem }: { problem?: string }) {
  return (
    <main className="service-screen" aria-labelledby="startup-title">
      <div className="service-card card">
        <h1 id="startup-title">{problem ? 'Ferry cannot start here' : 'Starting Ferry…'}</h1>
        {problem ? <p className="muted">{problem}</p> : <p className="service-retry" role="status"><span className="spinner" aria-hidden="true" /> Connecting to Ferry's service.</p>}
      </div>
    </main>
  );
}
