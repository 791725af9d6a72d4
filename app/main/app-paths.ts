// Where Electron main finds what the build made: the renderer bundle and the preload script (relative to dist/app/main).
import { fileURLToPath } from 'node:url';

/** dist/app/renderer: vite's output (npm run build:app). */
export const WEB_ROOT = fileURLToPath(new URL('../renderer/', import.meta.url));
/** dist/app/preload/preload.cjs: a sandboxed preload must be one CommonJS file, so vite bundles it. */
export const PRELOAD_PATH = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));
/** dist/app/main/index.js: an unpackaged Electron needs it on its command line to start this app (launch at login). */
export const MAIN_ENTRY = fileURLToPath(new URL('./index.js', import.meta.url));
/** The privileged scheme the window loads from: a real origin, unlike file://. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://ferry`;
export const APP_URL = `${APP_ORIGIN}/index.html`;
