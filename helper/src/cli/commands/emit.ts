// Printing a command's outcome: exactly one JSON document with --json, readable text otherwise.
import type { FerryEvent } from '../../../../shared/src/protocol/events.js';
import type { EventName } from '../../../../shared/src/protocol/methods.js';
import { EXIT_OK, EXIT_UNREACHABLE, type CommandContext } from '../command-spec.js';

export function emit(context: CommandContext, value: unknown, text: () => string): number {
  context.io.stdout(context.json ? `${JSON.stringify(value)}\n` : text());
  return EXIT_OK;
}

/**
 * Streams events to `onEvent` until the user interrupts (exit 0) or ferryd goes away (exit 3). `before` runs
 * after subscribing, so nothing between a snapshot and the stream is missed.
 */
export async function follow(context: CommandContext, events: EventName[], onEvent: (event: FerryEvent) => void, before?: () => Promise<void>): Promise<number> {
  let stopWatching: () => void = () => undefined;
  const lost = new Promise<number>((resolve) => {
    stopWatching = context.client.onClose(() => {
      context.io.stderr('ferry: lost the connection to ferryd\n');
      resolve(EXIT_UNREACHABLE);
    });
  });
  const queued: FerryEvent[] = [];
  let live = false;
  await context.client.subscribe(events, (event) => (live ? onEvent(event) : queued.push(event)));
  await before?.();
  live = true;
  for (const event of queued) onEvent(event);
  const stopped = context.io.interrupted().then(() => EXIT_OK);
  const code = await Promise.race([stopped, lost]);
  // The CLI closes the connection itself next: that is not a loss worth reporting.
  stopWatching();
  return code;
}
