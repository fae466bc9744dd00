// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const reactHooks = require('eslint-plugin-react-hooks');
const importX = require('eslint-plugin-import-x');
const prettier = require('eslint-config-prettier');
const globals = require('globals');

module.exports = tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'dist-h5/**',
      '.data/**',
      'test-output/**',
      'coverage/**',
      'cloudfunctions/*/index.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'import-x/no-cycle': 'error',
      complexity: ['error', 12],
    },
  },
  {
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The client shares contract types only; server runtime code never enters the bundle.
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/server/**'], message: '客户端不能引入服务端代码' }] },
      ],
    },
  },
  {
    // The core is host- and store-agnostic: no Taro, no wx-server-sdk, no SQLite, no HTTP server.
    files: ['server/core/**/*.ts'],
    // Core tests run the rules on a real SQLite file, as the brief asks; only shipped core code is bound.
    ignores: ['server/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@tarojs/*',
                'wx-server-sdk',
                'better-sqlite3',
                'fastify',
                '@fastify/*',
                '**/stores/**',
                '**/hosts/**',
                '**/testing/**',
                'node:fs',
                'fs',
              ],
              message: 'core 只能通过 ports 访问外部世界',
            },
          ],
        },
      ],
    },
  },
  {
    // Test tooling (the CloudBase emulator, harnesses) never ships: hosts and stores may not use it.
    files: ['server/hosts/**/*.ts', 'server/stores/**/*.ts', 'scripts/build-cloud.ts'],
    ignores: ['**/*.test.ts', 'server/stores/contract-tests/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/testing/**'], message: '测试工具（模拟器等）不能进入发布的代码' },
          ],
        },
      ],
    },
  },
  {
    // Contract files are types only: a runtime import here would cross the client/server boundary.
    files: ['contract/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportDeclaration[importKind="value"]', message: 'contract 只能 import type' },
      ],
    },
  },
  prettier,
);
