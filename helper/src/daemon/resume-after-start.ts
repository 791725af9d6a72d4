// ferryd's start-up order for the block: adopt what a previous ferryd left, lockdown at once, undo the network journal, then reconnect or clean up (issue 4).
import type { ConnectionManager } from '../connection/connection-manager.js';
import type { FirewallSettings } from '../connection/firewall-policy.js';
import type { WantedConnection } from '../connection/wanted-connection.js';
import type { Logger } from '../log/logger.js';

export interface ResumeDeps {
  connection: ConnectionManager;
  wanted: WantedConnection;
  settings: () => FirewallSettings;
  logger: Logger;
}

/*
 *  adopt()  ─▶ lockdown? set it now ─▶ recover() (routes, rules, DNS) ─┬─ leftover block + wanted profile ─▶ connect(profile)
 *                                                                       └─ otherwise ─▶ sync in `disconnected` (remove or lockdown)
 * The leftover block stays in force through all of it: a crash with the kill switch on never turns into a leak.
 */
export async function resumeAfterStart(deps: ResumeDeps): Promise<void> {
  const { connection, wanted, logger } = deps;
  const adopted = await connection.adoptFirewall();
  const leftover = adopted.ok ? adopted.value : null;
  if (deps.settings().lockdown) await connection.syncFirewall();
  const recovered = await connection.recover();
  if (!recovered.ok) logger.error('could not undo what an earlier ferryd left behind', { error: recovered.error.message });
  const profile = await wanted.load();
  if (leftover !== null && profile !== null) {
    logger.info('restoring the connection that was up when ferryd stopped', { profile, blockedBy: leftover.reason });
    const restored = await connection.connect(profile, { fallbackEndpoints: leftover.endpoints });
    if (!restored.ok) logger.error('could not restore the connection', { profile, error: restored.error.message });
    // Refused before starting (profile gone or invalid): nothing will replace the leftover block.
    if (connection.current().state === 'disconnected') await connection.syncFirewall();
    return;
  }
  if (profile !== null) await wanted.clear().catch(() => undefined);
  await connection.syncFirewall();
}
