// Parses wg-quick(8) configuration text ([Interface] with wg-quick's extra keys, [Peer] per wg(8)) into WgQuickConfig,
// reporting every error with its 1-based line. `#` starts a comment anywhere, hooks included (as Debian's wg-quick does).
import type { ConfigError, ConfigNotice, ParseResult, WgPeerSection, WgQuickConfig } from './wg-config.js';
import { INTERFACE_KEYS, PEER_KEYS, type InterfaceDraft, type KeySpec, type PeerDraft, type SectionDraft } from './wg-quick-keys.js';
import { mtuProblem } from './wg-values.js';

export interface ParseOptions {
  /** When false, an [Interface] without PrivateKey is accepted (the caller will generate one). Default true. */
  requirePrivateKey?: boolean;
}

type Section =
  | { kind: 'none' }
  | { kind: 'interface'; draft: InterfaceDraft }
  | { kind: 'peer'; draft: PeerDraft }
  /** An unrecognised header was reported once; its keys are skipped. */
  | { kind: 'unknown' };

interface ParserState {
  section: Section;
  interfaceDraft: InterfaceDraft | null;
  peers: PeerDraft[];
  errors: ConfigError[];
  notices: ConfigNotice[];
}

function emptyInterface(line: number): InterfaceDraft {
  const section = { addresses: [], dns: [], dnsSearch: [], preUp: [], postUp: [], preDown: [], postDown: [] };
  return { line, seenKeys: new Set(), section, mtuLine: 0 };
}

function fail(state: ParserState, line: number, message: string): void {
  state.errors.push({ line, message: line > 0 ? `Line ${line}: ${message}` : message });
}

/** Splits text into lines, dropping a BOM and accepting LF, CRLF and CR line ends. */
function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

function stripComment(line: string): string {
  const hash = line.indexOf('#');
  return (hash < 0 ? line : line.slice(0, hash)).trim();
}

function openSection(state: ParserState, header: string, line: number): void {
  const name = /^\[\s*([^\]]*?)\s*\]$/.exec(header)?.[1]?.toLowerCase();
  if (name === 'interface') {
    if (state.interfaceDraft) {
      fail(state, line, 'Only one [Interface] section is allowed');
      state.section = { kind: 'unknown' };
      return;
    }
    state.interfaceDraft = emptyInterface(line);
    state.section = { kind: 'interface', draft: state.interfaceDraft };
  } else if (name === 'peer') {
    const draft: PeerDraft = { line, seenKeys: new Set(), section: { allowedIps: [] }, publicKeyLine: 0 };
    state.peers.push(draft);
    state.section = { kind: 'peer', draft };
  } else {
    fail(state, line, `Unknown section '${header}' (expected [Interface] or [Peer])`);
    state.section = { kind: 'unknown' };
  }
}

function unknownKeyMessage(key: string, sectionName: 'Interface' | 'Peer'): string {
  const other = sectionName === 'Peer' ? INTERFACE_KEYS : PEER_KEYS;
  const home = other.get(key.toLowerCase());
  const hint = home ? ` (${home.name} belongs in [${sectionName === 'Peer' ? 'Interface' : 'Peer'}])` : '';
  return `Unknown key '${key}' in [${sectionName}]${hint}`;
}

function applyKey<T extends SectionDraft>(
  state: ParserState, specs: ReadonlyMap<string, KeySpec<T>>, target: T, entry: KeyLine,
): void {
  const sectionName = state.section.kind === 'interface' ? 'Interface' : 'Peer';
  const spec = specs.get(entry.key.toLowerCase());
  if (!spec) return fail(state, entry.line, unknownKeyMessage(entry.key, sectionName));
  target.seenKeys.add(spec.name);
  const context = {
    line: entry.line,
    key: spec.name,
    notice: (message: string) => state.notices.push({ line: entry.line, key: spec.name, message }),
  };
  const problem = spec.apply(target, entry.value, context);
  if (problem !== null) fail(state, entry.line, `${spec.name} ${problem}`);
}

interface KeyLine {
  line: number;
  key: string;
  value: string;
}

function handleKeyLine(state: ParserState, text: string, line: number): void {
  const equals = text.indexOf('=');
  const key = equals < 0 ? '' : text.slice(0, equals).trim();
  // The value never appears in messages: it may be a private key.
  if (key === '') return fail(state, line, "Expected 'Key = Value'");
  const entry = { line, key, value: text.slice(equals + 1).trim() };
  const section = state.section;
  if (section.kind === 'none') return fail(state, line, `Key '${key}' appears before any [Interface] or [Peer] section`);
  if (section.kind === 'interface') applyKey(state, INTERFACE_KEYS, section.draft, entry);
  if (section.kind === 'peer') applyKey(state, PEER_KEYS, section.draft, entry);
}

function readLines(state: ParserState, text: string): void {
  splitLines(text).forEach((raw, index) => {
    const content = stripComment(raw);
    if (content === '') return;
    if (content.startsWith('[')) openSection(state, content, index + 1);
    else handleKeyLine(state, content, index + 1);
  });
}

function finishInterface(state: ParserState, options: ParseOptions): void {
  const draft = state.interfaceDraft;
  if (!draft) return fail(state, 0, 'No [Interface] section');
  if (!draft.seenKeys.has('PrivateKey') && options.requirePrivateKey !== false) {
    fail(state, draft.line, '[Interface] has no PrivateKey');
  }
  const { mtu, addresses } = draft.section;
  const hasIpv6 = addresses.some((address) => address.includes(':'));
  const problem = mtu === undefined ? null : mtuProblem(mtu, hasIpv6);
  if (problem !== null) fail(state, draft.mtuLine, `MTU ${problem}`);
}

function finishPeers(state: ParserState): WgPeerSection[] {
  const firstLineByKey = new Map<string, number>();
  const peers: WgPeerSection[] = [];
  for (const draft of state.peers) {
    const { publicKey, ...rest } = draft.section;
    if (publicKey === undefined) {
      // An invalid PublicKey line was reported already.
      if (!draft.seenKeys.has('PublicKey')) fail(state, draft.line, '[Peer] has no PublicKey');
      continue;
    }
    const firstLine = firstLineByKey.get(publicKey);
    if (firstLine !== undefined) {
      fail(state, draft.publicKeyLine, `This PublicKey is already used by the peer at line ${firstLine}`);
      continue;
    }
    firstLineByKey.set(publicKey, draft.line);
    peers.push({ publicKey, ...rest });
  }
  return peers;
}

/** Parses wg-quick text; every problem found is reported, not only the first. */
export function parseWgQuickConfig(text: string, options: ParseOptions = {}): ParseResult {
  const state: ParserState = { section: { kind: 'none' }, interfaceDraft: null, peers: [], errors: [], notices: [] };
  readLines(state, text);
  finishInterface(state, options);
  const peers = finishPeers(state);
  if (state.errors.length > 0 || !state.interfaceDraft) {
    return { ok: false, errors: [...state.errors].sort((a, b) => a.line - b.line) };
  }
  const config: WgQuickConfig = { interface: state.interfaceDraft.section, peers };
  return { ok: true, config, ignored: state.notices };
}
