// Lint: typescript-eslint's recommended rules plus the import directions of STYLE.md
// (helper → shared, app → shared; shared sees neither Node nor the DOM).
import tseslint from 'typescript-eslint';

// Bare built-in names go in `paths` (exact module names): as patterns they would also match folders such as ../net/.
const nodeBuiltinNames = ['fs', 'path', 'os', 'net', 'child_process', 'crypto', 'dgram', 'events', 'buffer'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'dist/**', 'release/**', 'helper/native/build/**', 'app/renderer/dist/**', 'e2e/results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltinNames.map((name) => ({ name, message: 'shared/ runs everywhere: no Node modules.' })),
        patterns: [
          { group: ['node:*'], message: 'shared/ runs everywhere: no Node modules.' },
          { group: ['**/helper/**', '**/app/**', 'electron', 'react'], message: 'shared/ imports nothing of the app or the helper.' },
        ],
      }],
    },
  },
  {
    files: ['helper/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['electron', 'react', 'react-dom', '**/app/**'], message: 'The helper never imports the app, Electron or React.' }],
      }],
    },
  },
  {
    // The app runs in three places (STYLE.md, VS Code-style folders): each may import only what exists where it runs.
    files: ['app/**/*.ts', 'app/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/helper/**'], message: 'The app never imports the helper: talk to ferryd through the protocol in shared/.' }],
      }],
    },
  },
  {
    files: ['app/common/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltinNames.map((name) => ({ name, message: 'app/common runs in every app process: no Node modules.' })),
        patterns: [
          { group: ['node:*'], message: 'app/common runs in every app process: no Node modules.' },
          { group: ['**/helper/**', '**/main/**', '**/host/**', '**/preload/**', '**/renderer/**', 'electron', 'react'], message: 'app/common imports only shared/ and zod.' },
        ],
      }],
    },
  },
  {
    files: ['app/renderer/**/*.ts', 'app/renderer/**/*.tsx'],
    ignores: ['app/renderer/vite.config.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltinNames.map((name) => ({ name, message: 'The renderer is a sandboxed web page: no Node modules.' })),
        patterns: [
          { group: ['node:*'], message: 'The renderer is a sandboxed web page: no Node modules.' },
          { group: ['**/helper/**'], message: 'The renderer never imports the helper: it talks to ferryd through FerryApi.' },
          { group: ['electron', '**/main/**', '**/host/**', '**/preload/**'], message: 'The renderer reaches Electron and the host only through FerryApi (app/common).' },
        ],
      }],
    },
  },
  {
    files: ['app/main/**/*.ts', 'app/host/**/*.ts', 'app/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/helper/**'], message: 'The app never imports the helper: talk to ferryd through the protocol in shared/.' },
          { group: ['react', 'react-dom', '**/renderer/**'], message: 'Node-side app code never imports the renderer.' },
        ],
      }],
    },
  },
);
