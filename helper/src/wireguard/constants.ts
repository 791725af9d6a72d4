// WireGuard protocol constants with the whitepaper's names (whitepaper §6, wireguard-go device/constants.go).

/** Start a new handshake after sending this many messages on one keypair. */
export const REKEY_AFTER_MESSAGES = 2 ** 60;
/** Never send or accept a counter at or beyond this (2^64 − 2^13 − 1; a double rounds it, unreachable anyway). */
export const REJECT_AFTER_MESSAGES = Number(2n ** 64n - 2n ** 13n - 1n);
/** The initiator of a keypair rekeys once it is this old. */
export const REKEY_AFTER_TIME_MS = 120_000;
/** A keypair is unusable for send and receive after this age. */
export const REJECT_AFTER_TIME_MS = 180_000;
/** Give up retrying a handshake after this long (expressed as MAX_TIMER_HANDSHAKES attempts). */
export const REKEY_ATTEMPT_TIME_MS = 90_000;
/** Handshake retransmit interval, also the minimum spacing between initiations to one peer. */
export const REKEY_TIMEOUT_MS = 5_000;
/** Passive keepalive delay after receiving data. */
export const KEEPALIVE_TIMEOUT_MS = 10_000;
/** Cookie secret lifetime and cookie validity. */
export const COOKIE_REFRESH_TIME_MS = 120_000;
/** Retransmit jitter is uniform in [0, this) ms, i.e. 0–333 ms. */
export const REKEY_TIMEOUT_JITTER_MAX_MS = 334;
/** Retries before giving up: REKEY_ATTEMPT_TIME / REKEY_TIMEOUT. */
export const MAX_TIMER_HANDSHAKES = REKEY_ATTEMPT_TIME_MS / REKEY_TIMEOUT_MS;
/** Wipe all keys when no new session arrived for 3 × REJECT_AFTER_TIME. */
export const ZERO_KEY_MATERIAL_AFTER_MS = 3 * REJECT_AFTER_TIME_MS;
/** Responder drops initiations from one peer closer together than this (1/50 s). */
export const HANDSHAKE_FLOOD_MIN_INTERVAL_MS = 20;
/** Initiator-side "last-minute" rekey on receive: REJECT − KEEPALIVE − REKEY_TIMEOUT = 165 s. */
export const REKEY_ON_RECEIVE_AFTER_TIME_MS = REJECT_AFTER_TIME_MS - KEEPALIVE_TIMEOUT_MS - REKEY_TIMEOUT_MS;

export const MESSAGE_INITIATION_TYPE = 1;
export const MESSAGE_RESPONSE_TYPE = 2;
export const MESSAGE_COOKIE_REPLY_TYPE = 3;
export const MESSAGE_TRANSPORT_TYPE = 4;

export const MESSAGE_INITIATION_SIZE = 148;
export const MESSAGE_RESPONSE_SIZE = 92;
export const MESSAGE_COOKIE_REPLY_SIZE = 64;
export const MESSAGE_TRANSPORT_HEADER_SIZE = 16;
/** Header + Poly1305 tag: a keepalive is exactly this long. */
export const MESSAGE_TRANSPORT_SIZE_MIN = 32;
export const AEAD_TAG_SIZE = 16;
/** Largest UDP payload; the largest inner packet is this minus MESSAGE_TRANSPORT_SIZE_MIN. */
export const MAX_MESSAGE_SIZE = 65_535;

export const PADDING_MULTIPLE = 16;
export const DEFAULT_MTU_BYTES = 1420;
/** Packets kept per peer while it has no session; the oldest is dropped first. */
export const MAX_STAGED_PACKETS = 128;
/** Handshake messages within one second above which the device is "under load" and demands cookies (wg-go: queue/8). */
export const UNDER_LOAD_HANDSHAKES = 128;
/** The device stays under load this long after the last overloaded batch. */
export const UNDER_LOAD_AFTER_MS = 1_000;
