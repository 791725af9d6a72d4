// The rule model of per-app split tunnelling (issue 6): an executable path, resolved through symlinks and checked, with a stable id.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fail, ok, type FerryResult } from '../../../shared/src/protocol/errors.js';
import { MAX_SPLIT_RULES, type SplitRule } from '../../../shared/src/protocol/split.js';

/** The id doubles as the rule's cgroup name, so it must stay the same for the same file across restarts. */
export function ruleIdFor(resolvedPath: string): string {
  return `r-${createHash('sha256').update(resolvedPath).digest('hex').slice(0, 10)}`;
}

function pathError(reason: 'path-relative' | 'path-missing' | 'path-not-executable', message: string): FerryResult<never> {
  return fail('INVALID_PARAMS', message, { reason });
}

async function startsWithShebang(filePath: string): Promise<boolean> {
  const handle = await fs.open(filePath, 'r');
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer.toString('latin1') === '#!';
  } catch {
    return false;
  } finally {
    await handle.close();
  }
}

/**
 * Checks a path the user gave: absolute, existing, a regular file with an execute bit. Errors carry
 * `details.reason` (`path-relative`, `path-missing`, `path-not-executable`) and name the path as given.
 */
export async function resolveExecutable(requested: string): Promise<FerryResult<{ path: string; isScript: boolean }>> {
  if (!path.isAbsolute(requested)) return pathError('path-relative', `not an absolute path: "${requested}"`);
  let resolved: string;
  try {
    resolved = await fs.realpath(requested);
  } catch {
    return pathError('path-missing', `no such file: "${requested}"`);
  }
  const stat = await fs.stat(resolved);
  if (!stat.isFile() || (stat.mode & 0o111) === 0) return pathError('path-not-executable', `not an executable file: "${requested}"`);
  return ok({ path: resolved, isScript: await startsWithShebang(resolved) });
}

/** Makes a checked rule for `requested` (see resolveExecutable). */
export async function makeRule(requested: string, name: string | null = null): Promise<FerryResult<SplitRule>> {
  const resolved = await resolveExecutable(requested);
  if (!resolved.ok) return resolved;
  return ok({ id: ruleIdFor(resolved.value.path), path: resolved.value.path, requestedPath: requested, name, isScript: resolved.value.isScript });
}

/** The rule list: unique by resolved path, capped, in the order added. */
export class SplitRuleSet {
  private rules: SplitRule[];

  constructor(rules: readonly SplitRule[] = []) {
    this.rules = [...rules];
  }

  list(): readonly SplitRule[] {
    return this.rules;
  }

  get(id: string): SplitRule | undefined {
    return this.rules.find((rule) => rule.id === id);
  }

  add(rule: SplitRule): FerryResult<SplitRule> {
    const existing = this.rules.find((candidate) => candidate.id === rule.id);
    if (existing) return fail('INVALID_PARAMS', `already a rule: "${existing.path}"`, { reason: 'rule-exists', id: existing.id });
    if (this.rules.length >= MAX_SPLIT_RULES) return fail('INVALID_PARAMS', `at most ${MAX_SPLIT_RULES} rules`, { reason: 'too-many-rules' });
    this.rules = [...this.rules, rule];
    return ok(rule);
  }

  /** By id, by the path as given, or by the resolved path. */
  remove(key: { id: string } | { path: string }): FerryResult<SplitRule> {
    const rule = this.rules.find((candidate) =>
      'id' in key ? candidate.id === key.id : candidate.requestedPath === key.path || candidate.path === key.path,
    );
    if (!rule) return fail('INVALID_PARAMS', `no such rule: ${'id' in key ? key.id : `"${key.path}"`}`, { reason: 'rule-missing' });
    this.rules = this.rules.filter((candidate) => candidate !== rule);
    return ok(rule);
  }
}
