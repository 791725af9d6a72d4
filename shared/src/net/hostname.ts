// Host names as DNS allows them (RFC 1123 §2.1, RFC 3696 §2): used for endpoints and DNS search domains.

const MAX_NAME_LENGTH = 253;
const LABEL = /^[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$/;

/**
 * True for a syntactically valid host name (one trailing dot allowed). Underscores are tolerated because real
 * zones use them. An all-numeric last label is refused so that a mistyped IPv4 address is not taken for a name.
 */
export function isValidHostname(text: string): boolean {
  const name = text.endsWith('.') ? text.slice(0, -1) : text;
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) return false;
  const labels = name.split('.');
  if (!labels.every((label) => LABEL.test(label))) return false;
  return !/^\d+$/.test(labels[labels.length - 1] ?? '');
}
