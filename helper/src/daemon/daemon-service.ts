// The FerryService the IPC handlers call: the connection manager, the record of what the user wants, and the settings that take effect at once.
import { EventEmitter } from 'node:events';
import { fail, type FerryResult } from '../../../shared/src/protocol/errors.js';
import type { Settings } from '../../../shared/src/protocol/settings.js';
import type { Status } from '../../../shared/src/protocol/state.js';
import type { StatsSample } from '../../../shared/src/protocol/stats.js';
import type { ConnectionManager } from '../connection/connection-manager.js';
import type { WantedConnection } from '../connection/wanted-connection.js';
import type { ConnectOptions, FerryService, FerryServiceEvents } from '../ipc/service.js';
import type { Logger } from '../log/logger.js';

export class DaemonService implements FerryService {
  readonly events = new EventEmitter<FerryServiceEvents>();

  constructor(
    private readonly connection: ConnectionManager,
    private readonly logger: Logger,
    private readonly wanted: WantedConnection,
  ) {
    connection.onState((status) => this.events.emit('state', status));
    connection.onStats((sample) => this.events.emit('stats', sample));
  }

  status(): Status {
    return this.connection.current();
  }

  /** Remembered first: a ferryd that crashes during the attempt restores it on its next start. */
  async connect(name: string, options: ConnectOptions): Promise<FerryResult<Status>> {
    await this.remember(name);
    const result = await this.connection.connect(name, options);
    // Refused before anything started (invalid profile): the record names what is really wanted.
    const profile = this.connection.current().profile;
    if (profile !== name) await this.remember(profile);
    return result;
  }

  /** The user's disconnect: forgotten first, so a crash during teardown cleans up rather than reconnects. */
  async disconnect(): Promise<FerryResult<Status>> {
    if (this.connection.current().state === 'disconnected') return fail('NOT_CONNECTED', 'Ferry is not connected');
    await this.remember(null);
    return this.connection.disconnect();
  }

  statsNow(): StatsSample {
    return this.connection.statsNow();
  }

  statsHistory(seconds: number): StatsSample[] {
    return this.connection.statsHistory(seconds);
  }

  onSettingsChanged(settings: Settings, previous: Settings): void {
    if (settings.logLevel !== previous.logLevel) this.logger.setLevel(settings.logLevel);
    const blockChanged = settings.killSwitch !== previous.killSwitch || settings.lockdown !== previous.lockdown || settings.allowLan !== previous.allowLan;
    if (blockChanged) void this.connection.syncFirewall();
  }

  private async remember(profile: string | null): Promise<void> {
    try {
      if (profile === null) await this.wanted.clear();
      else await this.wanted.save(profile);
    } catch (error) {
      this.logger.error('could not record the wanted connection', { error: (error as Error).message });
    }
  }
}
