// @ts-check
const fs = require('node:fs');
const path = require('node:path');
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const reactHooks = require('eslint-plugin-react-hooks');
const importX = require('eslint-plugin-import-x');
const { createNodeResolver } = importX;
const prettier = require('eslint-config-prettier');
const globals = require('globals');

const root = __dirname;
const at = (...parts) => path.join(root, ...parts);

/** Where the client's pages live: the main package and every subpackage. */
const PAGES = ['src/pages/**', 'src/package-*/**'];
/** A feature's public entries, the only files another feature may import. */
const FEATURE_ENTRIES = ['index.ts', 'entry.ts', 'staff-entry.ts'].map((name) =>
  at('src/features/*', name),
);
const FEATURES = fs
  .readdirSync(at('src/features'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/**
 * The layers, as import-x/no-restricted-paths zones (each: files in `target` may not import
 * `from`). scripts/lint-zones.test.ts lints a wrong and a right import in each.
 */
const ZONES = [
  {
    target: './contract',
    from: ['./server', './src', './scripts', './tests', './config', './types', './cloudfunctions'],
    message: 'contract 不依赖任何东西：只写类型',
  },
  {
    target: './server/core',
    from: [
      './server/stores',
      './server/hosts',
      './server/testing',
      './src',
      './scripts',
      './tests',
    ],
    message: 'core 只能依赖 contract（外部世界通过 ports）',
  },
  {
    target: './server/stores',
    from: ['./server/hosts', './server/testing', './src', './scripts', './tests'],
    message: 'store 只能依赖 core 和 contract',
  },
  {
    target: './server/stores/sqlite',
    from: './server/stores/cloudbase',
    message: '两个 store 互不依赖',
  },
  {
    target: './server/stores/cloudbase',
    from: './server/stores/sqlite',
    message: '两个 store 互不依赖',
  },
  {
    target: './server/hosts',
    from: './server/stores',
    except: ['./sqlite/index.ts', './cloudbase/index.ts'],
    message: 'host 只能通过 store 的 index.ts 使用它',
  },
  {
    target: './server/hosts',
    from: ['./server/testing', './src', './scripts', './tests'],
    message: 'host 只能依赖 core、contract 和 store 的入口',
  },
  {
    target: ['./src/lib', './src/hooks', './src/components'],
    from: ['src/features/**', ...PAGES],
    message: 'lib、hooks、components 不能依赖 features 或页面',
  },
  { target: './src/features', from: PAGES, message: 'feature 不能依赖页面' },
  ...FEATURES.map((feature) => ({
    target: `./src/features/${feature}`,
    from: [at('src/features', `!(${feature})`, '**')],
    except: FEATURE_ENTRIES,
    message: '只能通过另一个 feature 的入口（index.ts、entry.ts、staff-entry.ts）引入它',
  })),
];

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
    // TypeScript sources and the @/ alias: without this, import-x resolves nothing in .ts files.
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.js', '.json'],
          tsconfig: { configFile: at('tsconfig.json') },
        }),
      ],
    },
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
    // The layers. Tests and test tooling may reach across them (harnesses, doubles, fixtures).
    files: ['**/*.{ts,tsx}'],
    ignores: [
      '**/*.test.{ts,tsx}',
      'server/testing/**',
      'server/stores/contract-tests/**',
      'src/test-utils/**',
      'tests/**',
    ],
    rules: { 'import-x/no-restricted-paths': ['error', { basePath: root, zones: ZONES }] },
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
      // Nor a package: contract is read by both sides and depends on nothing (see ZONES too).
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!\\.\\.?/)', message: 'contract 不依赖任何包' }] },
      ],
    },
  },
  prettier,
);
