// A WantedConnection kept in memory, for unit tests of the daemon's start-up and service.
import type { WantedConnection } from './wanted-connection.js';

export class MemoryWantedConnection implements WantedConnection {
  constructor(public profile: string | null = null) {}

  async load(): Promise<string | null> {
    return this.profile;
  }

  async save(profile: string): Promise<void> {
    this.profile = profile;
  }

  async clear(): Promise<void> {
    this.profile = null;
  }
}
