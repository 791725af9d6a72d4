// electron-builder afterPack hook: puts the ferryd + ferry runtime (build/install.sh --runtime-only) in resources/ferry.
// A hook rather than extraResources because electron-builder drops node_modules folders found inside extraResources.

/** electron-builder's Arch enum, in order. */
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];
/** process.arch spelled the electron-builder way. */
const HOST_ARCH = { ia32: 'ia32', x64: 'x64', arm: 'armv7l', arm64: 'arm64' };

exports.default = async function afterPack(context) {
  const { execFileSync } = await import('node:child_process');
  const path = await import('node:path');
  if (context.electronPlatformName !== 'linux') {
    throw new Error(`ferryd is packaged for Linux only, not ${context.electronPlatformName}`);
  }
  // The native addon was compiled by node-gyp for this machine: a package for another architecture would not load it.
  const targetArch = ARCH_NAMES[context.arch];
  if (targetArch !== HOST_ARCH[process.arch]) {
    throw new Error(`cannot package ferryd for ${targetArch} on a ${process.arch} machine (its native addon is built here)`);
  }
  const installScript = path.join(context.packager.projectDir, 'build', 'install.sh');
  const resources = path.join(context.appOutDir, 'resources');
  execFileSync('bash', [installScript, '--runtime-only', '--destdir', resources, '--prefix', '/ferry'], { stdio: 'inherit' });
};
