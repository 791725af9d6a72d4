// Events ferryd pushes to subscribed clients: one data schema per event name (DESIGN.md §4).
import { z } from 'zod';
import { publicProfileSchema } from '../profile/profile-schema.js';
import { logEntrySchema } from './log.js';
import type { EventName } from './methods.js';
import { settingsSchema } from './settings.js';
import { splitEventSchema } from './split.js';
import { statusSchema } from './state.js';
import { statsSampleSchema } from './stats.js';

export const eventDataSchemas = {
  /** The new status, on every state change (and when the endpoint or addresses change). */
  state: statusSchema,
  /** About twice a second while a tunnel exists. */
  stats: statsSampleSchema,
  log: logEntrySchema,
  /** The whole list after any profile was added, changed, renamed or removed. */
  profiles: z.object({ profiles: z.array(publicProfileSchema) }),
  settings: settingsSchema,
  /** The whole split-tunnelling list (mode, rules, caught processes, counters) after something in it changed. */
  split: splitEventSchema,
} satisfies Record<EventName, z.ZodType>;

export type EventData<E extends EventName> = z.output<(typeof eventDataSchemas)[E]>;

/** A typed event as the hub and the client handle it. */
export type FerryEvent = { [E in EventName]: { event: E; data: EventData<E> } }[EventName];

/** Events a slow client may miss without harm: the next one supersedes them. */
export const LOSSY_EVENTS: ReadonlySet<EventName> = new Set<EventName>(['stats', 'log']);
