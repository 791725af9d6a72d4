// A CommandRunner for tests: records every call and answers from a script, so tests assert exact command lists.
import { CommandFailedError, formatCommand, type CommandOptions, type CommandResult, type CommandRunner } from './command-runner.js';

export interface RecordedCommand {
  file: string;
  args: string[];
  input?: string;
  /** `file args…` as one line, the form tests compare. */
  line: string;
}

/** Matches a command line exactly (string), by pattern (RegExp), or by predicate. */
export type CommandMatcher = string | RegExp | ((call: RecordedCommand) => boolean);
export type ScriptedResult = Partial<CommandResult> | ((call: RecordedCommand) => Partial<CommandResult>);

interface Script {
  matcher: CommandMatcher;
  result: ScriptedResult;
  remainingUses: number;
}

function matches(matcher: CommandMatcher, call: RecordedCommand): boolean {
  if (typeof matcher === 'string') return matcher === call.line;
  if (matcher instanceof RegExp) return matcher.test(call.line);
  return matcher(call);
}

export class FakeCommandRunner implements CommandRunner {
  readonly calls: RecordedCommand[] = [];
  /** The input of every `ip -batch -` (its lines are also in `calls`, one command each). */
  readonly batches: string[] = [];
  private readonly scripts: Script[] = [];

  /** Answers matching commands with `result` (later scripts win); unmatched commands succeed with no output. */
  on(matcher: CommandMatcher, result: ScriptedResult, times = Infinity): this {
    this.scripts.unshift({ matcher, result, remainingUses: times });
    return this;
  }

  /** Makes matching commands exit 2 with `stderr`, like a refused RTNETLINK request. */
  fail(matcher: CommandMatcher, stderr = 'RTNETLINK answers: Operation not permitted', times = Infinity): this {
    return this.on(matcher, { code: 2, stderr }, times);
  }

  /** The recorded command lines, optionally only those that change something (not `-json` reads). */
  lines(options: { withoutReads?: boolean } = {}): string[] {
    const all = this.calls.map((call) => call.line);
    return options.withoutReads ? all.filter((line) => !line.includes(' -json ')) : all;
  }

  clear(): void {
    this.calls.length = 0;
    this.batches.length = 0;
  }

  async run(file: string, args: string[], options: CommandOptions = {}): Promise<CommandResult> {
    if (file === 'ip' && args.join(' ') === '-batch -') return this.runIpBatch(options);
    const call: RecordedCommand = { file, args: [...args], line: formatCommand(file, args) };
    if (options.input !== undefined) call.input = options.input;
    this.calls.push(call);
    const script = this.scripts.find((candidate) => candidate.remainingUses > 0 && matches(candidate.matcher, call));
    if (script) script.remainingUses -= 1;
    const partial = typeof script?.result === 'function' ? script.result(call) : (script?.result ?? {});
    const result: CommandResult = { code: partial.code ?? 0, stdout: partial.stdout ?? '', stderr: partial.stderr ?? '' };
    if (result.code !== 0 && !options.allowFailure) throw new CommandFailedError(file, args, result);
    return result;
  }

  /**
   * `ip -batch -` as ip runs it: each input line is recorded (and scripted) as the command `ip LINE`, and the
   * first failing line stops the batch with ip's "Command failed -:N".
   */
  private async runIpBatch(options: CommandOptions): Promise<CommandResult> {
    this.batches.push(options.input ?? '');
    const lines = (options.input ?? '').split('\n').filter(Boolean);
    let stdout = '';
    for (const [i, text] of lines.entries()) {
      const result = await this.run('ip', text.split(' '), { allowFailure: true });
      stdout += result.stdout;
      if (result.code === 0) continue;
      const failed = { code: 1, stdout, stderr: `${result.stderr}\nCommand failed -:${i + 1}\n` };
      if (!options.allowFailure) throw new CommandFailedError('ip', ['-batch', '-'], failed);
      return failed;
    }
    return { code: 0, stdout, stderr: '' };
  }
}
