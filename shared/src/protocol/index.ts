// The ferryd protocol in one import: version, errors, states, settings, stats, logs, methods, events, envelopes.
export * from './version.js';
export * from './errors.js';
export * from './state.js';
export * from './settings.js';
export * from './stats.js';
export * from './log.js';
export * from './methods.js';
export * from './events.js';
export * from './envelopes.js';
export * from './split.js';
