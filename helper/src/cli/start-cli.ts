// Starts the ferry CLI for this process (argv, stdio, exit code): shared by main.ts and the single-file bundle.
import { nodeCliIo } from './cli-io.js';
import { runCli } from './run-cli.js';

export async function startCli(): Promise<void> {
  // `ferry logs --follow | head` closes the pipe early: that is a normal way to stop, not a crash.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  process.exitCode = await runCli(process.argv.slice(2), nodeCliIo());
}
