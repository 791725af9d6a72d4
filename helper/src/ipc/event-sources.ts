// Connects what produces events (service, stores, logger) to the hub, and settings changes to the service.
import type { Status } from '../../../shared/src/protocol/state.js';
import type { StatsSample } from '../../../shared/src/protocol/stats.js';
import type { EventHub } from './event-hub.js';
import type { HandlerDeps } from './handler-types.js';
import { publicView } from './handlers/profile-support.js';
import { statusWithSplit } from './handlers/split-handlers.js';

/** Returns the function that disconnects every source. */
export function connectEventSources(hub: EventHub, deps: HandlerDeps): () => void {
  const onState = (status: Status) => hub.publish({ event: 'state', data: statusWithSplit(status, deps) });
  const onStats = (sample: StatsSample) => hub.publish({ event: 'stats', data: sample });
  deps.service.events.on('state', onState);
  deps.service.events.on('stats', onStats);
  const stopLog = deps.logger.subscribe((entry) => hub.publish({ event: 'log', data: entry }));
  const stopProfiles = deps.profiles.onChange((profiles) => {
    if (hub.size > 0) hub.publish({ event: 'profiles', data: { profiles: profiles.map((profile) => publicView(deps, profile)) } });
  });
  const stopSettings = deps.settings.onChange((change) => {
    hub.publish({ event: 'settings', data: change.settings });
    deps.service.onSettingsChanged(change.settings, change.previous);
  });
  const stopSplit = connectSplitEvents(hub, deps);
  return () => {
    stopSplit();
    deps.service.events.off('state', onState);
    deps.service.events.off('stats', onStats);
    stopLog();
    stopProfiles();
    stopSettings();
  };
}

/** The whole list goes out on every (coalesced) change; reading it costs an nft call, so only with someone listening. */
function connectSplitEvents(hub: EventHub, deps: HandlerDeps): () => void {
  const split = deps.split;
  if (!split) return () => undefined;
  return split.onChange(() => {
    if (hub.size === 0) return;
    split.list().then(
      (list) => hub.publish({ event: 'split', data: list }),
      (error: unknown) => deps.logger.warn('could not read the split-tunnel list for its event', { error: String(error) }),
    );
  });
}
