// User flows through the ferry CLI (import, connect --wait, status, disconnect), checked against the shared status schema.
import { statusSchema } from '../../shared/src/protocol/index.js';
import type { ClientProfile, ClientProfileOptions } from './client-profile.js';
import { waitFor } from './exec.js';
import type { Lab } from './lab.js';

const DISCONNECT_TIMEOUT_MS = 15_000;

/** The fields `ferry status --json` promises other programs (DESIGN.md §5), typed by the shared protocol schema. */
const cliStatusSchema = statusSchema.pick({ state: true, profile: true, rxBytes: true, txBytes: true, lastHandshakeAt: true });
export type CliStatus = ReturnType<typeof cliStatusSchema.parse>;

/** `ferry status --json`, its contract fields validated. */
export async function ferryStatus(lab: Lab): Promise<CliStatus> {
  return cliStatusSchema.parse(await lab.ferryJson<unknown>(['status']));
}

/** Runs a ferry command that must succeed; the failure message carries ferryd's last log lines. */
export async function ferryOk(lab: Lab, args: readonly string[]): Promise<string> {
  const result = await lab.ferry(args);
  if (result.code !== 0) {
    throw new Error(`ferry ${args.join(' ')} exited ${result.code}: ${result.stderr.trim()}\n--- ferryd ---\n${lab.ferrydLogs().slice(-3000)}`);
  }
  return result.stdout;
}

/** Saves the profile as NAME.conf and imports it with `ferry profile import FILE --name NAME`. */
export async function importProfile(lab: Lab, name: string, profile: ClientProfile): Promise<string> {
  const path = lab.writeProfileFile(`${name}.conf`, profile.text);
  await ferryOk(lab, ['profile', 'import', path, '--name', name]);
  return path;
}

/** `ferry connect NAME --wait`, then the status it leaves. */
export async function connect(lab: Lab, name: string): Promise<CliStatus> {
  await ferryOk(lab, ['connect', name, '--wait']);
  return ferryStatus(lab);
}

/** A new client key pair registered on the server, imported under `name`, and connected. */
export async function connectNewProfile(lab: Lab, name: string, options: ClientProfileOptions = {}): Promise<{ profile: ClientProfile; status: CliStatus }> {
  const profile = await lab.makeClientProfile(options);
  await importProfile(lab, name, profile);
  return { profile, status: await connect(lab, name) };
}

/** `ferry disconnect` and wait until ferryd reports `disconnected`. */
export async function disconnect(lab: Lab): Promise<CliStatus> {
  await ferryOk(lab, ['disconnect']);
  return waitForState(lab, 'disconnected', DISCONNECT_TIMEOUT_MS);
}

/** Disconnects if connected; for cleanup after a test, never throws. */
export async function disconnectQuietly(lab: Lab): Promise<void> {
  try {
    if ((await ferryStatus(lab)).state !== 'disconnected') await disconnect(lab);
  } catch {
    // the test has already failed, or ferryd is gone; destroy() cleans up
  }
}

export async function waitForState(lab: Lab, state: CliStatus['state'], timeoutMs: number): Promise<CliStatus> {
  return waitFor(`ferry status to be ${state}`, async () => {
    const status = await ferryStatus(lab);
    return status.state === state ? status : undefined;
  }, timeoutMs, 200);
}
