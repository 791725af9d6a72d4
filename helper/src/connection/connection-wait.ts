// `ferry connect --wait`: resolves when the status reaches `connected`, fails on error/disconnect or after a timeout.
import { fail, ferryError, ok, type FerryResult } from '../../../shared/src/protocol/errors.js';
import type { Status } from '../../../shared/src/protocol/state.js';

export function waitUntilConnected(onChange: (listener: (status: Status) => void) => () => void, timeoutMs: number): Promise<FerryResult<void>> {
  return new Promise((resolve) => {
    const finish = (result: FerryResult<void>): void => {
      clearTimeout(timer);
      unsubscribe();
      resolve(result);
    };
    const timer = setTimeout(
      () => finish(fail('HANDSHAKE_TIMEOUT', `no handshake with the server within ${Math.round(timeoutMs / 1000)} s; still trying`)),
      timeoutMs,
    );
    const unsubscribe = onChange((status) => {
      if (status.state === 'connected') finish(ok(undefined));
      else if (status.state === 'error' || status.state === 'disconnected') {
        finish({ ok: false, error: status.error ?? ferryError('CONNECT_FAILED', 'the connection was cancelled') });
      }
    });
  });
}
