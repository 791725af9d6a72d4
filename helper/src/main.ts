// ferryd's entry point: parse the command line, start the daemon, stop it in order on SIGTERM/SIGINT.
import { DAEMON_USAGE, parseDaemonOptions } from './daemon/daemon-options.js';
import { startDaemon } from './daemon/start-daemon.js';

const parsed = parseDaemonOptions(process.argv.slice(2), process.env);
if (parsed.ok === 'help') {
  process.stdout.write(`${DAEMON_USAGE}\n`);
  process.exit(0);
}
if (parsed.ok === false) {
  process.stderr.write(`ferryd: ${parsed.message}\n${DAEMON_USAGE}\n`);
  process.exit(2);
}

try {
  const daemon = await startDaemon(parsed.options);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    daemon.logger.info('shutting down', { signal });
    daemon.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        daemon.logger.error('shutdown failed', { error });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
} catch (error) {
  process.stderr.write(`ferryd: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
