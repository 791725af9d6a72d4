// The fixed list of error codes that cross the ferryd boundary, with default messages (DESIGN.md §4).
import { z } from 'zod';

export const ERROR_CODES = [
  'BAD_REQUEST',
  'MESSAGE_TOO_LARGE',
  'INVALID_JSON',
  'UNKNOWN_METHOD',
  'INVALID_PARAMS',
  'FORBIDDEN',
  'HELLO_REQUIRED',
  'VERSION_MISMATCH',
  'PROFILE_NOT_FOUND',
  'PROFILE_EXISTS',
  'PROFILE_INVALID',
  'PROFILE_IN_USE',
  'CONFIG_PARSE_ERROR',
  'ALREADY_CONNECTED',
  'NOT_CONNECTED',
  'CONNECT_FAILED',
  'HANDSHAKE_TIMEOUT',
  'PERMISSION_DENIED',
  'SYSTEM_ERROR',
  'SETTING_INVALID',
  'SPLIT_UNAVAILABLE',
  'PATH_INVALID',
  'PROCESS_NOT_FOUND',
  /** Never sent by ferryd: the app's bridge answers it for a call made while ferryd (or the browser host) cannot be reached. */
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
] as const;

export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const DEFAULT_ERROR_MESSAGES: Readonly<Record<ErrorCode, string>> = {
  BAD_REQUEST: 'the request is not a valid protocol message',
  MESSAGE_TOO_LARGE: 'the message is larger than 1 MiB',
  INVALID_JSON: 'the message is not valid JSON',
  UNKNOWN_METHOD: 'no such method',
  INVALID_PARAMS: 'the parameters do not match the method',
  FORBIDDEN: 'only root and members of the ferry group may change things',
  HELLO_REQUIRED: 'the first message must be hello',
  VERSION_MISMATCH: 'the client and ferryd speak different protocol versions',
  PROFILE_NOT_FOUND: 'no such profile',
  PROFILE_EXISTS: 'a profile with that name already exists',
  PROFILE_INVALID: 'the profile is not valid',
  PROFILE_IN_USE: 'the profile is in use; disconnect first',
  CONFIG_PARSE_ERROR: 'the configuration file could not be parsed',
  ALREADY_CONNECTED: 'already connected; disconnect first',
  NOT_CONNECTED: 'not connected',
  CONNECT_FAILED: 'the tunnel could not be set up',
  HANDSHAKE_TIMEOUT: 'the server did not answer the handshake in time',
  PERMISSION_DENIED: 'the operating system refused the operation',
  SYSTEM_ERROR: 'a system operation failed',
  SETTING_INVALID: 'no such setting, or the value does not fit it',
  SPLIT_UNAVAILABLE: 'split tunnelling cannot be enforced on this system',
  PATH_INVALID: 'the path is not an absolute path to an existing executable file',
  PROCESS_NOT_FOUND: 'no such process',
  SERVICE_UNAVAILABLE: "Ferry's service is not available",
  INTERNAL: 'internal error in ferryd',
};

export const ferryErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

/** An error as it crosses a process boundary: a code from the fixed list, a human message, optional data. */
export type FerryError = z.infer<typeof ferryErrorSchema>;

/** Builds a FerryError, using the code's default message when none is given. */
export function ferryError(code: ErrorCode, message?: string, details?: Record<string, unknown>): FerryError {
  const error: FerryError = { code, message: message ?? DEFAULT_ERROR_MESSAGES[code] };
  if (details !== undefined) error.details = details;
  return error;
}

/** An expected failure is a value, not an exception (STYLE.md). */
export type FerryResult<T> = { ok: true; value: T } | { ok: false; error: FerryError };

export function ok<T>(value: T): FerryResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message?: string, details?: Record<string, unknown>): FerryResult<T> {
  return { ok: false, error: ferryError(code, message, details) };
}
