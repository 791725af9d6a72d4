// One group of split-tunnelled processes (a rule, or those launched or added by PID): its traffic by path and the processes caught now.
import { useId, type ReactNode } from 'react';
import type { CaughtProcess, SplitCounters } from '../../../../../shared/src/protocol/split.js';
import { directTraffic, tunnelTraffic } from './split-view.js';

interface SplitGroupProps {
  icon: ReactNode;
  name: string;
  /** A line under the name (the program's path). */
  detail: ReactNode;
  counters: SplitCounters;
  processes: readonly CaughtProcess[];
  /** The remove button, for rules. */
  action?: ReactNode;
}

export function SplitGroup({ icon, name, detail, counters, processes, action }: SplitGroupProps) {
  const id = useId();
  return (
    <li className="split-group" aria-labelledby={`${id}-name`}>
      {icon}
      <div className="split-group-main">
        <div className="split-group-head">
          <div className="split-group-title">
            <h3 id={`${id}-name`}>{name}</h3>
            <span className="split-group-detail">{detail}</span>
          </div>
          {action}
        </div>
        <dl className="split-traffic">
          <div><dt>Through the VPN</dt><dd>{tunnelTraffic(counters)}</dd></div>
          <div><dt>Bypassing</dt><dd>{directTraffic(counters)}</dd></div>
        </dl>
        <ul className="split-processes" aria-label={`Processes of ${name}`}>
          {processes.length === 0 && <li className="split-processes-empty">No process running</li>}
          {processes.map((process) => (
            <li key={process.pid} className="split-process"><code>{process.pid}</code> {process.command}</li>
          ))}
        </ul>
      </div>
    </li>
  );
}
