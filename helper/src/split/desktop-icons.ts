// Finds an application's icon file (Icon Theme Specification, hicolor fallback and pixmaps only) and reads it for a client, as that user could.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fail, ok, type FerryResult } from '../../../shared/src/protocol/errors.js';
import { MAX_SPLIT_ICON_BYTES, type SplitIcon } from '../../../shared/src/protocol/split.js';
import { isReadableBy } from './file-access.js';

/** Sizes a list row shows well, best first; `scalable` holds SVGs. */
const ICON_SIZES = ['48x48', '64x64', '128x128', 'scalable', '256x256', '32x32', '96x96', '24x24', '22x22', '16x16'];
const MIME_BY_EXTENSION: Readonly<Record<string, SplitIcon['mimeType']>> = { '.png': 'image/png', '.svg': 'image/svg+xml' };
/** Icon names are file names without directories; anything else is not looked up. */
const ICON_NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,200}$/;

async function usableIcon(file: string, uid: number): Promise<string | null> {
  if (MIME_BY_EXTENSION[path.extname(file).toLowerCase()] === undefined) return null;
  const real = await fs.realpath(file).catch(() => null);
  if (real === null || !(await isReadableBy(real, uid))) return null;
  const stat = await fs.stat(real).catch(() => null);
  return stat !== null && stat.isFile() && stat.size <= MAX_SPLIT_ICON_BYTES ? file : null;
}

/** Where an icon named `name` may be, in the order tried. */
export function iconCandidates(name: string, dataDirs: readonly string[]): string[] {
  const base = name.replace(/\.(png|svg|xpm)$/i, '');
  const files = ['png', 'svg'].map((extension) => `${base}.${extension}`);
  const themed = dataDirs.flatMap((dir) => ICON_SIZES.flatMap((size) => files.map((file) => path.join(dir, 'icons', 'hicolor', size, 'apps', file))));
  const pixmaps = dataDirs.flatMap((dir) => files.map((file) => path.join(dir, 'pixmaps', file)));
  return [...themed, ...pixmaps];
}

/** The first usable PNG or SVG for an entry's Icon value (an absolute path, or a name from the hicolor theme or pixmaps). */
export async function findIcon(icon: string, dataDirs: readonly string[], uid: number): Promise<string | null> {
  if (path.isAbsolute(icon)) return usableIcon(icon, uid);
  if (!ICON_NAME.test(icon)) return null;
  for (const candidate of iconCandidates(icon, dataDirs)) {
    if ((await usableIcon(candidate, uid)) !== null) return candidate;
  }
  return null;
}

/** The icon's bytes, if it is a PNG or SVG the caller could read and it is small enough. */
export async function readIcon(iconPath: string, uid: number): Promise<FerryResult<SplitIcon>> {
  const mimeType = MIME_BY_EXTENSION[path.extname(iconPath).toLowerCase()];
  if (!path.isAbsolute(iconPath) || mimeType === undefined) return fail('PATH_INVALID', `not an absolute path to a PNG or SVG icon: "${iconPath}"`);
  if ((await usableIcon(iconPath, uid)) === null) return fail('PATH_INVALID', `no icon you may read at "${iconPath}" (at most ${MAX_SPLIT_ICON_BYTES} bytes)`);
  const data = await fs.readFile(await fs.realpath(iconPath));
  return ok({ mimeType, dataBase64: data.toString('base64') });
}
