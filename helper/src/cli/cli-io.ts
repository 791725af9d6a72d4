// What the CLI touches outside itself (streams, environment, files, time, Ctrl-C), injected so tests run in-process.
import { readFile } from 'node:fs/promises';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Reads a file the user named; "-" is standard input. */
  readInput(path: string): Promise<string>;
  wallMs(): number;
  /** Resolves when the user asks a --follow to stop (SIGINT, SIGTERM). */
  interrupted(): Promise<void>;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function nodeCliIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    readInput: (path) => (path === '-' ? readStdin() : readFile(path, 'utf8')),
    wallMs: () => Date.now(),
    // Installed only when a command follows, so Ctrl-C keeps its default meaning everywhere else.
    interrupted: () =>
      new Promise((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      }),
  };
}
