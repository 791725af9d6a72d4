// Lint: typescript-eslint's recommended rules plus the import directions of STYLE.md
// (helper → shared, app → shared; shared sees neither Node nor the DOM).
import tseslint from 'typescript-eslint';

// Bare built-in names go in `paths` (exact module names): as patterns they would also match folders such as ../net/.
const nodeBuiltinNames = ['fs', 'path', 'os', 'net', 'child_process', 'crypto', 'dgram', 'events', 'buffer'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'dist/**', 'helper/native/build/**', 'app/renderer/dist/**', 'e2e/results/**'] },
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
);
