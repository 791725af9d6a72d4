// The WHATWG Encoding API: every runtime shared/ runs in (Node, Chromium, Electron) has it, the ES2022 lib does not declare it.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
