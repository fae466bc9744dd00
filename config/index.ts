import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import { BASE_LEVEL } from './base-level';
import devConfig from './dev';
import prodConfig from './prod';

const isH5 = process.env.TARO_ENV === 'h5';

// Declared here (not only in .env files) so an unset variable compiles to '' instead of leaving a
// bare `process.env.X` that throws in the mini-program runtime. Values in .env files still win.
const env = {
  TARO_APP_CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
  TARO_APP_API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE ?? ''),
  TARO_APP_TMPL_QUEUE_THREE_AHEAD: JSON.stringify(
    process.env.TARO_APP_TMPL_QUEUE_THREE_AHEAD ?? '',
  ),
  TARO_APP_TMPL_QUEUE_YOUR_TURN: JSON.stringify(process.env.TARO_APP_TMPL_QUEUE_YOUR_TURN ?? ''),
  TARO_APP_TMPL_FOLLOW_UP: JSON.stringify(process.env.TARO_APP_TMPL_FOLLOW_UP ?? ''),
};

// Text must never shrink with the screen width (elderly readers), so px stays px on both
// platforms; layouts are fluid (flex, %) instead of scaled.
const noPxTransform = { pxtransform: { enable: false, config: {} } };

// https://docs.taro.zone/docs/config
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'badianban',
    date: '2026-11-28',
    designWidth: 375,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // Separate output dirs so both builds coexist: WeChat DevTools opens dist/, the local host
    // serves dist-h5/ at `/`.
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    plugins: [
      path.resolve(__dirname, 'plugins', 'weapp-aria.ts'),
      path.resolve(__dirname, 'plugins', 'weapp-components.ts'),
      path.resolve(__dirname, 'plugins', 'weapp-attributes.ts'),
    ],
    env,
    defineConstants: {},
    alias: { '@': path.resolve(__dirname, '..', 'src') },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: Object.assign(
      {
        // Off for weapp: a cached build once reused stale subpackage chunk wiring after the
        // booking and staff subpackages began sharing modules, leaving pages blank. A clean weapp
        // build takes ~10 s; H5 keeps the cache (its chunks are content-hashed per page).
        enable: isH5,
        // Taro already watches config/index.ts and src/app.config.ts; files they import are not
        // followed (TypeScript), so a changed plugin would otherwise reuse stale app entries.
        buildDependencies: {
          plugins: ['weapp-aria.ts', 'weapp-attributes.ts'].map((f) =>
            path.join(__dirname, 'plugins', f),
          ),
          modes: ['dev.ts', 'prod.ts'].map((f) => path.join(__dirname, f)),
        },
      },
      {
        // In the checkout, not node_modules/.cache: two worktrees sharing node_modules must not
        // share (and overwrite) each other's build cache. (Passed on to webpack; Taro's type
        // does not list it.)
        cacheDirectory: path.resolve(__dirname, '..', '.cache', 'webpack'),
      },
    ),
    mini: {
      postcss: { ...noPxTransform },
      // Read by Taro's MiniPlugin (webpack5-runner), though its config type does not list it.
      ...({ baseLevel: BASE_LEVEL } as object),
      // Every component has its own class prefix, so stylesheet order across chunks does not
      // matter (overrides of shared components outrank them by specificity, not by order).
      miniCssExtractPluginOption: { ignoreOrder: true },
      // Taro's terser writes every non-ASCII character as a \uXXXX escape (6 bytes; 3 in UTF-8):
      // our Chinese UI text doubled in size. WeChat reads the JS as UTF-8 (issue #15: −3.6 KB of
      // the main package). Merged into Taro's terser options by the mini runner, though the mini
      // config type does not list it.
      ...({ terser: { enable: true, config: { output: { ascii_only: false } } } } as object),
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        ...noPxTransform,
        autoprefixer: { enable: true, config: {} },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
