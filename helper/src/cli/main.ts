// Entry point of the `ferry` CLI (helper/bin/ferry): wiring only.
import { nodeCliIo } from './cli-io.js';
import { runCli } from './run-cli.js';

// `ferry logs --follow | head` closes the pipe early: that is a normal way to stop, not a crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), nodeCliIo());
