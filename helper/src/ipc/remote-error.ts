// Client-side errors: a daemon error rebuilt as a typed exception, and failures to reach or understand ferryd.
import type { ErrorCode, FerryError } from '../../../shared/src/protocol/errors.js';

/** ferryd answered with `{code, message, details}`. */
export class FerryRemoteError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(error: FerryError) {
    super(error.message);
    this.name = 'FerryRemoteError';
    this.code = error.code;
    this.details = error.details;
  }

  toJSON(): FerryError {
    return this.details === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, details: this.details };
  }
}

/** The socket could not be opened, was closed, or a call timed out. `reason` is the errno code when there is one. */
export class FerryConnectionError extends Error {
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
    this.name = 'FerryConnectionError';
  }
}

/** ferryd sent something that does not match the protocol schema (a version skew or a bug). */
export class FerryProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FerryProtocolError';
  }
}
