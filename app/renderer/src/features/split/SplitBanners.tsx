// What stands between the list and its enforcement: ferryd's problem (with what to do), no tunnel yet, read-only access, a refused change.
import type { FerryError } from '../../../../../shared/src/protocol/errors.js';
import type { SplitList } from '../../../../../shared/src/protocol/split.js';
import { Icon } from '../../components/Icon.js';
import { problemAdvice } from './split-view.js';

interface SplitBannersProps {
  split: SplitList;
  connected: boolean;
  readOnly: boolean;
  error: FerryError | null;
  onDismissError(): void;
}

export function SplitBanners({ split, connected, readOnly, error, onDismissError }: SplitBannersProps) {
  const { problem } = split;
  return (
    <>
      {problem && (
        <div className="banner banner-danger split-problem" role="alert">
          <Icon name="alert" />
          <div>
            <strong>Split tunnelling cannot be enforced:</strong> {problem.message}
            <span className="split-advice">{problemAdvice(problem)}</span>
          </div>
        </div>
      )}
      {!problem && split.mode !== 'off' && !connected && (
        <p className="banner banner-info" role="status">Not enforced while disconnected: the list takes effect when Ferry connects.</p>
      )}
      {readOnly && <p className="banner banner-warn">You can look but not change: split tunnelling needs root or membership of the ferry group.</p>}
      {error && (
        <div className="banner banner-danger" role="alert">
          <span>{error.message}</span>
          <button type="button" className="button button-small" onClick={onDismissError}>Dismiss</button>
        </div>
      )}
    </>
  );
}
