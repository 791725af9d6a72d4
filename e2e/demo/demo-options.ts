// The demo's command line: how long it runs, whether it opens the app, connects by itself, or takes a screenshot.
import { parseArgs } from 'node:util';

export interface DemoOptions {
  /** Ends the demo by itself after this many seconds (CI, scripts); null runs until Ctrl-C or the app window closes. */
  seconds: number | null;
  /** Open the app (Electron, else Chromium through the browser host); false: terminal only, as in CI. */
  app: boolean;
  /** Connect the Demo profile at once instead of waiting for the Connect button (implied without the app). */
  connect: boolean;
  /** Save a screenshot of the app, connected with moving charts, to this path. */
  screenshot: string | null;
}

export const DEMO_USAGE = `usage: npm run demo -- [--seconds N] [--no-app] [--connect] [--screenshot PATH]
  Builds a demo WireGuard server and runs ferryd in its own network namespace, imports a "Demo" profile,
  keeps some traffic flowing, and opens the Ferry app on it: press Connect and watch the charts move.
  --seconds N        end by itself after N seconds (otherwise Ctrl-C, or close the app window)
  --no-app           terminal only: connect at once and print \`ferry status\` every second
  --connect          connect the Demo profile at once instead of waiting for you to press Connect
  --screenshot PATH  save a PNG of the connected app with its charts (Chromium only; implies --connect)
  Nothing outside the demo's own namespaces is changed; everything is removed when it ends.`;

export type DemoOptionsParse = { ok: true; options: DemoOptions } | { ok: false; message: string } | { ok: 'help' };

export function parseDemoOptions(argv: readonly string[]): DemoOptionsParse {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        seconds: { type: 'string' }, 'no-app': { type: 'boolean' }, connect: { type: 'boolean' },
        screenshot: { type: 'string' }, help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { ok: 'help' };
  const seconds = values.seconds === undefined ? null : Number(values.seconds);
  if (seconds !== null && !(seconds > 0)) return { ok: false, message: `--seconds: '${values.seconds}' is not a positive number` };
  const app = values['no-app'] !== true;
  const screenshot = values.screenshot ?? null;
  if (screenshot !== null && !app) return { ok: false, message: '--screenshot needs the app (drop --no-app)' };
  return { ok: true, options: { seconds, app, connect: values.connect === true || !app || screenshot !== null, screenshot } };
}
