// The shapes shared by the handler table and the dispatcher: call context, handler signature, dependencies.
import type { FerryResult } from '../../../shared/src/protocol/errors.js';
import type { Access, EventName, MethodName, MethodParamsParsed, MethodResult } from '../../../shared/src/protocol/methods.js';
import type { Logger } from '../log/logger.js';
import type { SplitService } from '../split/split-service.js';
import type { ProfileStore } from '../store/profile-store.js';
import type { SettingsStore } from '../store/settings-store.js';
import type { PeerCredentials } from './access.js';
import type { FerryService } from './service.js';

/** What a handler knows about its caller. */
export interface CallContext {
  readonly access: Access;
  /** null when SO_PEERCRED could not be read (the caller then only has read access). */
  readonly credentials: PeerCredentials | null;
  /** Replaces the events this connection receives. */
  setSubscriptions(events: readonly EventName[]): void;
}

export type HandlerOutcome<M extends MethodName> = FerryResult<MethodResult<M>> | Promise<FerryResult<MethodResult<M>>>;

/** A handler gets params already checked against the method's schema, defaults filled in. */
export type Handler<M extends MethodName> = (params: MethodParamsParsed<M>, context: CallContext) => HandlerOutcome<M>;

/** Every method has exactly one handler: a missing entry is a compile error. */
export type HandlerTable = { [M in MethodName]: Handler<M> };

/** X25519 key functions (helper/src/wireguard/crypto.ts), injected so tests may pin keys. */
export interface KeyFunctions {
  generatePrivateKey(): Uint8Array;
  publicKeyOf(privateKey: Uint8Array): Uint8Array;
}

export interface HandlerDeps {
  service: FerryService;
  profiles: ProfileStore;
  settings: SettingsStore;
  logger: Logger;
  keys: KeyFunctions;
  /** ferryd's package version, reported by hello. */
  daemonVersion: string;
  /** Per-app split tunnelling; absent where it is not built in (every split method then says SPLIT_UNAVAILABLE). */
  split?: SplitService;
}
