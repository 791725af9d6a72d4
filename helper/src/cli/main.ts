// Entry point of the `ferry` CLI from the compiled modules (helper/bin/ferry prefers the bundle, see bundle-cli.mjs): wiring only.
import { startCli } from './start-cli.js';

await startCli();
