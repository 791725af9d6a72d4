// Maps request paths to files of the built renderer (never outside it) and the CSP both the host and Electron serve it with.
import { stat } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';

/** The page may load its own files and talk to `connectOrigins`; nothing else. */
export function contentSecurityPolicy(connectOrigins: readonly string[]): string {
  return [
    "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
    `connect-src 'self' ${connectOrigins.join(' ')}`.trim(),
    "object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
  ].join('; ');
}

/** A file inside `webRoot` for a URL path, or null if it would leave it. Unknown paths fall back to index.html. */
export async function resolveStaticFile(webRoot: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const root = normalize(webRoot.endsWith(sep) ? webRoot : webRoot + sep);
  const candidate = normalize(join(root, decoded));
  if (!candidate.startsWith(root)) return null;
  const info = await stat(candidate).catch(() => null);
  if (info?.isFile()) return candidate;
  return join(root, 'index.html');
}
