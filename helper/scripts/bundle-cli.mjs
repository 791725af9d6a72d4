// Bundles the compiled ferry CLI into one file plus a V8 code cache (run by `npm run build` after tsc), so
// `ferry` starts without resolving ~150 ES modules and without compiling them (helper/bin/ferry loads both).
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Script } from 'node:vm';
import { fileURLToPath } from 'node:url';

const distHelper = fileURLToPath(new URL('../../dist/helper/', import.meta.url));
const entry = `${distHelper}src/cli/start-cli.js`;
const outDir = `${distHelper}cli-bundle/`;
const BUNDLE_FILE = `${outDir}ferry.js`;
const CACHE_FILE = `${outDir}ferry.code-cache`;

// The launcher compiles exactly this text, so the cache made here matches it byte for byte.
const wrap = (cjs) => `(function (exports, require, module, __filename, __dirname) {${cjs}\n})`;

async function loadEsbuild() {
  try {
    return await import('esbuild');
  } catch {
    return null;
  }
}

const esbuild = await loadEsbuild();
rmSync(outDir, { recursive: true, force: true });
if (esbuild === null) {
  // Not fatal: helper/bin/ferry then runs the compiled modules (slower start-up, same behaviour).
  process.stderr.write('bundle-cli: esbuild is not installed; ferry will start from dist/helper/src/cli/main.js\n');
  process.exit(0);
}
const built = await esbuild.build({
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  write: false,
  logLevel: 'warning',
});
const source = wrap(built.outputFiles[0].text);
mkdirSync(outDir, { recursive: true });
// A ferry started meanwhile must see no bundle (it then runs the modules) or a whole one: written aside, then renamed.
const writeWhole = (file, data) => {
  writeFileSync(`${file}.tmp`, data);
  renameSync(`${file}.tmp`, file);
};
// Running the module bodies (schemas, command table) before taking the cache puts their compiled code in it too.
const script = new Script(source, { filename: BUNDLE_FILE });
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(BUNDLE_FILE), module, BUNDLE_FILE, outDir);
writeWhole(CACHE_FILE, script.createCachedData());
writeWhole(BUNDLE_FILE, source);
