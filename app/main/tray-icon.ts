// Draws the tray icon as a bitmap (no image files to ship): a ring whose colour follows the connection state.
import { nativeImage, type NativeImage } from 'electron';
import type { ConnectionState } from '../../shared/src/protocol/state.js';

const SIZE_PX = 32;

/** BGRA colours: grey when off, amber while working, green when connected, red on error. */
function colourOf(state: ConnectionState | null): [number, number, number] {
  if (state === 'connected') return [0x5a, 0xa8, 0x2e];
  if (state === 'connecting' || state === 'reconnecting' || state === 'disconnecting') return [0x1c, 0xa0, 0xe0];
  if (state === 'error') return [0x3c, 0x3c, 0xd8];
  return [0x90, 0x90, 0x90];
}

export function trayIcon(state: ConnectionState | null): NativeImage {
  const [blue, green, red] = colourOf(state);
  const pixels = Buffer.alloc(SIZE_PX * SIZE_PX * 4);
  const centre = (SIZE_PX - 1) / 2;
  for (let y = 0; y < SIZE_PX; y++) {
    for (let x = 0; x < SIZE_PX; x++) {
      const distance = Math.hypot(x - centre, y - centre);
      const inRing = distance <= 14 && (distance >= 9 || state === 'connected');
      if (!inRing) continue;
      const offset = (y * SIZE_PX + x) * 4;
      pixels[offset] = blue;
      pixels[offset + 1] = green;
      pixels[offset + 2] = red;
      pixels[offset + 3] = 0xff;
    }
  }
  return nativeImage.createFromBitmap(pixels, { width: SIZE_PX, height: SIZE_PX });
}
