// DaemonService: the wanted-connection record follows the user's connect and disconnect; block settings resync the firewall.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/src/protocol/settings.js';
import { profileConfig, settle, setupConnection } from '../connection/connection-test-setup.js';
import { MemoryWantedConnection } from '../connection/wanted-connection.fake.js';
import { Logger } from '../log/logger.js';
import { FakeClock } from '../time/fake-clock.js';
import { DaemonService } from './daemon-service.js';

const logger = new Logger({ clock: new FakeClock(), sink: () => undefined });

function service(wanted = new MemoryWantedConnection()) {
  const setup = setupConnection({ home: profileConfig(['0.0.0.0/0']), draft: { ...profileConfig(['0.0.0.0/0']), peers: [] } });
  return { ...setup, wanted, service: new DaemonService(setup.manager, logger, wanted) };
}

describe('DaemonService', () => {
  it('remembers the profile on connect and forgets it on the user\'s disconnect', async () => {
    const { service: daemon, wanted } = service();
    await daemon.connect('home', { wait: false, timeoutMs: 1_000 });
    expect(wanted.profile).toBe('home');
    await daemon.connect('draft', { wait: false, timeoutMs: 1_000 });
    expect(wanted.profile).toBe('home'); // refused before starting: still connected to home
    await daemon.disconnect();
    expect(wanted.profile).toBeNull();
  });

  it('resyncs the firewall when the kill switch, lockdown or Allow LAN change, not for other settings', async () => {
    const { service: daemon, firewall, settings } = service();
    const before: Settings = { ...DEFAULT_SETTINGS };
    settings.lockdown = true;
    daemon.onSettingsChanged({ ...before, theme: 'dark' }, before);
    await settle();
    expect(firewall.history).toEqual([]);
    daemon.onSettingsChanged({ ...before, lockdown: true }, before);
    await settle();
    expect(firewall.current()).toMatchObject({ reason: 'lockdown' });
    expect(daemon.status()).toMatchObject({ state: 'disconnected', blockedBy: 'lockdown' });
  });
});
