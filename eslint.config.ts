// Lint rules: typescript-eslint's type-aware recommended set, plus one
// architectural rule: the pure core (engine, manifests, diffing, fixes,
// reporting) must not reach for I/O, so it stays testable with plain values.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const pureFolders = [
  'src/pss/**',
  'src/manifests/**',
  'src/workloads/**',
  'src/locate/**',
  'src/diff/**',
  'src/scope/**',
  'src/fixes/**',
  'src/report/**',
  'src/policy/**',
  'src/findings/**',
  'src/render/**',
  'src/init/**',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'fixtures/**', 'coverage/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: pureFolders,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'yaml',
              importNames: ['isAlias', 'isCollection', 'isMap', 'isPair', 'isScalar', 'isSeq'],
              message: "Take yaml's guards from src/manifests/yamlKinds.ts: the bundle reaches each named import of yaml through a getter, on every call.",
            },
          ],
          patterns: [
            { group: ['node:*', 'fs', 'path', 'child_process', 'os', 'process'], message: 'The pure core does no I/O: take values, return values.' },
            { group: ['@actions/*', '@octokit/*'], message: 'GitHub I/O belongs in src/github or src/index.ts.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process'],
    },
  },
);
