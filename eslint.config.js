import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ambient = [
  { object: 'Math', property: 'random', message: 'Use the injected Rng (src/random).' },
  { object: 'Date', property: 'now', message: 'Time comes from the caller, never the wall clock.' },
  { object: 'performance', property: 'now', message: 'Timing belongs in bench/, not src/.' },
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**'],
    rules: {
      'no-restricted-properties': ['error', ...ambient],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date']", message: 'No wall clock in src/.' },
        { selector: 'ExportAllDeclaration', message: 'Explicit named exports only.' },
      ],
    },
  },
);
