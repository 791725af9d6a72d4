// Runs only when the electron project is asked for by name on a machine without the Electron binary: it fails, saying why.
import { test } from '@playwright/test';
import { findElectron } from './electron-binary.js';

test('the Electron binary is present', () => {
  const electron = findElectron();
  if (!electron.ok) throw new Error(`electron project did not run: ${electron.message}`);
});
