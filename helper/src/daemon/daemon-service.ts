// The FerryService the IPC handlers call: the connection manager plus the settings that take effect at once.
import { EventEmitter } from 'node:events';
import { fail, type FerryResult } from '../../../shared/src/protocol/errors.js';
import type { Settings } from '../../../shared/src/protocol/settings.js';
import type { Status } from '../../../shared/src/protocol/state.js';
import type { StatsSample } from '../../../shared/src/protocol/stats.js';
import type { ConnectionManager } from '../connection/connection-manager.js';
import type { ConnectOptions, FerryService, FerryServiceEvents } from '../ipc/service.js';
import type { Logger } from '../log/logger.js';

export class DaemonService implements FerryService {
  readonly events = new EventEmitter<FerryServiceEvents>();

  constructor(
    private readonly connection: ConnectionManager,
    private readonly logger: Logger,
  ) {
    connection.onState((status) => this.events.emit('state', status));
    connection.onStats((sample) => this.events.emit('stats', sample));
  }

  status(): Status {
    return this.connection.current();
  }

  connect(name: string, options: ConnectOptions): Promise<FerryResult<Status>> {
    return this.connection.connect(name, options);
  }

  async disconnect(): Promise<FerryResult<Status>> {
    if (this.connection.current().state === 'disconnected') return fail('NOT_CONNECTED', 'Ferry is not connected');
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
  }
}
