// The journal of system changes (DESIGN.md §6): each change is written to <stateDir>/journal.json before it is made.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parsePrefixedAddress } from '../../../shared/src/net/cidr.js';
import type { Clock } from '../time/clock.js';
import { readFileIfExists, removeFileDurably, writeFileAtomic } from './durable-file.js';
import { INTERFACE_NAME_PATTERN } from './network.js';

const interfaceName = z.string().regex(INTERFACE_NAME_PATTERN);
const family = z.union([z.literal(4), z.literal(6)]);
const prefixedAddress = z.string().refine((text) => parsePrefixedAddress(text).ok, 'not an address/prefix');
const uint32 = z.number().int().min(0).max(0xffff_ffff);
const routeTable = z.union([z.literal('main'), uint32]);
const absolutePath = z.string().refine((text) => path.isAbsolute(text), 'not an absolute path');

/** A policy rule's selector, enough to delete exactly that rule again. */
const ruleSelectorSchema = z.object({
  not: z.boolean(),
  fwmark: uint32.optional(),
  table: routeTable,
  suppressPrefixLength: z.number().int().min(0).max(128).optional(),
});

/** Every kind of change ferryd makes, each with the data needed to undo it. */
export const systemChangeSchema = z.union([
  z.object({ kind: z.literal('address'), interfaceName, family, address: prefixedAddress }),
  z.object({ kind: z.literal('link'), interfaceName, previousMtuBytes: z.number().int().positive(), wasUp: z.boolean() }),
  z.object({ kind: z.literal('route'), interfaceName, family, destination: prefixedAddress, table: routeTable }),
  z.object({ kind: z.literal('rule'), family, priority: uint32, selector: ruleSelectorSchema }),
  z.object({ kind: z.literal('sysctl'), key: z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_]+)+$/), previousValue: z.string().max(4096) }),
  z.object({ kind: z.literal('dns'), backend: z.literal('resolved'), interfaceName }),
  z.object({ kind: z.literal('dns'), backend: z.literal('resolvconf'), recordName: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/) }),
  z.object({ kind: z.literal('dns'), backend: z.literal('file'), path: absolutePath, backupPath: absolutePath, existed: z.boolean() }),
  // Only tables named ferry-… can ever be deleted from a journal: nobody else's firewall is touched, and neither is
  // the kill switch's own `inet ferry` (firewall-state.ts), which must outlive crash recovery.
  z.object({ kind: z.literal('nft-table'), family: z.enum(['inet', 'ip', 'ip6']), name: z.string().regex(/^ferry-[A-Za-z0-9_.-]+$/) }),
  // Split tunnelling (split-tunnel.linux.ts): a policy rule on a masked fwmark, and a cgroup it made. Only
  // cgroups whose top directory under the cgroup2 mount is named ferry-… can ever be removed from a journal.
  z.object({ kind: z.literal('split-rule'), family, priority: uint32, not: z.boolean(), fwmark: uint32, fwmarkMask: uint32, table: routeTable }),
  z.object({ kind: z.literal('cgroup'), mountPoint: absolutePath, relativePath: z.string().regex(/^ferry-[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)?$/) }),
]);

export type SystemChange = z.infer<typeof systemChangeSchema>;
export type RuleSelector = z.infer<typeof ruleSelectorSchema>;

const journalRecordSchema = z.object({ atWallMs: z.number(), change: systemChangeSchema });
const journalFileSchema = z.object({ version: z.literal(1), records: z.array(journalRecordSchema) });

export type JournalRecord = z.infer<typeof journalRecordSchema>;

export const JOURNAL_FILE_NAME = 'journal.json';

export interface JournalLoad {
  journal: Journal;
  /** Set when a journal file existed but could not be read; it was moved aside to `movedTo`. */
  problem?: { message: string; movedTo: string };
}

/** The on-disk list of changes; every mutation is persisted (fsync + atomic rename) before it returns. */
export class Journal {
  private constructor(
    readonly filePath: string,
    private records: JournalRecord[],
    private readonly clock: Clock,
  ) {}

  /**
   * Reads `<stateDir>/journal.json` (creating the state dir 0700 if needed); a corrupt file is moved aside.
   * `fileName` gives a concern its own journal (split tunnelling changes independently of the tunnel).
   */
  static async load(stateDir: string, clock: Clock, fileName = JOURNAL_FILE_NAME): Promise<JournalLoad> {
    await fs.mkdir(stateDir, { recursive: true, mode: 0o700 });
    const filePath = path.join(stateDir, fileName);
    const bytes = await readFileIfExists(filePath);
    if (bytes === null) return { journal: new Journal(filePath, [], clock) };
    const parsed = parseJournal(bytes.toString('utf8'));
    if (parsed.ok) return { journal: new Journal(filePath, parsed.records, clock) };
    const movedTo = path.join(stateDir, `${path.basename(fileName, '.json')}.corrupt-${clock.wallMs()}.json`);
    await fs.rename(filePath, movedTo);
    return { journal: new Journal(filePath, [], clock), problem: { message: parsed.message, movedTo } };
  }

  get isEmpty(): boolean {
    return this.records.length === 0;
  }

  /** Oldest first. */
  entries(): readonly JournalRecord[] {
    return this.records;
  }

  /** Appends changes (several at once: one write for a batch) and makes them durable; call before making them. */
  async record(...changes: SystemChange[]): Promise<void> {
    const atWallMs = this.clock.wallMs();
    this.records = [...this.records, ...changes.map((change) => ({ atWallMs, change }))];
    await this.persist();
  }

  /** Drops records whose changes were undone (or, from a failed batch, never made). */
  async forget(...records: JournalRecord[]): Promise<void> {
    this.records = this.records.filter((candidate) => !records.includes(candidate));
    await this.persist();
  }

  private async persist(): Promise<void> {
    if (this.records.length === 0) {
      await removeFileDurably(this.filePath);
      return;
    }
    const file: z.infer<typeof journalFileSchema> = { version: 1, records: this.records };
    await writeFileAtomic(this.filePath, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  }
}

function parseJournal(text: string): { ok: true; records: JournalRecord[] } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `journal is not JSON: ${(error as Error).message}` };
  }
  const parsed = journalFileSchema.safeParse(json);
  if (!parsed.success) return { ok: false, message: `journal does not match its schema: ${parsed.error.message}` };
  return { ok: true, records: parsed.data.records };
}
