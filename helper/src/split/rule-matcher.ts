// Decides which split rule a running process belongs to: by its executable, or for `#!` scripts by the script path in the interpreter's argv.
import path from 'node:path';
import type { SplitRule } from '../../../shared/src/protocol/split.js';
import type { ProcFs } from './proc-fs.js';

/** binfmt_script puts the script path at argv[1] (argv[2] when the #! line has an argument). */
const SCRIPT_ARGV_POSITIONS = [1, 2];

export class RuleMatcher {
  private readonly byPath: ReadonlyMap<string, SplitRule>;
  private readonly scripts: ReadonlyMap<string, SplitRule[]>;

  constructor(rules: readonly SplitRule[], private readonly procfs: ProcFs) {
    this.byPath = new Map(rules.map((rule) => [rule.path, rule]));
    const scripts = new Map<string, SplitRule[]>();
    for (const rule of rules.filter((candidate) => candidate.isScript)) {
      const names = [path.basename(rule.path), path.basename(rule.requestedPath)];
      for (const name of new Set(names)) scripts.set(name, [...(scripts.get(name) ?? []), rule]);
    }
    this.scripts = scripts;
  }

  get isEmpty(): boolean {
    return this.byPath.size === 0;
  }

  /** The rule `pid` matches now, or null (also when it exited). */
  match(pid: number): SplitRule | null {
    if (this.isEmpty) return null;
    const exe = this.procfs.exe(pid);
    if (exe === null) return null;
    return this.byPath.get(exe) ?? this.matchScript(pid);
  }

  /** Only arguments whose file name is that of a script rule are resolved, so most processes cost one readlink. */
  private matchScript(pid: number): SplitRule | null {
    if (this.scripts.size === 0) return null;
    const argv = this.procfs.argv(pid);
    for (const position of SCRIPT_ARGV_POSITIONS) {
      const argument = argv[position];
      if (argument === undefined || !this.scripts.has(path.basename(argument))) continue;
      const base = path.isAbsolute(argument) ? '/' : this.procfs.cwd(pid);
      const resolved = base === null ? null : this.procfs.realpath(path.resolve(base, argument));
      const rule = resolved === null ? undefined : this.byPath.get(resolved);
      if (rule) return rule;
    }
    return null;
  }
}
