// Home: the Connect control, the live numbers, the connection details and the charts.
import { ConnectCard } from './ConnectCard.js';
import { ConnectionFacts } from './ConnectionFacts.js';
import { LiveCharts } from './LiveCharts.js';
import { StatTiles } from './StatTiles.js';

export function HomePage() {
  return (
    <div className="page-inner">
      <h1 className="visually-hidden">Home</h1>
      <ConnectCard />
      <StatTiles />
      <ConnectionFacts />
      <LiveCharts />
    </div>
  );
}
