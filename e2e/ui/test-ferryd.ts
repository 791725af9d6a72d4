// A real ferryd for UI specs: built checkout, run as root with its socket and state in a fresh temp dir; stop/start keep both.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FerryClient } from '../../helper/src/ipc/client.js';
import type { MethodName, MethodParams, MethodResult } from '../../shared/src/protocol/methods.js';
import { waitFor } from '../lab/exec.js';
import { ProcessTracker, type TrackedProcess } from '../lab/processes.js';
import { FERRYD_BIN, REPO_ROOT, requireFerryBuilt } from '../lab/repo.js';

export class TestFerryd {
  readonly dir = mkdtempSync(join(tmpdir(), 'ferry-ui-'));
  readonly socketPath = join(this.dir, 'run', 'ferryd.sock');
  readonly stateDir = join(this.dir, 'state');
  private readonly processes = new ProcessTracker();
  private process: TrackedProcess | null = null;

  /** Starts ferryd and waits until `ferry status` answers. */
  async start(): Promise<void> {
    requireFerryBuilt();
    const child = this.processes.spawn(FERRYD_BIN, ['--socket', this.socketPath, '--state-dir', this.stateDir, '--log-level', 'debug'], { cwd: REPO_ROOT });
    this.process = child;
    await waitFor('ferryd to answer', async () => {
      if (!child.isRunning()) throw new Error(`ferryd exited early:\n${child.output().slice(-3000)}`);
      return (await this.call('status').then(() => true, () => undefined));
    }, 20_000, 100);
  }

  /** SIGTERM by PID; the socket goes away with it. */
  async stop(): Promise<void> {
    await this.process?.stop('SIGTERM', 10_000);
    this.process = null;
  }

  /** One call over a fresh connection with the helper's typed client (what the test checks against, not the app). */
  async call<M extends MethodName>(method: M, params?: MethodParams<M>): Promise<MethodResult<M>> {
    const client = await FerryClient.connect(this.socketPath, { clientName: 'ui-spec', connectTimeoutMs: 2000 });
    try {
      return await (client.call as (m: M, p?: MethodParams<M>) => Promise<MethodResult<M>>)(method, params);
    } finally {
      client.close();
    }
  }

  logs(): string {
    return this.process?.output() ?? '';
  }

  async destroy(): Promise<void> {
    await this.processes.stopAll();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
