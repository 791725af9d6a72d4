// A CliIo for tests: captured output, a fixed clock, files from a map, and an interrupt the test triggers.
import type { CliIo } from './cli-io.js';

export class FakeCliIo implements CliIo {
  out = '';
  err = '';
  readonly files = new Map<string, string>();
  private interrupt: () => void = () => undefined;
  private readonly interruptRequested: Promise<void>;
  /** Resolves once a command starts waiting for an interrupt (it is following). */
  readonly following: Promise<void>;
  private markFollowing: () => void = () => undefined;

  constructor(
    readonly env: Record<string, string | undefined> = {},
    private readonly nowMs = Date.UTC(2026, 0, 1, 0, 1, 0),
  ) {
    this.interruptRequested = new Promise((resolve) => (this.interrupt = resolve));
    this.following = new Promise((resolve) => (this.markFollowing = resolve));
  }

  stdout(text: string): void {
    this.out += text;
  }

  stderr(text: string): void {
    this.err += text;
  }

  async readInput(path: string): Promise<string> {
    const text = this.files.get(path);
    if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
    return text;
  }

  wallMs(): number {
    return this.nowMs;
  }

  interrupted(): Promise<void> {
    this.markFollowing();
    return this.interruptRequested;
  }

  /** Acts as Ctrl-C. */
  stop(): void {
    this.interrupt();
  }
}
