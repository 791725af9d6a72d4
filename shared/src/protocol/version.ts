// The version of the ferryd ⇄ client protocol (DESIGN.md §4); bumped on any incompatible change.

/** Sent by the client in `hello`; the daemon refuses any other value with VERSION_MISMATCH. */
export const PROTOCOL_VERSION = 1;

/** Largest line (JSON text, without its newline) either side accepts: 1 MiB. */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

/** Default Unix socket of ferryd; FERRY_SOCKET or --socket override it. */
export const DEFAULT_SOCKET_PATH = '/run/ferry/ferryd.sock';
