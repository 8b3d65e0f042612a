import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // What builds write (output/ and its cache beside it) and what npm installs are not source.
  { ignores: ['node_modules/', 'output/', '.pressroom-cache/', 'bench/results/', 'dist/', 'dist.next/', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        performance: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'exit', message: 'Library code sets process.exitCode; only scripts/bootstrap.mjs may exit.' },
      ],
    },
  },
  { files: ['scripts/bootstrap.mjs'], rules: { 'no-restricted-properties': 'off' } },
);
