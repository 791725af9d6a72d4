// <stateDir>/firewall.json: the policy in force, written before its table exists and kept apart from the network journal so crash recovery never lifts the block.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { readFileIfExists, removeFileDurably, writeFileAtomic } from './durable-file.js';
import type { FirewallPolicy } from './firewall.js';
import { firewallPolicySchema } from './firewall-validation.js';

export const FIREWALL_STATE_FILE_NAME = 'firewall.json';

const stateFileSchema = z.object({ version: z.literal(1), policy: firewallPolicySchema });

export type FirewallStateLoad =
  | { ok: true; policy: FirewallPolicy | null }
  /** The file could not be read; it was moved aside to `movedTo`. */
  | { ok: false; message: string; movedTo: string };

export function firewallStatePath(stateDir: string): string {
  return path.join(stateDir, FIREWALL_STATE_FILE_NAME);
}

/** Makes `policy` durable (fsync + atomic rename, 0600) before the caller enforces it. */
export async function saveFirewallState(stateDir: string, policy: FirewallPolicy): Promise<void> {
  await fs.mkdir(stateDir, { recursive: true, mode: 0o700 });
  const file: z.infer<typeof stateFileSchema> = { version: 1, policy };
  await writeFileAtomic(firewallStatePath(stateDir), `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
}

/** After the table is gone: there is no block left to remember. */
export async function removeFirewallState(stateDir: string): Promise<void> {
  await fs.mkdir(stateDir, { recursive: true, mode: 0o700 });
  await removeFileDurably(firewallStatePath(stateDir));
}

function parseState(text: string): { ok: true; policy: FirewallPolicy } | { ok: false; message: string } {
  try {
    const parsed = stateFileSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { ok: true, policy: parsed.data.policy };
    return { ok: false, message: `the firewall state does not match its schema: ${parsed.error.message}` };
  } catch (error) {
    return { ok: false, message: `the firewall state is not JSON: ${(error as Error).message}` };
  }
}

/** The persisted policy, null when there is none; a corrupt file is moved aside (the table itself is left alone). */
export async function loadFirewallState(stateDir: string, wallMs: number): Promise<FirewallStateLoad> {
  const filePath = firewallStatePath(stateDir);
  const bytes = await readFileIfExists(filePath);
  if (bytes === null) return { ok: true, policy: null };
  const parsed = parseState(bytes.toString('utf8'));
  if (parsed.ok) return parsed;
  const movedTo = path.join(stateDir, `firewall.corrupt-${wallMs}.json`);
  await fs.rename(filePath, movedTo);
  return { ok: false, message: parsed.message, movedTo };
}
