// The listed apps: each rule with its traffic and caught processes (removable), the processes launched or added by PID,
// adding a program by path, and the one-off launch.
import { useState } from 'react';
import type { SplitList } from '../../../../../shared/src/protocol/split.js';
import { Icon } from '../../components/Icon.js';
import { useApp } from '../../store/use-app.js';
import { AddByPath } from './AddByPath.js';
import { AppIcon } from './AppIcon.js';
import { LaunchDialog } from './LaunchDialog.js';
import { SplitGroup } from './SplitGroup.js';
import { launchLabel, ruleName, rulesTitle } from './split-view.js';

const MANUAL_GROUP_NAME = 'Launched or added by PID';

function hasActivity(group: SplitList['manual']): boolean {
  const { counters } = group;
  return group.processes.length > 0 || counters.tunnelTxBytes + counters.tunnelRxBytes + counters.directTxBytes + counters.directRxBytes > 0;
}

export function RulesCard({ split, readOnly }: { split: SplitList; readOnly: boolean }) {
  const apps = useApp((state) => state.splitApps);
  const remove = useApp((state) => state.removeSplitRule);
  const [launching, setLaunching] = useState(false);
  const launch = launchLabel(split.mode);
  const iconOf = (path: string) => apps?.find((app) => app.path === path)?.icon ?? null;
  return (
    <section className="card" aria-labelledby="split-rules-title">
      <div className="card-header">
        <h2 id="split-rules-title">{rulesTitle(split.mode)}</h2>
        <button type="button" className="button button-small" disabled={readOnly || launch === null} onClick={() => setLaunching(true)}
          title={launch === null ? 'Choose a mode first' : 'Start a program once, without adding it to the list'}>
          <Icon name="launch" size={15} />{launch ?? 'Launch…'}
        </button>
      </div>
      {split.mode === 'off' && <p className="muted section-lead">Split tunnelling is off: the list is kept for when you turn it on.</p>}
      <ul className="split-groups" aria-label="Split tunnelling rules">
        {split.rules.length === 0 && <li className="list-empty muted">No apps listed yet. Pick them below, or add a program by its path.</li>}
        {split.rules.map((rule) => {
          const name = ruleName(rule);
          return (
            <SplitGroup key={rule.id} icon={<AppIcon path={iconOf(rule.path)} />} name={name}
              detail={<code title={rule.path}>{rule.requestedPath}</code>} counters={rule.counters} processes={rule.processes}
              action={<button type="button" className="button button-small button-danger" aria-label={`Remove ${name}`} disabled={readOnly}
                onClick={() => void remove(rule.id)}>Remove</button>} />
          );
        })}
        {hasActivity(split.manual) && (
          <SplitGroup icon={<span className="app-icon app-icon-generic" aria-hidden="true"><Icon name="launch" size={16} /></span>}
            name={MANUAL_GROUP_NAME} detail="Started with Launch… or ferry split pid add, until they exit"
            counters={split.manual.counters} processes={split.manual.processes} />
        )}
      </ul>
      <AddByPath disabled={readOnly} />
      {launch !== null && <LaunchDialog open={launching} title={launch.replace('…', '')} onClose={() => setLaunching(false)} />}
    </section>
  );
}
