// The state of the app's link to ferryd, as the bridge reports it to windows: connecting, ready, or unavailable and why.
import type { Access } from '../../shared/src/protocol/methods.js';
import { ferryError, type FerryError } from '../../shared/src/protocol/errors.js';

/** Why ferryd cannot be used right now; the UI picks its advice from this. */
export type UnavailableReason =
  | 'no-socket'          // nothing at the socket path: the service is not running
  | 'refused'            // the path exists but nobody accepts connections (stale socket)
  | 'not-root-owned'     // the socket is not owned by root: refused on purpose
  | 'permission-denied'  // this user may not open the socket
  | 'version-mismatch'   // app and ferryd speak different protocol versions
  | 'protocol-error'     // ferryd answered something that is not the protocol
  | 'host-gone';         // (browser host only) the page lost its host process

/*
 *   connecting ──hello ok──▶ ready
 *       │  ▲                  │ socket closed
 *  fail │  └── retry (backoff)│
 *       ▼                     ▼
 *   service-unavailable ◀── connecting
 */
export type BridgeConnection =
  | { status: 'connecting' }
  | { status: 'ready'; access: Access; daemonVersion: string }
  | { status: 'service-unavailable'; reason: UnavailableReason; message: string };

export const CONNECTING: BridgeConnection = { status: 'connecting' };

/** The error a call gets while ferryd is unreachable: the message says why. */
export function serviceUnavailableError(message: string): FerryError {
  return ferryError('SERVICE_UNAVAILABLE', `Ferry's service is not available: ${message}`);
}

export function isServiceUnavailableError(error: FerryError): boolean {
  return error.code === 'SERVICE_UNAVAILABLE';
}
